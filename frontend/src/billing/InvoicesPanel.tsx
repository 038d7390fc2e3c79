// A report's invoices: Stripe's issued invoices for the month (number, period, amount, status,
// hosted page and PDF), and Garrison's own computation, marked plainly as an estimate.

import type { AccountReportQuery } from '../gql/graphql';
import { invoiceStatusLabel } from './labels';
import { formatMoney } from './money';

type Report = AccountReportQuery['accountReport'];
type Estimate = NonNullable<Report['estimate']>;

function formatDay(value: string, timeZone: string): string {
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(when);
  } catch {
    return when.toISOString().slice(0, 10);
  }
}

function EstimateTable({ estimate }: { estimate: Estimate }) {
  return (
    <div className="estimate" role="group" aria-labelledby="estimate-title">
      <h3 id="estimate-title">
        Estimate <span className="badge badge-estimate">Estimate · not an invoice</span>
      </h3>
      <p className="muted">
        {estimate.mode === 'LOCAL'
          ? 'Computed by Garrison from the plan and the usage ledger. Billing runs in local mode, so nothing is charged.'
          : 'Computed by Garrison from the plan and the usage ledger; Stripe issues the invoice itself.'}
      </p>
      <table aria-label="Estimate lines">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Days</th>
            <th scope="col">Quantity</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.description}</td>
              <td>
                {l.firstDay} – {l.lastDay}
              </td>
              <td>{l.quantity}</td>
              <td>{formatMoney(l.amountMinor, estimate.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Estimated total
            </th>
            <td>
              <strong>{formatMoney(estimate.totalMinor, estimate.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function InvoicesPanel({ report }: { report: Report }) {
  return (
    <section aria-labelledby="invoices-title" className="panel report-section">
      <h2 id="invoices-title">Invoices</h2>
      {report.invoices.length === 0 ? (
        <p className="muted">No invoice has been issued for this month.</p>
      ) : (
        <table aria-label="Issued invoices">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Period</th>
              <th scope="col">Total</th>
              <th scope="col">Due</th>
              <th scope="col">Paid</th>
              <th scope="col">Status</th>
              <th scope="col" className="no-print">
                Links
              </th>
            </tr>
          </thead>
          <tbody>
            {report.invoices.map((inv) => (
              <tr key={inv.stripeId}>
                <td>{inv.number ?? <span className="muted">{inv.stripeId}</span>}</td>
                <td>
                  {formatDay(inv.periodStart, report.timezone)} – {formatDay(inv.periodEnd, report.timezone)}
                </td>
                <td>{formatMoney(inv.total, inv.currency)}</td>
                <td>{formatMoney(inv.amountDue, inv.currency)}</td>
                <td>{formatMoney(inv.amountPaid, inv.currency)}</td>
                <td>
                  <span className={`badge invoice-${inv.status}`}>{invoiceStatusLabel(inv.status)}</span>
                </td>
                <td className="no-print">
                  <span className="actions">
                    {inv.hostedUrl && (
                      <a href={inv.hostedUrl} target="_blank" rel="noopener noreferrer">
                        Invoice page
                      </a>
                    )}
                    {inv.pdfUrl && (
                      <a href={inv.pdfUrl} target="_blank" rel="noopener noreferrer">
                        PDF
                      </a>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.estimate === null || report.estimate === undefined ? (
        <p className="muted">No plan was in force this month, so there is no estimate.</p>
      ) : (
        <EstimateTable estimate={report.estimate} />
      )}
    </section>
  );
}
