// The case list's filters and order; every change goes to the URL (search on submit). "Assigned
// to me" is offered to those who can be assigned cases.

import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Field';
import { ORDER_LABELS, SEVERITIES, SEVERITY_LABELS, type OrderChoice } from '../alerts/filters';
import type { Severity } from '../gql/graphql';
import type { CaseListFilters, CaseStatusChoice } from './filters';
import { CASE_STATUS_LABELS, CASE_STATUSES } from './labels';

interface Props {
  filters: CaseListFilters;
  onChange: (next: CaseListFilters) => void;
  tenants: ReadonlyArray<{ id: string; name: string }>;
  /** Offer "Assigned to me" (staff who work cases). */
  showMine: boolean;
}

export function CaseFilterBar({ filters, onChange, tenants, showMine }: Props) {
  const set = (patch: Partial<CaseListFilters>) => onChange({ ...filters, ...patch });
  const [search, setSearch] = useState(filters.search);
  const [shown, setShown] = useState(filters.search);
  // The URL changed elsewhere (Back): the box follows.
  if (shown !== filters.search) {
    setShown(filters.search);
    setSearch(filters.search);
  }
  const toggleSeverity = (s: Severity, on: boolean) =>
    set({ severity: SEVERITIES.filter((x) => (x === s ? on : filters.severity.includes(x))).reverse() });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    set({ search });
  };
  return (
    <form className="panel filters" role="search" aria-label="Filter cases" onSubmit={onSubmit}>
      <div className="row">
        {tenants.length > 1 && (
          <SelectField label="Tenant" value={filters.tenant} onChange={(e) => set({ tenant: e.target.value })}>
            <option value="">Every tenant</option>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Status" value={filters.status} onChange={(e) => set({ status: e.target.value as CaseStatusChoice })}>
          <option value="open">Open (not resolved or closed)</option>
          <option value="all">Any status</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <fieldset className="checklist">
          <legend>Severity</legend>
          {[...SEVERITIES].reverse().map((s) => (
            <label key={s}>
              <input type="checkbox" checked={filters.severity.includes(s)} onChange={(e) => toggleSeverity(s, e.target.checked)} />
              {SEVERITY_LABELS[s]}
            </label>
          ))}
        </fieldset>
        {showMine && (
          <label className="choice">
            <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
            Assigned to me
          </label>
        )}
        <SelectField label="Order" value={filters.order} onChange={(e) => set({ order: e.target.value as OrderChoice })}>
          {(Object.keys(ORDER_LABELS) as OrderChoice[]).map((o) => (
            <option key={o} value={o}>
              {ORDER_LABELS[o]}
            </option>
          ))}
        </SelectField>
        <TextField label="Title contains" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
