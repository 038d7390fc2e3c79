// Which tenants a provider staff member works on: every tenant, or a chosen set.

import type { TenantFieldsFragment } from '../gql/graphql';

export interface Assignment {
  allTenants: boolean;
  tenantIds: string[];
}

interface Props {
  legend: string;
  tenants: readonly TenantFieldsFragment[];
  value: Assignment;
  onChange: (next: Assignment) => void;
  error?: string | undefined;
}

export function TenantChecklist({ legend, tenants, value, onChange, error }: Props) {
  const toggle = (id: string, checked: boolean) =>
    onChange({
      ...value,
      tenantIds: checked ? [...value.tenantIds, id] : value.tenantIds.filter((t) => t !== id),
    });
  return (
    <fieldset className="checklist" aria-invalid={error === undefined ? undefined : true}>
      <legend>{legend}</legend>
      <label>
        <input
          type="checkbox"
          checked={value.allTenants}
          onChange={(e) => onChange({ ...value, allTenants: e.target.checked })}
        />
        All tenants, including future ones
      </label>
      {tenants.map((t) => (
        <label key={t.id}>
          <input
            type="checkbox"
            disabled={value.allTenants}
            checked={value.allTenants || value.tenantIds.includes(t.id)}
            onChange={(e) => toggle(t.id, e.target.checked)}
          />
          {t.name}
        </label>
      ))}
      {error !== undefined && (
        <small className="field-error" role="alert">
          {legend}: {error}
        </small>
      )}
    </fieldset>
  );
}
