// A tenant's account report for one month: whether its customers may read it, the plan and
// flags, usage, SLA (with the month's breaches), alert and case volumes and invoices, with the
// month picker, the API's CSV and a print layout.

import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { AccountSlaPanel } from './AccountSlaPanel';
import { CustomerReportsSetting } from './CustomerReportsSetting';
import { AccountReportQuery } from './documents';
import { DownloadCsvButton } from './DownloadCsvButton';
import { FlagBadges } from './FlagBadges';
import { InvoicesPanel } from './InvoicesPanel';
import { formatMoney } from './money';
import { monthLabel } from './month';
import { MonthPicker } from './MonthPicker';
import { accountCsv } from './reportCsv';
import { UsagePanel } from './UsagePanel';
import { useReportMonth } from './useReportMonth';
import { VolumesPanel } from './VolumesPanel';

export function AccountReportView({ tenant }: { tenant: TenantFieldsFragment }) {
  const [month, setMonth] = useReportMonth();
  const [{ data, error, fetching }] = useQuery({ query: AccountReportQuery, variables: { tenantId: tenant.id, month } });
  const report = data?.accountReport;
  const csv = accountCsv(tenant.id, month, tenant.slug);
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
      <CustomerReportsSetting tenantId={tenant.id} tenantName={tenant.name} />
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
