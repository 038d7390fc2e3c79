// A table of users; the caller decides which row actions exist (none, disable, assignments).

import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../auth/permissions';
import { RelativeTime } from '../components/RelativeTime';
import type { UserFieldsFragment } from '../gql/graphql';

interface Props {
  users: readonly UserFieldsFragment[];
  caption: string;
  /** Where the user works, e.g. a tenant name or "All tenants"; omitted column when absent. */
  scopeOf?: (user: UserFieldsFragment) => string;
  actions?: (user: UserFieldsFragment) => ReactNode;
}

export function UserTable({ users, caption, scopeOf, actions }: Props) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          {scopeOf !== undefined && <th scope="col">Tenants</th>}
          <th scope="col">Status</th>
          <th scope="col">Last sign-in</th>
          {actions !== undefined && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {users.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              No users.
            </td>
          </tr>
        )}
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>{u.displayName}</td>
            <td>{ROLE_LABELS[u.role]}</td>
            {scopeOf !== undefined && <td>{scopeOf(u)}</td>}
            <td>{u.disabled ? <span className="badge badge-suspended">Disabled</span> : <span className="badge badge-active">Active</span>}</td>
            <td>
              <RelativeTime value={u.lastLoginAt} />
            </td>
            {actions !== undefined && (
              <td>
                <div className="actions">{actions(u)}</div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
