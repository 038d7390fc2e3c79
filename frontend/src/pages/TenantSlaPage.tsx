// A tenant's SLA settings and report: policies per severity and the business calendar
// (provider admins edit, everyone else with access reads), and the month's SLA report.

import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { canEditSla } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { CalendarPanel } from '../sla/CalendarPanel';
import { SlaPoliciesQuery } from '../sla/documents';
import { PoliciesPanel } from '../sla/PoliciesPanel';
import { SlaReportPanel } from '../sla/SlaReportPanel';
import { TenantLayout } from '../tenants/TenantLayout';

function SlaSettings({ tenantId }: { tenantId: string }) {
  const viewer = useViewer();
  const canEdit = canEditSla(viewer.role);
  const [{ data, error }, refetch] = useQuery({ query: SlaPoliciesQuery, variables: { tenantId } });
  return (
    <>
      <h2 className="visually-hidden">SLA</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {data === undefined ? (
        error === undefined && <p role="status">Loading SLA settings…</p>
      ) : (
        <>
          <PoliciesPanel tenantId={tenantId} policies={data.slaPolicies} canEdit={canEdit} />
          <CalendarPanel tenantId={tenantId} calendar={data.businessCalendar} canEdit={canEdit} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
      <SlaReportPanel tenantId={tenantId} />
    </>
  );
}

export function TenantSlaPage() {
  const { tenantId = '' } = useParams();
  return <TenantLayout tenantId={tenantId}>{(tenant) => <SlaSettings tenantId={tenant.id} />}</TenantLayout>;
}
