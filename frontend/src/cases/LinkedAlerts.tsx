// The alerts escalated into a case.

import { Link } from 'react-router';
import { AlertStatusBadge } from '../alerts/AlertStatusBadge';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery } from '../gql/graphql';

type Alert = NonNullable<CaseQuery['case']>['alerts'][number];

export function LinkedAlerts({ alerts }: { alerts: readonly Alert[] }) {
  return (
    <section aria-labelledby="linked-alerts-title" className="panel">
      <h2 id="linked-alerts-title">Linked alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">No linked alerts.</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id}>
              <SeverityBadge severity={a.severity} /> <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{a.ruleTitle}</Link>{' '}
              <AlertStatusBadge status={a.status} disposition={null} /> · <RelativeTime value={a.createdAt} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
