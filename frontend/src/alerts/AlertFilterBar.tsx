// The queue's filters and order; every change goes straight to the URL.

import { SelectField } from '../components/Field';
import type { Severity } from '../gql/graphql';
import {
  ORDER_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATUS_CHOICES,
  type AlertQueueFilters,
  type OrderChoice,
  type StatusChoice,
} from './filters';

interface Props {
  filters: AlertQueueFilters;
  onChange: (next: AlertQueueFilters) => void;
  /** Tenants to pick from; no picker with one or none. */
  tenants: ReadonlyArray<{ id: string; name: string }>;
  rules: ReadonlyArray<{ id: string; title: string }>;
  /** "Unassigned only" makes sense to those who take alerts. */
  showUnassigned: boolean;
}

const STATUS_KEYS = Object.keys(STATUS_CHOICES) as StatusChoice[];
const ORDER_KEYS = Object.keys(ORDER_LABELS) as OrderChoice[];

export function AlertFilterBar({ filters, onChange, tenants, rules, showUnassigned }: Props) {
  const set = (patch: Partial<AlertQueueFilters>) => onChange({ ...filters, ...patch });
  const toggleSeverity = (s: Severity, on: boolean) =>
    set({ severity: SEVERITIES.filter((x) => (x === s ? on : filters.severity.includes(x))).reverse() });
  const ruleKnown = filters.rule === '' || rules.some((r) => r.id === filters.rule);

  return (
    <div className="panel filters alert-filters" role="search" aria-label="Filter alerts">
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
        <SelectField label="Status" value={filters.status} onChange={(e) => set({ status: e.target.value as StatusChoice })}>
          {STATUS_KEYS.map((k) => (
            <option key={k} value={k}>
              {STATUS_CHOICES[k].label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Rule" value={filters.rule} onChange={(e) => set({ rule: e.target.value })}>
          <option value="">Any rule</option>
          {!ruleKnown && <option value={filters.rule}>{filters.rule}</option>}
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Order" value={filters.order} onChange={(e) => set({ order: e.target.value as OrderChoice })}>
          {ORDER_KEYS.map((k) => (
            <option key={k} value={k}>
              {ORDER_LABELS[k]}
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
        {showUnassigned && (
          <label className="choice">
            <input type="checkbox" checked={filters.unassigned} onChange={(e) => set({ unassigned: e.target.checked })} />
            Unassigned only
          </label>
        )}
      </div>
    </div>
  );
}
