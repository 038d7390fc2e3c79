// A tenant's account report (`/tenants/:tenantId/report?month=YYYY-MM`), inside the tenant's
// frame: for account managers and provider admins, and for a customer admin of the tenant while
// the provider shares it with them.

import { useParams } from 'react-router';
import { canReadAccountReports } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { AccountReportView } from '../billing/AccountReportView';
import { SharedAccountReport } from '../billing/SharedAccountReport';
import { TenantLayout } from '../tenants/TenantLayout';

export function TenantReportPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  return (
    <TenantLayout tenantId={tenantId}>
      {(tenant) => (canReadAccountReports(viewer.role) ? <AccountReportView tenant={tenant} /> : <SharedAccountReport tenant={tenant} />)}
    </TenantLayout>
  );
}
