// A report's SLA figures: attainment per target, mean times to acknowledge and resolve, the
// number of breaches and, when there were any, the breaches themselves.

import type { AccountReportQuery } from '../gql/graphql';
import { AccountBreaches } from './AccountBreaches';
import { formatDuration } from '../lib/time';
import { humanize, percent } from './labels';

type Sla = AccountReportQuery['accountReport']['sla'];

const duration = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatDuration(Math.round(v)));

interface Props {
  sla: Sla;
  tenantId: string;
  /** The report's month and the tenant's time zone, which bound the month's breaches. */
  month: string;
  timezone: string;
}

export function AccountSlaPanel({ sla, tenantId, month, timezone }: Props) {
  return (
    <section aria-labelledby="account-sla-title" className="panel report-section">
      <h2 id="account-sla-title">SLA</h2>
      <div className="cards">
        <div className="card" role="group" aria-label="Attainment">
          <span className="muted">Attainment</span>
          <span className="big">{percent(sla.attainmentPercent)}</span>
        </div>
        <div className="card" role="group" aria-label="MTTA">
          <span className="muted">Mean time to acknowledge (MTTA)</span>
          <span className="big">{duration(sla.mttaSeconds)}</span>
        </div>
        <div className="card" role="group" aria-label="MTTR">
          <span className="muted">Mean time to resolve (MTTR)</span>
          <span className="big">{duration(sla.mttrSeconds)}</span>
        </div>
        <div className="card" role="group" aria-label="Breaches">
          <span className="muted">Breaches</span>
          <span className="big">{sla.breachCount}</span>
        </div>
      </div>
      {sla.attainment.length === 0 ? (
        <p className="muted">No SLA clocks ran this month.</p>
      ) : (
        <table aria-label="SLA attainment per target">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Met</th>
              <th scope="col">Breached</th>
              <th scope="col">Attainment</th>
            </tr>
          </thead>
          <tbody>
            {sla.attainment.map((a) => (
              <tr key={a.target}>
                <th scope="row">{humanize(a.target)}</th>
                <td>{a.met}</td>
                <td>{a.breached}</td>
                <td>{percent(a.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sla.breachCount > 0 && <AccountBreaches tenantId={tenantId} month={month} timezone={timezone} />}
    </section>
  );
}
