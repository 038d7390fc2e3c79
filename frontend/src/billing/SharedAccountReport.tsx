// A customer admin's own account report: shown only while the provider shares it
// (`billingAccount.customerReports`), otherwise a clear "not shared" notice. When the flag cannot
// be read, the report itself decides: the API answers NOT_FOUND unless it is shared.

import type { TenantFieldsFragment } from '../gql/graphql';
import { useViewer } from '../auth/ViewerContext';
import { AccountReportView } from './AccountReportView';
import { ReportNotShared } from './ReportNotShared';
import { useReportShared } from './useReportShared';

export function SharedAccountReport({ tenant }: { tenant: TenantFieldsFragment }) {
  const viewer = useViewer();
  const { shared, loading } = useReportShared(viewer.role, tenant.id);
  if (loading) return <p role="status">Loading the report…</p>;
  if (shared === false) return <ReportNotShared />;
  return <AccountReportView tenant={tenant} />;
}
