// Audit entries, newest first: when, who, what, on what, and the entry's detail.

import { RelativeTime } from '../components/RelativeTime';
import type { AuditLogQuery } from '../gql/graphql';

export type AuditNode = AuditLogQuery['auditLog']['edges'][number]['node'];

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

interface Props {
  entries: readonly AuditNode[];
  /** A person's email by user id, where the caller may see that user. */
  actorName: (actorId: string) => string | undefined;
  tenant: { id: string; name: string };
}

/** Targets are `kind:id`; name the ones the page knows (this tenant, visible users). */
function targetText(target: string, tenant: Props['tenant'], actorName: Props['actorName']): string {
  const [kind, id] = target.split(':', 2);
  if (id === undefined) return target;
  if (kind === 'tenant' && id === tenant.id) return `tenant ${tenant.name}`;
  if (kind === 'user') {
    const email = actorName(id);
    if (email !== undefined) return `user ${email}`;
  }
  return target;
}

export function AuditTable({ entries, actorName, tenant }: Props) {
  return (
    <table>
      <caption>Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 && (
          <tr>
            <td colSpan={5} className="muted">
              Nothing recorded yet.
            </td>
          </tr>
        )}
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <RelativeTime value={e.createdAt} />
            </td>
            <td>{e.actorId === null || e.actorId === undefined ? <span className="muted">system</span> : (actorName(e.actorId) ?? <code>{e.actorId.slice(0, 8)}</code>)}</td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{targetText(e.target, tenant, actorName)}</td>
            <td>
              <code className="detail">{detailText(e.detail)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
