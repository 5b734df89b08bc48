import { useDocumentTitle } from '../../hooks/use-document-title';

/** A link to nowhere: an unknown page, or (`what`) a song or artist the API does not know. */
export function NotFoundPage({ what = 'page' }: { what?: string }) {
  const heading = `${what.charAt(0).toUpperCase()}${what.slice(1)} not found`;
  useDocumentTitle(heading);
  return (
    <section class="text-center py-5">
      <h1 class="h4">{heading}</h1>
      <p>
        <a href="/">Back to the history</a>
      </p>
    </section>
  );
}
