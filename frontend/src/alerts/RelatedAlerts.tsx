// Other alerts of the same rule in the same tenant, newest first, whatever their status.

import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { AlertTable } from './AlertTable';
import { AlertsQuery } from './documents';

const SHOWN = 20;

interface Props {
  alertId: string;
  ruleId: string;
  tenantId: string;
  viewerId: string;
  names: ReadonlyMap<string, string>;
}

export function RelatedAlerts({ alertId, ruleId, tenantId, viewerId, names }: Props) {
  const [{ data, error }] = useQuery({
    query: AlertsQuery,
    variables: { filter: { ruleId, tenantIds: [tenantId] }, first: SHOWN + 1, orderBy: 'NEWEST' },
    requestPolicy: 'cache-and-network',
  });
  const others = (data?.alerts.edges ?? []).map((e) => e.node).filter((a) => a.id !== alertId).slice(0, SHOWN);
  const total = data === undefined ? null : Math.max(0, data.alerts.totalCount - 1);
  return (
    <section aria-labelledby="related-title">
      <h2 id="related-title">Related alerts</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      <p className="count">
        {total === null ? 'Loading…' : `${others.length} of ${total} other alerts of this rule in this tenant`}
      </p>
      {data !== undefined && <AlertTable alerts={others} caption="Related alerts" viewerId={viewerId} names={names} />}
    </section>
  );
}
