// Search, severity and on/off over a tenant's rules. The search applies when submitted; the
// selects apply at once.

import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Field';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import type { Severity } from '../gql/graphql';

export interface RuleListFilters {
  search: string;
  level: Severity | '';
  enabled: 'any' | 'on' | 'off';
}

export const DEFAULT_RULE_FILTERS: RuleListFilters = { search: '', level: '', enabled: 'any' };

export function RuleFilterBar({ filters, onChange }: { filters: RuleListFilters; onChange: (f: RuleListFilters) => void }) {
  const [search, setSearch] = useState(filters.search);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, search: search.trim() });
  };
  return (
    <form className="row filters" role="search" aria-label="Filter rules" onSubmit={onSubmit}>
      <TextField label="Search rules" type="search" placeholder="Title, id or tag" value={search} onChange={(e) => setSearch(e.target.value)} />
      <SelectField label="Severity" value={filters.level} onChange={(e) => onChange({ ...filters, level: e.target.value as Severity | '' })}>
        <option value="">Any severity</option>
        {[...SEVERITIES].reverse().map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Running"
        value={filters.enabled}
        onChange={(e) => onChange({ ...filters, enabled: e.target.value as RuleListFilters['enabled'] })}
      >
        <option value="any">On or off</option>
        <option value="on">On</option>
        <option value="off">Off</option>
      </SelectField>
      <button type="submit" className="align-field">
        Search
      </button>
    </form>
  );
}
