// A customer's home: open cases by severity, alerts over the last day, SLA attainment and
// MTTA/MTTR this month, the MTTA/MTTR trend over the last months, and (customer admins)
// reporting an incident.

import { canReportIncidents } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { AlertVolume } from './AlertVolume';
import { MttTrend } from './MttTrend';
import { OpenCasesBySeverity } from './OpenCasesBySeverity';
import { ReportIncidentForm } from './ReportIncidentForm';
import { SlaThisMonth } from './SlaThisMonth';

export function CustomerDashboard({ tenantId }: { tenantId: string }) {
  const viewer = useViewer();
  return (
    <>
      <OpenCasesBySeverity tenantId={tenantId} />
      <section aria-labelledby="alert-volume-title" className="panel">
        <h2 id="alert-volume-title">Alerts</h2>
        <AlertVolume tenantId={tenantId} />
      </section>
      <SlaThisMonth tenantId={tenantId} />
      <MttTrend tenantId={tenantId} />
      {canReportIncidents(viewer.role) && <ReportIncidentForm />}
    </>
  );
}
