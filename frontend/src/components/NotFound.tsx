// What a missing page and an object outside the caller's scope look like: the same, on
// purpose, so the console never hints that another tenant's object exists.

import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFound({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>This {what} does not exist, or you do not have access to it.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </section>
  );
}
