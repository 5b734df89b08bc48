import { useDocumentTitle } from '../../hooks/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section class="text-center py-5">
      <h1 class="h4">Page not found</h1>
      <p>
        <a href="/">Back to the history</a>
      </p>
    </section>
  );
}
