import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { NO_SEARCH_FILTERS, SEARCH_PARAM, searchFiltersFromQuery, searchUrl } from '../../catalog/urls';
import { Icon } from '../Icon/Icon';

export const SEARCH_DEBOUNCE_MS = 300;
const SEARCH_PATH = '/search';

/**
 * The header's search: typing goes to /search?q=… once the listener pauses (the address is the
 * search, so it can be shared); Enter goes at once. While on the search page, each change
 * replaces the address instead of adding a step to Back for every pause, and keeps the airings'
 * channel and days: refining the words is not starting over. From any other page, a search starts plain.
 */
export function SearchBox() {
  const { path, query, route } = useLocation();
  const onSearchPage = path === SEARCH_PATH;
  const shownQuery = onSearchPage ? (query[SEARCH_PARAM] ?? '') : '';
  const [text, setText] = useState(shownQuery);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The search this box last put in the address: that change is no news to the box.
  const routed = useRef<string | null>(null);

  // The address changed by itself (Back, a link): the box follows it. Not when the box changed it,
  // or a listener still typing would lose what they typed since the pause.
  useEffect(() => {
    if (onSearchPage && shownQuery !== routed.current) setText(shownQuery);
    routed.current = null;
  }, [onSearchPage, shownQuery]);
  useEffect(() => () => cancel(), []);

  function cancel() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }

  function go(value: string) {
    cancel();
    if (value.trim() === shownQuery.trim() && onSearchPage) return;
    if (value.trim() === '' && !onSearchPage) return;
    routed.current = value.trim();
    route(searchUrl(value, onSearchPage ? searchFiltersFromQuery(query) : NO_SEARCH_FILTERS), onSearchPage);
  }

  return (
    <form
      class="header-search d-flex"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        go(text);
      }}
    >
      <label class="visually-hidden" for="header-search-input">
        Search songs
      </label>
      <div class="input-group input-group-sm">
        <input
          id="header-search-input"
          class="form-control"
          type="search"
          name="q"
          placeholder="Search songs"
          autoComplete="off"
          maxLength={200}
          value={text}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            cancel();
            timer.current = setTimeout(() => go(value), SEARCH_DEBOUNCE_MS);
          }}
        />
        <button class="btn btn-light" type="submit" aria-label="Search">
          <Icon name="search" />
        </button>
      </div>
    </form>
  );
}
