import { LocationProvider, Route, Router } from 'preact-iso';
import { useRef } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { Header } from './components/Header/Header';
import { SigninErrorAlert } from './components/SigninErrorAlert/SigninErrorAlert';
import { Toasts } from './components/Toasts/Toasts';
import { ApiContext } from './hooks/use-api';
import { SessionContext, useSessionState } from './hooks/use-session';
import { useSigninError } from './hooks/use-signin-error';
import { ToastContext, useToastState } from './hooks/use-toasts';
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
  return (
    <ApiContext.Provider value={api}>
      <LocationProvider scope={PAGE_LINKS}>
        <SessionContext.Provider value={session}>
          <ToastContext.Provider value={toasts.api}>
            <Layout />
            <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
          </ToastContext.Provider>
        </SessionContext.Provider>
      </LocationProvider>
    </ApiContext.Provider>
  );
}
