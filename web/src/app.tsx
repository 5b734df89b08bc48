import { useEffect, useRef } from 'preact/hooks';
import type { ApiClient } from './api/client';
import { Header } from './components/Header/Header';
import { SigninErrorAlert } from './components/SigninErrorAlert/SigninErrorAlert';
import { Toasts } from './components/Toasts/Toasts';
import { ApiContext } from './hooks/use-api';
import { LocationContext, useBrowserLocation, useLocation } from './hooks/use-location';
import { SessionContext, useSessionState } from './hooks/use-session';
import { useSigninError } from './hooks/use-signin-error';
import { ToastContext, useToastState } from './hooks/use-toasts';
import { BookmarksPage } from './pages/Bookmarks/BookmarksPage';
import { HistoryPage } from './pages/History/HistoryPage';
import { NotFoundPage } from './pages/NotFound/NotFoundPage';

/** Every route of the app. */
function Routes() {
  const { path } = useLocation();
  switch (path) {
    case '/':
    case '/index.html':
      return <HistoryPage />;
    case '/bookmarks':
    case '/bookmarks/':
      return <BookmarksPage />;
    default:
      return <NotFoundPage />;
  }
}

/** After moving to another page, focus goes to its content, as a page load would put it at the top. */
function useFocusOnNavigation(path: string) {
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    main.current?.focus();
  }, [path]);
  return main;
}

function Layout() {
  const [signinError, dismissSigninError] = useSigninError();
  const { path } = useLocation();
  const main = useFocusOnNavigation(path);
  return (
    <>
      <a class="visually-hidden-focusable skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" class="container py-3" tabIndex={-1} ref={main}>
        {signinError !== null && <SigninErrorAlert code={signinError} onDismiss={dismissSigninError} />}
        <Routes />
      </main>
    </>
  );
}

export function App({ api }: { api: ApiClient }) {
  const location = useBrowserLocation();
  const session = useSessionState(api);
  const toasts = useToastState();
  return (
    <ApiContext.Provider value={api}>
      <LocationContext.Provider value={location}>
        <SessionContext.Provider value={session}>
          <ToastContext.Provider value={toasts.api}>
            <Layout />
            <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
          </ToastContext.Provider>
        </SessionContext.Provider>
      </LocationContext.Provider>
    </ApiContext.Provider>
  );
}
