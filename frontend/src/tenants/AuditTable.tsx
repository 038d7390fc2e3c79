// Audit entries, newest first: when, who (by name, else "System" or "A removed user"), what,
// on what, and the entry's detail.

import { Attribution } from '../components/Attribution';
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
  /** A person's email by user id, where the caller may see that user (names user targets). */
  userEmail: (userId: string) => string | undefined;
  tenant: { id: string; name: string };
}

/** Targets are `kind:id`; name the ones the page knows (this tenant, visible users). */
function targetText(target: string, tenant: Props['tenant'], userEmail: Props['userEmail']): string {
  const [kind, id] = target.split(':', 2);
  if (id === undefined) return target;
  if (kind === 'tenant' && id === tenant.id) return `tenant ${tenant.name}`;
  if (kind === 'user') {
    const email = userEmail(id);
    if (email !== undefined) return `user ${email}`;
  }
  return target;
}

/** The actor's name, and their email too where the caller may see it and it says more. */
function ActorCell({ id, name, email }: { id: string | null | undefined; name: string | null | undefined; email: string | undefined }) {
  return (
    <>
      <Attribution id={id} name={name} />
      {email !== undefined && email !== name && <span className="muted"> ({email})</span>}
    </>
  );
}

export function AuditTable({ entries, userEmail, tenant }: Props) {
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
            <td>
              <ActorCell id={e.actorId} name={e.actorName} email={e.actorId === null || e.actorId === undefined ? undefined : userEmail(e.actorId)} />
            </td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>{targetText(e.target, tenant, userEmail)}</td>
            <td>
              <code className="detail">{detailText(e.detail)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
