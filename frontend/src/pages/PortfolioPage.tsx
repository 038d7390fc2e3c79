// The account manager's home: every tenant they look after for a month (in the URL), with SLA
// health, usage against the plan, the estimate and the latest invoice's status, sortable, and
// the whole portfolio as CSV. Provider admins see every tenant.

import { useQuery } from 'urql';
import { DownloadCsvButton } from '../billing/DownloadCsvButton';
import { PortfolioReportQuery } from '../billing/documents';
import { monthLabel } from '../billing/month';
import { MonthPicker } from '../billing/MonthPicker';
import { PortfolioTable } from '../billing/PortfolioTable';
import { sortRows, toggleSort } from '../billing/portfolioView';
import { portfolioCsv } from '../billing/reportCsv';
import { usePortfolioView } from '../billing/usePortfolioView';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function PortfolioPage() {
  const [view, setView] = usePortfolioView();
  const [{ data, error, fetching }] = useQuery({ query: PortfolioReportQuery, variables: { month: view.month } });
  useDocumentTitle('Portfolio');
  const rows = data === undefined ? [] : sortRows(data.portfolioReport, view.sort, view.dir);
  const csv = portfolioCsv(view.month);
  const flagged = rows.filter((r) => r.flags.length > 0).length;

  return (
    <section aria-labelledby="portfolio-title">
      <header className="page-header">
        <h1 id="portfolio-title">Portfolio</h1>
        <div className="actions no-print">
          <DownloadCsvButton url={csv.url} filename={csv.filename} />
        </div>
      </header>
      <MonthPicker month={view.month} onChange={(month) => setView({ ...view, month })} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      <p className="count" aria-live="polite">
        {fetching && data === undefined
          ? 'Loading the portfolio…'
          : `${monthLabel(view.month)}: ${rows.length} ${rows.length === 1 ? 'tenant' : 'tenants'}, ${flagged} flagged`}
      </p>
      {data !== undefined && rows.length === 0 && <p className="muted">No tenants are assigned to you.</p>}
      {rows.length > 0 && <PortfolioTable rows={rows} view={view} onSort={(key) => setView(toggleSort(view, key))} />}
    </section>
  );
}
