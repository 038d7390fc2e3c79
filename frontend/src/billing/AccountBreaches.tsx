// The month's missed SLA targets in a tenant's account report. `accountReport` carries only the
// breach count, so the breaches come from `slaReport` over the same month (the tenant's local
// month): what missed (an alert or case and its severity), which target, when it was due, by how
// much, and a link to it where the viewer can open it.

import { Link } from 'react-router';
import { useQuery } from 'urql';
import { canReadAlerts } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { SLA_TARGET_LABELS } from '../alerts/sla';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { ErrorBanner } from '../components/ErrorBanner';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf } from '../graphql/problems';
import { formatDuration } from '../lib/time';
import { useNow } from '../lib/useNow';
import { breachedBySeconds, subjectPath } from './breaches';
import { AccountSlaBreachesQuery } from './documents';
import { zonedMonthRange } from './zonedMonth';

interface Props {
  tenantId: string;
  month: string;
  timezone: string;
}

export function AccountBreaches({ tenantId, month, timezone }: Props) {
  const viewer = useViewer();
  const now = useNow();
  const range = zonedMonthRange(month, timezone);
  const [{ data, error, fetching }] = useQuery({
    query: AccountSlaBreachesQuery,
    variables: { tenantId, from: range?.from ?? '', to: range?.to ?? '' },
    pause: range === null,
  });
  const breaches = data?.slaReport.breaches;
  const alerts = canReadAlerts(viewer.role);

  return (
    <div className="account-breaches">
      <h3>Breaches this month</h3>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {breaches === undefined ? (
        fetching && <p role="status">Loading breaches…</p>
      ) : breaches.length === 0 ? (
        <p className="muted">No SLA target was missed this month.</p>
      ) : (
        <table aria-label="SLA breaches">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Due</th>
              <th scope="col">Breached by</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {breaches.map((b) => {
              const by = breachedBySeconds(b, now);
              const path = subjectPath(b.subjectKind, b.subjectId, alerts);
              const noun = b.subjectKind === 'CASE' ? 'case' : 'alert';
              return (
                <tr key={`${b.subjectKind}-${b.subjectId}-${b.target}`}>
                  <td>
                    <SeverityBadge severity={b.severity} /> {noun}
                  </td>
                  <td>{SLA_TARGET_LABELS[b.target]}</td>
                  <td>
                    <RelativeTime value={b.dueAt} />
                  </td>
                  <td>
                    {formatDuration(by.seconds)}
                    {by.running && <span className="muted"> so far</span>}
                  </td>
                  <td>
                    {path === null ? (
                      <span className="muted">Alerts are not in your console</span>
                    ) : (
                      <Link to={path}>
                        Open {noun}
                        <span className="visually-hidden"> {b.subjectId}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
