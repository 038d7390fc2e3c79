// Provider admins create a tenant: name, slug, time zone. Server errors land beside the field
// they name (`input.slug` → the Slug field).

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CreateTenantMutation } from './documents';
import { TimezoneOptions } from './TimezoneOptions';

const FIELDS = ['name', 'slug', 'timezone'] as const;

/** A slug suggestion from a name: lowercase, a-z 0-9 and '-', as the server requires. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function CreateTenantForm({ onCreated }: { onCreated: (tenant: TenantFieldsFragment) => void }) {
  const zonesId = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [timezone, setTimezone] = useState('UTC');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, createTenant] = useMutation(CreateTenantMutation);
  const { byField, general } = splitByField(problems, FIELDS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createTenant({ input: { name: name.trim(), slug: slug.trim(), timezone: timezone.trim() || null } });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    if (result.data !== undefined) {
      setProblems([]);
      setName('');
      setSlug('');
      setSlugEdited(false);
      onCreated(result.data.createTenant);
    }
  };

  return (
    <form className="panel" aria-labelledby="create-tenant-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="create-tenant-title">Create a tenant</h2>
      <div className="row">
        <TextField
          label="Name"
          required
          value={name}
          error={byField.name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugFromName(e.target.value));
          }}
        />
        <TextField
          label="Slug"
          required
          value={slug}
          error={byField.slug}
          hint="2–63 characters: a–z, 0–9 and '-'. Cannot be changed later."
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
        />
        <TextField
          label="Time zone"
          list={zonesId}
          value={timezone}
          error={byField.timezone}
          hint="IANA name, e.g. Europe/Berlin. SLA business hours use it."
          onChange={(e) => setTimezone(e.target.value)}
        />
        <TimezoneOptions id={zonesId} />
      </div>
      <ErrorBanner problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Creating…' : 'Create tenant'}
      </button>
    </form>
  );
}
