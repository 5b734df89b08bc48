import { LocationProvider, Route, Router } from 'preact-iso';
import { useMemo, useRef } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { Header } from './components/Header/Header';
import { SigninErrorAlert } from './components/SigninErrorAlert/SigninErrorAlert';
import { Toasts } from './components/Toasts/Toasts';
import { createLiveHub } from './history/live-hub';
import { ApiContext } from './hooks/use-api';
import { LiveHubContext } from './hooks/use-live-hub';
import { SessionContext, useSessionState } from './hooks/use-session';
import { useSigninError } from './hooks/use-signin-error';
import { ToastContext, useToastState } from './hooks/use-toasts';
import { WatchesContext, useWatchesState } from './hooks/use-watches';
import { NotFoundPage } from './pages/NotFound/NotFoundPage';
import { PAGE_LINKS, PAGES } from './routes';

function Layout() {
  const [signinError, dismissSigninError] = useSigninError();
  const main = useRef<HTMLElement>(null);
  return (
    <>
      <a class="visually-hidden-focusable skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" class="container py-3" tabIndex={-1} ref={main}>
        {signinError !== null && <SigninErrorAlert code={signinError} onDismiss={dismissSigninError} />}
        {/* After moving to another page (not on a new query), focus goes to its content, as a page load would put it at the top. */}
        <Router onRouteChange={() => main.current?.focus()}>
          {PAGES.map((page) => (
            <Route key={page.path} path={page.path} component={page.component} />
          ))}
          <Route default component={NotFoundPage} />
        </Router>
      </main>
    </>
  );
}

export function App({ api }: { api: ApiClient }) {
  const session = useSessionState(api);
  const toasts = useToastState();
  // One live stream for the whole app: the history page's items and the signed-in user's watch matches.
  const hub = useMemo(() => createLiveHub((lastEventId) => api.openHistoryEvents(lastEventId)), [api]);
  const watches = useWatchesState(api, session, hub, toasts.api);
  return (
    <ApiContext.Provider value={api}>
      <LocationProvider scope={PAGE_LINKS}>
        <SessionContext.Provider value={session}>
          <ToastContext.Provider value={toasts.api}>
            <LiveHubContext.Provider value={hub}>
              <WatchesContext.Provider value={watches}>
                <Layout />
                <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
              </WatchesContext.Provider>
            </LiveHubContext.Provider>
          </ToastContext.Provider>
        </SessionContext.Provider>
      </LocationProvider>
    </ApiContext.Provider>
  );
}
