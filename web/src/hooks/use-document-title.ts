import { useEffect } from 'preact/hooks';

export const APP_NAME = 'Nicecream History';

/** Names the page in the tab, in history and for screen readers after navigation. */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} · ${APP_NAME}` : APP_NAME;
  }, [page]);
}
