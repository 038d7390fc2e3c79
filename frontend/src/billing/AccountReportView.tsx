// A tenant's account report for one month: whether its customers may read it (staff only), the
// plan and flags, usage, SLA (with the month's breaches), alert and case volumes and invoices,
// with the month picker, the API's CSV and a print layout. A customer admin reading their own
// report gets no provider controls, and the API's NOT_FOUND (the provider stopped sharing it) is
// shown as "not shared" rather than as an error.

import { useQuery } from 'urql';
import { canReadAccountReports } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TenantFieldsFragment } from '../gql/graphql';
import { isNotFound, problemsOf } from '../graphql/problems';
import { AccountSlaPanel } from './AccountSlaPanel';
import { CustomerReportsSetting } from './CustomerReportsSetting';
import { AccountReportQuery } from './documents';
import { DownloadCsvButton } from './DownloadCsvButton';
import { FlagBadges } from './FlagBadges';
import { InvoicesPanel } from './InvoicesPanel';
import { formatMoney } from './money';
import { monthLabel } from './month';
import { MonthPicker } from './MonthPicker';
import { ReportNotShared } from './ReportNotShared';
import { accountCsv } from './reportCsv';
import { UsagePanel } from './UsagePanel';
import { useReportMonth } from './useReportMonth';
import { VolumesPanel } from './VolumesPanel';

export function AccountReportView({ tenant }: { tenant: TenantFieldsFragment }) {
  const [month, setMonth] = useReportMonth();
  const [{ data, error, fetching }] = useQuery({ query: AccountReportQuery, variables: { tenantId: tenant.id, month } });
  const report = data?.accountReport;
  const viewer = useViewer();
  // Staff read every report in scope; anyone else reads this one only because it is shared.
  const staff = canReadAccountReports(viewer.role);
  const csv = accountCsv(tenant.id, month, tenant.slug);
  if (!staff && isNotFound(error)) return <ReportNotShared />;
  return (
    <section aria-labelledby="account-report-title" className="account-report">
      <header className="page-header">
        <h2 id="account-report-title">Account report · {monthLabel(month)}</h2>
        <div className="actions no-print">
          <DownloadCsvButton url={csv.url} filename={csv.filename} />
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      {staff && <CustomerReportsSetting tenantId={tenant.id} tenantName={tenant.name} />}
      <MonthPicker month={month} onChange={setMonth} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && report === undefined && <p role="status">Loading the report…</p>}
      {report !== undefined && (
        <>
          <dl className="facts">
            <dt>Plan</dt>
            <dd>
              {report.plan === null || report.plan === undefined ? (
                <span className="muted">No plan in force</span>
              ) : (
                <>
                  {report.plan.name} · {formatMoney(report.plan.baseFeeMinor, report.plan.currency)} a month ·{' '}
                  {report.plan.includedGb} GB included · SLA tier {report.plan.slaTier}
                </>
              )}
            </dd>
            <dt>Time zone</dt>
            <dd>{report.timezone}</dd>
            <dt>Flags</dt>
            <dd>
              <FlagBadges flags={report.flags} />
            </dd>
          </dl>
          <UsagePanel report={report} />
          <AccountSlaPanel sla={report.sla} tenantId={tenant.id} month={report.month} timezone={report.timezone} />
          <VolumesPanel report={report} />
          <InvoicesPanel report={report} />
        </>
      )}
    </section>
  );
}
