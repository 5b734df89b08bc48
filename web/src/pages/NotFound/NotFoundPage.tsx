import { Link } from '../../components/Link/Link';

export function NotFoundPage() {
  return (
    <section class="text-center py-5">
      <h1 class="h4">Page not found</h1>
      <p>
        <Link href="/">Back to the history</Link>
      </p>
    </section>
  );
}
