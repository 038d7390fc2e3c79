// Who an alert or case can be handed to: staff who work the tenant (analysts and provider
// admins, not disabled), as `users(tenantId)` lists them. For several tenants at once (a bulk
// selection), only those who reach every one of them, since the API assigns all or none.

import type { Role } from '../gql/graphql';

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

export interface AssignableUser {
  id: string;
  name: string;
}

/** The roles that work alerts and cases. */
const WORKING_ROLES: ReadonlySet<Role> = new Set<Role>(['ANALYST', 'PROVIDER_ADMIN']);

export function canBeAssigned(user: StaffUser): boolean {
  return WORKING_ROLES.has(user.role) && !user.disabled;
}

export function userName(user: { displayName: string; email: string }): string {
  return user.displayName.trim() === '' ? user.email : user.displayName;
}

/**
 * The users assignable in every tenant, given each tenant's `users(tenantId)` list; sorted by
 * name. No tenants means nobody: there is nothing to assign.
 */
export function assignableInAll(perTenant: ReadonlyArray<readonly StaffUser[]>): AssignableUser[] {
  const [first, ...rest] = perTenant;
  if (first === undefined) return [];
  const others = rest.map((list) => new Set(list.filter(canBeAssigned).map((u) => u.id)));
  const seen = new Set<string>();
  const result: AssignableUser[] = [];
  for (const user of first) {
    if (!canBeAssigned(user) || seen.has(user.id)) continue;
    if (!others.every((ids) => ids.has(user.id))) continue;
    seen.add(user.id);
    result.push({ id: user.id, name: userName(user) });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}
