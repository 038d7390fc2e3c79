// "Which tenants" for a user, in words: a customer's home tenant, a staff member's assignments.

import type { TenantFieldsFragment, UserFieldsFragment } from '../gql/graphql';

export function scopeLabel(user: UserFieldsFragment, tenants: readonly TenantFieldsFragment[]): string {
  const name = (id: string) => tenants.find((t) => t.id === id)?.name ?? 'unknown tenant';
  if (user.tenantId !== null && user.tenantId !== undefined) return name(user.tenantId);
  if (user.role === 'PROVIDER_ADMIN' || user.allTenants) return 'All tenants';
  if (user.tenantIds.length === 0) return 'None assigned';
  return user.tenantIds.map(name).sort().join(', ');
}
