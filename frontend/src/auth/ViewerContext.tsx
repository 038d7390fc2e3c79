// The signed-in person (`me`), loaded once per session and read by the shell, the router and
// every permission check.

import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { ViewerQuery as ViewerResult } from '../gql/graphql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { ViewerQuery } from './viewerQuery';

export type ViewerProfile = ViewerResult['me'];

const ViewerContext = createContext<ViewerProfile | null>(null);

export function useViewer(): ViewerProfile {
  const viewer = useContext(ViewerContext);
  if (viewer === null) throw new Error('useViewer outside <ViewerProvider>');
  return viewer;
}

export function ViewerProvider({ children }: { children: ReactNode }) {
  const [{ data, error, fetching }] = useQuery({ query: ViewerQuery });
  if (fetching && data === undefined) {
    return <p className="splash" role="status">Loading your account…</p>;
  }
  if (data === undefined) {
    return (
      <main className="splash">
        <ErrorBanner problems={error === undefined ? [] : problemsOf(error)} />
      </main>
    );
  }
  return <ViewerContext.Provider value={data.me}>{children}</ViewerContext.Provider>;
}
