// A tenant's page: its facts and, for roles that may read them, its ingest health and its users. Customers land here.

import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { canReadEvents, canSeeTenantUsers, isCustomerRole } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { CustomerDashboard } from '../dashboard/CustomerDashboard';
import { problemsOf } from '../graphql/problems';
import { IngestHealth } from '../ingest/IngestHealth';
import { TenantLayout } from '../tenants/TenantLayout';
import { UsersQuery } from '../users/documents';
import { UserTable } from '../users/UserTable';

function TenantUsers({ tenantId }: { tenantId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: UsersQuery, variables: { tenantId } });
  if (error !== undefined) return <ErrorBanner problems={problemsOf(error)} />;
  if (fetching && data === undefined) return <p role="status">Loading users…</p>;
  return <UserTable users={data?.users ?? []} caption="Users of this tenant" />;
}

export function TenantPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  return (
    <TenantLayout tenantId={tenantId}>
      {(tenant) => (
        <>
          {isCustomerRole(viewer.role) && <CustomerDashboard tenantId={tenant.id} />}
          {canReadEvents(viewer.role) && <IngestHealth tenantId={tenant.id} />}
          {canSeeTenantUsers(viewer.role) && <TenantUsers tenantId={tenant.id} />}
        </>
      )}
    </TenantLayout>
  );
}
