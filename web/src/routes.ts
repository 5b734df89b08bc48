import { lazy } from 'preact-iso';

// Every page of the app, each loaded on first visit (its own chunk under /assets/).
// The server answers index.html for any other path that asks for HTML, so the
// router's default route (NotFoundPage, in app.tsx) is what a bad link shows.

const HistoryPage = lazy(() => import('./pages/History/HistoryPage').then((module) => module.HistoryPage));
const BookmarksPage = lazy(() => import('./pages/Bookmarks/BookmarksPage').then((module) => module.BookmarksPage));
const SearchPage = lazy(() => import('./pages/Search/SearchPage').then((module) => module.SearchPage));
const AtPage = lazy(() => import('./pages/At/AtPage').then((module) => module.AtPage));
const SongPage = lazy(() => import('./pages/Song/SongPage').then((module) => module.SongPage));
const ArtistPage = lazy(() => import('./pages/Artist/ArtistPage').then((module) => module.ArtistPage));
const ChartsPage = lazy(() => import('./pages/Charts/ChartsPage').then((module) => module.ChartsPage));
const WatchesPage = lazy(() => import('./pages/Watches/WatchesPage').then((module) => module.WatchesPage));
const AdminChannelsPage = lazy(() => import('./pages/Admin/AdminChannelsPage').then((module) => module.AdminChannelsPage));

export const PAGES = [
  { path: '/', component: HistoryPage },
  { path: '/index.html', component: HistoryPage },
  { path: '/bookmarks', component: BookmarksPage },
  { path: '/search', component: SearchPage },
  { path: '/at', component: AtPage },
  { path: '/at/:time', component: AtPage },
  { path: '/songs/:id', component: SongPage },
  { path: '/artists/:id', component: ArtistPage },
  { path: '/charts', component: ChartsPage },
  { path: '/watches', component: WatchesPage },
  { path: '/admin/channels', component: AdminChannelsPage },
] as const;

/** Loads every page's code now, so a page renders at once when visited (tests render synchronously). */
export function preloadPages(): Promise<unknown> {
  return Promise.all(PAGES.map((page) => page.component.preload()));
}

/** A route's pattern as a regular expression: `:param` matches one path segment. */
function patternSource(path: string): string {
  return path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/?#]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
}

/** A regular expression matching the links to any of `paths` (route patterns), with or without a query or fragment. */
export function linksTo(paths: readonly string[]): RegExp {
  return new RegExp(`^(?:${paths.map(patternSource).join('|')})/?(?:[?#]|$)`);
}

/**
 * The links the router follows without reloading: those to one of its pages.
 * Any other link on the origin (sign-in, sign-out, /docs/, the API) is the server's, so the browser loads it.
 */
export const PAGE_LINKS = linksTo(PAGES.map((page) => page.path));
