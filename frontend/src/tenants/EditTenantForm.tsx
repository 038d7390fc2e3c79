// Rename a tenant or change its time zone (provider admins). The slug is its permanent
// handle, so it is not editable.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { UpdateTenantMutation } from './documents';
import { TimezoneOptions } from './TimezoneOptions';

const FIELDS = ['name', 'timezone'] as const;

export function EditTenantForm({ tenant, onDone }: { tenant: TenantFieldsFragment; onDone: () => void }) {
  const zonesId = useId();
  const [name, setName] = useState(tenant.name);
  const [timezone, setTimezone] = useState(tenant.timezone);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(UpdateTenantMutation);
  const { byField, general } = splitByField(problems, FIELDS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed is sent: absent fields stay as they are on the server.
    const input = {
      ...(name.trim() !== tenant.name ? { name: name.trim() } : {}),
      ...(timezone.trim() !== tenant.timezone ? { timezone: timezone.trim() } : {}),
    };
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    const result = await update({ id: tenant.id, input });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    onDone();
  };

  return (
    <form className="panel" aria-labelledby="edit-tenant-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="edit-tenant-title">Edit {tenant.name}</h2>
      <div className="row">
        <TextField label="Name" required value={name} error={byField.name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Time zone"
          list={zonesId}
          value={timezone}
          error={byField.timezone}
          hint="IANA name. SLA business hours and reports use it."
          onChange={(e) => setTimezone(e.target.value)}
        />
        <TimezoneOptions id={zonesId} />
      </div>
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          Save changes
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
