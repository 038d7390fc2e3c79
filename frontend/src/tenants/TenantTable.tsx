// The tenant table: sortable column headers (buttons, with aria-sort on the header cell).

import { Link } from 'react-router';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import type { TenantFieldsFragment } from '../gql/graphql';
import type { SortKey, TenantFilters } from './filters';

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'slug', label: 'Slug' },
  { key: 'status', label: 'Status' },
  { key: 'createdAt', label: 'Created' },
];

interface Props {
  tenants: readonly TenantFieldsFragment[];
  filters: TenantFilters;
  onSort: (key: SortKey) => void;
}

export function TenantTable({ tenants, filters, onSort }: Props) {
  return (
    <table>
      <caption className="visually-hidden">Tenants, sorted by {filters.sort} ({filters.dir === 'asc' ? 'ascending' : 'descending'})</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={filters.sort === c.key ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="sort" onClick={() => onSort(c.key)}>
                {c.label}
                <span aria-hidden="true">{filters.sort === c.key ? (filters.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
          <th scope="col">Time zone</th>
        </tr>
      </thead>
      <tbody>
        {tenants.map((t) => (
          <tr key={t.id}>
            <td>
              <Link to={`/tenants/${encodeURIComponent(t.id)}`}>{t.name}</Link>
            </td>
            <td>
              <code>{t.slug}</code>
            </td>
            <td>
              <StatusBadge status={t.status} />
            </td>
            <td>
              <RelativeTime value={t.createdAt} />
            </td>
            <td>{t.timezone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
