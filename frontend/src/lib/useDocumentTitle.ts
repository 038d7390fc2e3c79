// Each page names itself in the tab title, which is also what screen readers announce first.

import { useEffect } from 'react';

/** `null` leaves the title to a child (e.g. a not-found view inside a layout). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} · Garrison`;
  }, [title]);
}
