// Users. Provider admins see everyone, create users of any role, disable them and edit staff
// assignments; customer admins see and manage the users of their own tenant.

import { useState } from 'react';
import { useQuery } from 'urql';
import { canAssignTenants, canDisableUser, isAssignable } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import type { UserFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { useAllTenants } from '../graphql/useAllTenants';
import { AssignmentsEditor } from '../users/AssignmentsEditor';
import { CreateUserForm } from '../users/CreateUserForm';
import { DisableUserButton } from '../users/DisableUserButton';
import { UsersQuery } from '../users/documents';
import { scopeLabel } from '../users/scopeLabel';
import { UserTable } from '../users/UserTable';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function UsersPage() {
  const viewer = useViewer();
  const isProvider = viewer.role === 'PROVIDER_ADMIN';
  useDocumentTitle('Users');
  const { tenants } = useAllTenants();
  const [{ data, error }, refetch] = useQuery({
    query: UsersQuery,
    variables: isProvider ? {} : { tenantId: viewer.tenantId ?? null },
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [created, setCreated] = useState<UserFieldsFragment | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const users = data?.users ?? [];
  const editingUser = users.find((u) => u.id === editing);

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <CreateUserForm
        viewer={viewer}
        tenants={tenants}
        onCreated={(user) => {
          setCreated(user);
          reload();
        }}
      />
      {created !== null && (
        <p className="notice" role="status">
          Created {created.email}.
        </p>
      )}
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {editingUser !== undefined && (
        <AssignmentsEditor
          key={editingUser.id}
          user={editingUser}
          tenants={tenants}
          onClose={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <UserTable
        users={users}
        caption={isProvider ? 'Everyone with access to Garrison' : 'People in your organization'}
        {...(isProvider ? { scopeOf: (u: UserFieldsFragment) => scopeLabel(u, tenants) } : {})}
        actions={(u) => (
          <>
            {canAssignTenants(viewer.role) && isAssignable(u.role) && !u.disabled && (
              <button type="button" aria-label={`Edit tenants of ${u.email}`} onClick={() => setEditing(u.id)}>
                Tenants…
              </button>
            )}
            {canDisableUser(viewer, u) && <DisableUserButton user={u} onDone={reload} />}
          </>
        )}
      />
    </section>
  );
}
