// A tenant's account report (`/tenants/:tenantId/report?month=YYYY-MM`), inside the tenant's
// frame: for account managers and provider admins.

import { useParams } from 'react-router';
import { AccountReportView } from '../billing/AccountReportView';
import { TenantLayout } from '../tenants/TenantLayout';

export function TenantReportPage() {
  const { tenantId = '' } = useParams();
  return <TenantLayout tenantId={tenantId}>{(tenant) => <AccountReportView tenant={tenant} />}</TenantLayout>;
}
