// Replace an analyst's or account manager's tenant assignments (provider admins).

import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TenantFieldsFragment, UserFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { AssignTenantsMutation } from './documents';
import { TenantChecklist, type Assignment } from './TenantChecklist';

interface Props {
  user: UserFieldsFragment;
  tenants: readonly TenantFieldsFragment[];
  onClose: () => void;
}

export function AssignmentsEditor({ user, tenants, onClose }: Props) {
  const [value, setValue] = useState<Assignment>({ allTenants: user.allTenants, tenantIds: [...user.tenantIds] });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, assign] = useMutation(AssignTenantsMutation);
  const { byField, general } = splitByField(problems, ['tenantIds', 'allTenants']);

  const save = async () => {
    const result = await assign({
      userId: user.id,
      tenantIds: value.allTenants ? [] : value.tenantIds,
      allTenants: value.allTenants,
    });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    onClose();
  };

  return (
    <div className="panel" role="group" aria-label={`Tenant assignments of ${user.email}`}>
      <TenantChecklist
        legend={`Tenants ${user.email} works on`}
        tenants={tenants}
        value={value}
        error={byField.tenantIds ?? byField.allTenants}
        onChange={setValue}
      />
      <ErrorBanner problems={general} />
      <button type="button" disabled={fetching} onClick={() => void save()}>
        Save assignments
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
