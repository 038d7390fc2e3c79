// The case list's table: number and title open the case.

import { Link } from 'react-router';
import { Assignee } from '../alerts/Assignee';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { SlaCountdown } from '../alerts/SlaCountdown';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseRowFragment } from '../gql/graphql';
import { CaseStatusBadge } from './CaseStatusBadge';
import { CASE_SOURCE_LABELS } from './labels';

interface Props {
  cases: readonly CaseRowFragment[];
  viewerId: string;
  names: ReadonlyMap<string, string>;
}

export function CaseTable({ cases, viewerId, names }: Props) {
  return (
    <table className="cases">
      <caption className="visually-hidden">Cases</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Tenant</th>
          <th scope="col">Title</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
          <th scope="col">Source</th>
          <th scope="col">SLA</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {cases.length === 0 && (
          <tr>
            <td colSpan={9} className="muted">
              No cases match.
            </td>
          </tr>
        )}
        {cases.map((c) => (
          <tr key={c.id}>
            <td>#{c.number}</td>
            <td>{c.tenant.name}</td>
            <td>
              <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
            </td>
            <td>
              <SeverityBadge severity={c.severity} />
            </td>
            <td>
              <CaseStatusBadge status={c.status} />
            </td>
            <td>
              <Assignee id={c.assigneeId ?? null} viewerId={viewerId} names={names} />
            </td>
            <td>{CASE_SOURCE_LABELS[c.source]}</td>
            <td>
              <SlaCountdown clocks={c.sla} />
            </td>
            <td>
              <RelativeTime value={c.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
