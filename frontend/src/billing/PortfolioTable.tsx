// The portfolio table: one row per tenant with its plan, usage this month against the plan's
// allowance, the estimate, the latest invoice's status, SLA health and flags. Column headers
// sort (buttons, with aria-sort); the tenant's name opens its report for the same month.

import { Link } from 'react-router';
import { FlagBadges } from './FlagBadges';
import { formatGb, invoiceStatusLabel, percent } from './labels';
import { formatMoney } from './money';
import type { PortfolioRow, PortfolioSortKey, PortfolioView } from './portfolioView';

const COLUMNS: ReadonlyArray<{ key: PortfolioSortKey; label: string }> = [
  { key: 'name', label: 'Tenant' },
  { key: 'plan', label: 'Plan' },
  { key: 'gb', label: 'Data (GB)' },
  { key: 'endpoints', label: 'Endpoints' },
  { key: 'estimate', label: 'Estimate' },
  { key: 'invoice', label: 'Last invoice' },
  { key: 'sla', label: 'SLA attainment' },
  { key: 'breaches', label: 'Breaches' },
];

interface Props {
  rows: readonly PortfolioRow[];
  view: PortfolioView;
  onSort: (key: PortfolioSortKey) => void;
}

export function PortfolioTable({ rows, view, onSort }: Props) {
  const label = COLUMNS.find((c) => c.key === view.sort)?.label ?? view.sort;
  return (
    <table className="portfolio">
      <caption className="visually-hidden">
        Portfolio, sorted by {label} ({view.dir === 'asc' ? 'ascending' : 'descending'})
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" aria-sort={view.sort === c.key ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{view.sort === c.key ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.tenantId}>
            <th scope="row">
              <Link to={`/tenants/${encodeURIComponent(r.tenantId)}/report?month=${r.month}`}>{r.tenantName}</Link>
            </th>
            <td>{r.planName ?? <span className="muted">No plan</span>}</td>
            <td>
              {formatGb(r.gb)}
              {r.includedGb !== null && r.includedGb !== undefined && <span className="muted"> of {r.includedGb}</span>}
            </td>
            <td>{r.maxEndpoints}</td>
            <td>
              {r.estimatedTotalMinor === null || r.estimatedTotalMinor === undefined || !r.currency
                ? '—'
                : formatMoney(r.estimatedTotalMinor, r.currency)}
            </td>
            <td>{r.invoiceStatus ? invoiceStatusLabel(r.invoiceStatus) : <span className="muted">None yet</span>}</td>
            <td>{percent(r.slaAttainmentPercent)}</td>
            <td>{r.breachCount}</td>
            <td>
              <FlagBadges flags={r.flags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
