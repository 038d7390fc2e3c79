import type { TenantStatus } from '../gql/graphql';

export function StatusBadge({ status }: { status: TenantStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{status === 'ACTIVE' ? 'Active' : 'Suspended'}</span>;
}
