// The createUser input for what the form holds: customer roles carry a home tenant, analysts
// and account managers carry assignments, provider admins neither (they reach every tenant).

import { isAssignable, isCustomerRole } from '../auth/permissions';
import type { CreateUserInput, Role } from '../gql/graphql';
import type { Assignment } from './TenantChecklist';

export interface UserDraft {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  homeTenantId: string;
  assignment: Assignment;
}

export function createUserInput(draft: UserDraft): CreateUserInput {
  const input: CreateUserInput = {
    email: draft.email.trim(),
    password: draft.password,
    role: draft.role,
    displayName: draft.displayName.trim() === '' ? null : draft.displayName.trim(),
  };
  if (isCustomerRole(draft.role)) {
    input.tenantId = draft.homeTenantId === '' ? null : draft.homeTenantId;
  } else if (isAssignable(draft.role)) {
    input.allTenants = draft.assignment.allTenants;
    input.tenantIds = draft.assignment.allTenants ? [] : draft.assignment.tenantIds;
  }
  return input;
}
