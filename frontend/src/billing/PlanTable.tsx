// The plan catalogue as a table: prices in the plan's currency, the allowance and SLA tier.

import type { PlanFieldsFragment } from '../gql/graphql';
import { formatMoney } from './money';

export function PlanTable({ plans }: { plans: readonly PlanFieldsFragment[] }) {
  if (plans.length === 0) return <p className="muted">No plans yet.</p>;
  return (
    <table aria-label="Plans">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Base fee</th>
          <th scope="col">Per endpoint</th>
          <th scope="col">Included</th>
          <th scope="col">Per GB over</th>
          <th scope="col">SLA tier</th>
          <th scope="col">Currency</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{formatMoney(p.baseFeeMinor, p.currency)}</td>
            <td>{formatMoney(p.endpointPriceMinor, p.currency)}</td>
            <td>{p.includedGb} GB</td>
            <td>{formatMoney(p.overageGbPriceMinor, p.currency)}</td>
            <td>{p.slaTier}</td>
            <td>{p.currency.toUpperCase()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
