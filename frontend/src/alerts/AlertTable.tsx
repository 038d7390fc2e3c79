// The queue's table: one row per alert, the rule title opening its detail page. With
// `selectable`, a checkbox per row (and one for every loaded row) feeds the bulk actions.

import { Link } from 'react-router';
import { RelativeTime } from '../components/RelativeTime';
import type { AlertFieldsFragment } from '../gql/graphql';
import { Assignee } from './Assignee';
import { AlertStatusBadge } from './AlertStatusBadge';
import { groupEntries } from './group';
import { SeverityBadge } from './SeverityBadge';
import { SlaCountdown } from './SlaCountdown';

interface Props {
  alerts: readonly AlertFieldsFragment[];
  caption: string;
  viewerId: string;
  names: ReadonlyMap<string, string>;
  /** Bulk selection; absent for those who cannot triage. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (id: string) => void;
    onToggleAll: (select: boolean) => void;
  };
}

export function AlertTable({ alerts, caption, viewerId, names, selection }: Props) {
  const selectable = alerts.filter((a) => a.status !== 'CLOSED');
  const allSelected = selection !== undefined && selectable.length > 0 && selectable.every((a) => selection.selected.has(a.id));
  const columns = selection === undefined ? 9 : 10;
  return (
    <table className="alerts">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {selection !== undefined && (
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every open alert shown"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={(e) => selection.onToggleAll(e.target.checked)}
              />
            </th>
          )}
          <th scope="col">Severity</th>
          <th scope="col">Rule</th>
          <th scope="col">Tenant</th>
          <th scope="col">Host / user</th>
          <th scope="col">Events</th>
          <th scope="col">Age</th>
          <th scope="col">SLA</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {alerts.length === 0 && (
          <tr>
            <td colSpan={columns} className="muted">
              No alerts match.
            </td>
          </tr>
        )}
        {alerts.map((a) => (
          <tr key={a.id} data-alert-id={a.id}>
            {selection !== undefined && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${a.ruleTitle} (${a.tenant.name})`}
                  checked={selection.selected.has(a.id)}
                  disabled={a.status === 'CLOSED'}
                  onChange={() => selection.onToggle(a.id)}
                />
              </td>
            )}
            <td>
              <SeverityBadge severity={a.severity} />
            </td>
            <td>
              <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{a.ruleTitle}</Link>
            </td>
            <td>{a.tenant.name}</td>
            <td className="group-cell">
              {groupEntries(a.group).map(([k, v]) => (
                <span key={k} className="group-value">
                  <span className="muted">{k}</span> <code>{v}</code>
                </span>
              ))}
            </td>
            <td>{a.eventCount}</td>
            <td>
              <RelativeTime value={a.createdAt} />
            </td>
            <td>
              <SlaCountdown clocks={a.sla} />
            </td>
            <td>
              <AlertStatusBadge status={a.status} disposition={a.disposition} />
            </td>
            <td>
              <Assignee id={a.assigneeId} viewerId={viewerId} names={names} name={a.assignee?.displayName} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
