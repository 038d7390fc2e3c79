// The plan catalogue as a table: prices in the plan's currency, the allowance and SLA tier, and
// (when the caller may edit) an Edit button per plan.

import type { PlanFieldsFragment } from '../gql/graphql';
import { formatMoney } from './money';

interface Props {
  plans: readonly PlanFieldsFragment[];
  onEdit?: ((plan: PlanFieldsFragment) => void) | undefined;
}

export function PlanTable({ plans, onEdit }: Props) {
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
          {onEdit !== undefined && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
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
            {onEdit !== undefined && (
              <td>
                <button type="button" onClick={() => onEdit(p)}>
                  Edit<span className="visually-hidden"> {p.name}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
