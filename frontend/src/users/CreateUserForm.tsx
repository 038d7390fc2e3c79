// Create a user. Provider admins pick any role and, by role, a home tenant or assignments;
// customer admins create customer users of their own tenant, whose id is fixed.

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { creatableRoles, isAssignable, isCustomerRole, ROLE_LABELS, type Viewer } from '../auth/permissions';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField, TextField } from '../components/Field';
import type { Role, TenantFieldsFragment, UserFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { createUserInput, type UserDraft } from './createUserInput';
import { CreateUserMutation } from './documents';
import { TenantChecklist } from './TenantChecklist';

const FIELDS = ['email', 'displayName', 'password', 'role', 'tenantId', 'tenantIds', 'allTenants'] as const;

/** The least powerful role a caller usually creates: nobody becomes an admin by default. */
function defaultRole(viewer: Viewer): Role {
  return viewer.role === 'PROVIDER_ADMIN' ? 'ANALYST' : 'CUSTOMER_VIEWER';
}

function emptyDraft(viewer: Viewer): UserDraft {
  return {
    email: '',
    displayName: '',
    password: '',
    role: defaultRole(viewer),
    homeTenantId: viewer.tenantId ?? '',
    assignment: { allTenants: false, tenantIds: [] },
  };
}

interface Props {
  viewer: Viewer;
  /** Tenants to choose from; customer admins have none to choose. */
  tenants: readonly TenantFieldsFragment[];
  onCreated: (user: UserFieldsFragment) => void;
}

export function CreateUserForm({ viewer, tenants, onCreated }: Props) {
  const roles = creatableRoles(viewer.role);
  const [draft, setDraft] = useState<UserDraft>(() => emptyDraft(viewer));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, createUser] = useMutation(CreateUserMutation);
  const { byField, general } = splitByField(problems, FIELDS);
  const choosesTenant = viewer.role === 'PROVIDER_ADMIN';
  const set = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createUser({ input: createUserInput(draft) });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    if (result.data !== undefined) {
      setProblems([]);
      setDraft(emptyDraft(viewer));
      onCreated(result.data.createUser);
    }
  };

  return (
    <form className="panel" aria-labelledby="create-user-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="create-user-title">Create a user</h2>
      <div className="row">
        <TextField label="Email" type="email" required autoComplete="off" value={draft.email} error={byField.email} onChange={(e) => set({ email: e.target.value })} />
        <TextField label="Display name" value={draft.displayName} error={byField.displayName} onChange={(e) => set({ displayName: e.target.value })} />
        <TextField
          label="Initial password"
          type="password"
          required
          autoComplete="new-password"
          hint="At least 12 characters. Share it with the person securely."
          value={draft.password}
          error={byField.password}
          onChange={(e) => set({ password: e.target.value })}
        />
        <SelectField label="Role" value={draft.role} error={byField.role} onChange={(e) => set({ role: e.target.value as Role })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        {choosesTenant && isCustomerRole(draft.role) && (
          <SelectField label="Tenant" value={draft.homeTenantId} error={byField.tenantId} onChange={(e) => set({ homeTenantId: e.target.value })}>
            <option value="">Choose a tenant…</option>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {choosesTenant && isAssignable(draft.role) && (
        <TenantChecklist
          legend="Assigned tenants"
          tenants={tenants}
          value={draft.assignment}
          error={byField.tenantIds ?? byField.allTenants}
          onChange={(assignment) => set({ assignment })}
        />
      )}
      <ErrorBanner problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
