import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useApi } from '../../hooks/use-api';
import { useSession } from '../../hooks/use-session';
import { useWatches } from '../../hooks/use-watches';
import type { User } from '../../api/types';
import { Icon } from '../Icon/Icon';
import { SearchBox } from '../SearchBox/SearchBox';
import { Spinner } from '../Spinner/Spinner';
import { isLoadablePicture } from './loadable-picture';

const NAV_LINKS = [
  { href: '/', label: 'History', matches: (path: string) => path === '/' },
  { href: '/at', label: 'Playing at…', matches: (path: string) => path === '/at' || path.startsWith('/at/') },
  { href: '/charts', label: 'Charts', matches: (path: string) => path === '/charts' },
  { href: '/bookmarks', label: 'Bookmarks', matches: (path: string) => path === '/bookmarks' },
] as const;

/** Shown to signed-in users, with the count of matches that arrived since they last looked. */
const WATCHES_LINK = { href: '/watches', label: 'Watches', matches: (path: string) => path === '/watches' };

/** Shown to admins only (GET /user's is_admin); the page itself also says who may use it. */
const ADMIN_LINK = { href: '/admin/channels', label: 'Channels', matches: (path: string) => path.startsWith('/admin/') };

function fullName(user: User): string {
  return [user.given_name, user.family_name].filter(Boolean).join(' ') || 'Signed in';
}

function Avatar({ user }: { user: User }) {
  const [failed, setFailed] = useState(false);
  if (!user.picture || failed || !isLoadablePicture(user.picture, window.location.href)) {
    return (
      <span class="avatar avatar-initial" aria-hidden="true">
        {(user.given_name || user.family_name || '?').slice(0, 1).toUpperCase()}
      </span>
    );
  }
  // alt="" since the name is written beside it.
  return (
    <img class="avatar" src={user.picture} alt="" width={32} height={32} referrerPolicy="no-referrer" onError={() => setFailed(true)} />
  );
}

function Account() {
  const api = useApi();
  const session = useSession();
  if (session.status === 'loading') return <Spinner small label="Checking who is signed in…" />;
  if (session.status === 'signed-out') {
    return (
      <a class="btn btn-light btn-sm" href={api.signInUrl()}>
        <Icon name="signIn" class="me-1" />
        Sign in with Google
      </a>
    );
  }
  return (
    <div class="d-flex align-items-center gap-2 account">
      <Avatar user={session.user} />
      <span class="text-white user-name">{fullName(session.user)}</span>
      <a class="btn btn-outline-light btn-sm" href={api.signOutUrl()}>
        <Icon name="signOut" class="me-1" />
        Sign out
      </a>
    </div>
  );
}

/** Brand, navigation, and who is signed in. */
export function Header() {
  const { path } = useLocation();
  const session = useSession();
  const { unseen } = useWatches();
  const [expanded, setExpanded] = useState(false);
  const signedIn = session.status === 'signed-in';
  const links = [...NAV_LINKS, ...(signedIn ? [WATCHES_LINK] : []), ...(signedIn && session.user.is_admin ? [ADMIN_LINK] : [])];
  return (
    <header>
      <nav class="navbar navbar-expand-lg navbar-dark bg-dark app-navbar" aria-label="Main">
        <div class="container">
          <a class="navbar-brand d-flex align-items-center gap-2" href="/">
            <Icon name="musicNote" />
            Nicecream History
          </a>
          <SearchBox />
          <button
            class="navbar-toggler"
            type="button"
            aria-controls="main-nav"
            aria-expanded={expanded}
            aria-label={expanded ? 'Hide navigation' : 'Show navigation'}
            onClick={() => setExpanded(!expanded)}
          >
            <Icon name="list" />
          </button>
          <div class={`collapse navbar-collapse${expanded ? ' show' : ''}`} id="main-nav">
            <ul class="navbar-nav me-auto">
              {links.map((link) => (
                <li class="nav-item" key={link.href}>
                  <a
                    class={`nav-link${link.matches(path) ? ' active' : ''}`}
                    href={link.href}
                    aria-current={link.matches(path) ? 'page' : undefined}
                    onClick={() => setExpanded(false)}
                  >
                    {link.label}
                    {link === WATCHES_LINK && unseen > 0 && ' '}
                    {link === WATCHES_LINK && unseen > 0 && (
                      <span class="badge rounded-pill text-bg-warning nav-badge ms-1 watches-badge">
                        {unseen} <span class="visually-hidden">{unseen === 1 ? 'new match' : 'new matches'}</span>
                      </span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
            <div class="py-2 py-lg-0">
              <Account />
            </div>
          </div>
        </div>
      </nav>
    </header>
  );
}
