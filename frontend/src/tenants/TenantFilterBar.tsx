// Search and status filter over the loaded tenants; both write to the URL.

import { SelectField, TextField } from '../components/Field';
import type { StatusFilter, TenantFilters } from './filters';

export function TenantFilterBar({ filters, onChange }: { filters: TenantFilters; onChange: (f: TenantFilters) => void }) {
  return (
    <div className="row filters" role="search" aria-label="Filter tenants">
      <TextField
        label="Search"
        type="search"
        placeholder="Name or slug"
        value={filters.q}
        onChange={(e) => onChange({ ...filters, q: e.target.value })}
      />
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}
      >
        <option value="ALL">All</option>
        <option value="ACTIVE">Active</option>
        <option value="SUSPENDED">Suspended</option>
      </SelectField>
    </div>
  );
}
