import type { Visibility } from '../gql/graphql';

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return visibility === 'INTERNAL' ? <span className="badge internal">Internal</span> : <span className="badge shared">Shared</span>;
}
