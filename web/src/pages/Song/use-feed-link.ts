import { useEffect } from 'preact/hooks';

/**
 * Announces the page's Atom feed to browsers and feed readers: a `<link rel="alternate"
 * type="application/atom+xml">` in the document's head while the page is shown (null: none).
 */
export function useFeedLink(href: string | null, title: string): void {
  useEffect(() => {
    if (href === null) return undefined;
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = href;
    link.title = title;
    document.head.append(link);
    return () => link.remove();
  }, [href, title]);
}
