// On a case that was merged away: which case it now lives in, linked, so its alerts, comments
// and timeline can be followed there.

import { Link } from 'react-router';
import { useQuery } from 'urql';
import { caseLabel } from './merge';
import { MergedIntoQuery } from './documents';

export function MergedIntoNotice({ targetId }: { targetId: string }) {
  const [{ data }] = useQuery({ query: MergedIntoQuery, variables: { id: targetId } });
  const target = data?.case ?? null;
  return (
    <p className="notice merged-into" role="note">
      Merged into{' '}
      <Link to={`/cases/${encodeURIComponent(targetId)}`}>{target === null ? 'another case' : caseLabel(target)}</Link>; its
      alerts, comments and timeline continue there.
    </p>
  );
}
