// Creates a notification endpoint for the chosen owner (a tenant, or provider-wide when
// `tenantId` is null): name, kind, target, events and, for alerts, the least severity. Errors
// from the form's checks and from the server sit beside their field.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField, TextField } from '../components/Field';
import type { CreateNotificationEndpointMutation, NotificationKind, Severity } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CreateNotificationEndpointMutation as CreateMutation } from './documents';
import { EMPTY_ENDPOINT, endpointInput, EVENT_LABELS, EVENTS, KIND_LABELS, KINDS, type EndpointDraft, type EndpointErrors } from './endpointInput';

const FIELDS = ['name', 'kind', 'target', 'events', 'minSeverity', 'tenantId'] as const;

type Created = CreateNotificationEndpointMutation['createNotificationEndpoint'];

export function CreateEndpointForm({ tenantId, onCreated }: { tenantId: string | null; onCreated: (created: Created) => void }) {
  const eventsId = useId();
  const [draft, setDraft] = useState<EndpointDraft>(EMPTY_ENDPOINT);
  const [errors, setErrors] = useState<EndpointErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(CreateMutation);
  const server = splitByField(problems, FIELDS);
  const error = (key: (typeof FIELDS)[number]) => (errors as Record<string, string | undefined>)[key] ?? server.byField[key];
  const eventsError = error('events');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    const parsed = endpointInput(draft, tenantId);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await create({ input: parsed.input }, { additionalTypenames: ['NotificationEndpoint'] });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    if (result.data !== undefined) {
      setDraft(EMPTY_ENDPOINT);
      onCreated(result.data.createNotificationEndpoint);
    }
  };

  return (
    <form className="panel" aria-labelledby="create-endpoint-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="create-endpoint-title">Add an endpoint</h2>
      <div className="row">
        <TextField label="Name" required value={draft.name} error={error('name')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <SelectField label="Kind" value={draft.kind} error={error('kind')} onChange={(e) => setDraft({ ...draft, kind: e.target.value as NotificationKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <div className="grow">
          <TextField
            label={draft.kind === 'EMAIL' ? 'Email address' : 'URL'}
            required
            value={draft.target}
            error={error('target')}
            hint={draft.kind === 'WEBHOOK' ? 'Deliveries are signed; the signing secret is shown once, after creating.' : undefined}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="checklist" aria-describedby={eventsError === undefined ? undefined : `${eventsId}-error`} aria-invalid={eventsError === undefined ? undefined : true}>
        <legend>Events</legend>
        {EVENTS.map((ev) => (
          <label key={ev} className="choice">
            <input
              type="checkbox"
              checked={draft.events.includes(ev)}
              onChange={(e) =>
                setDraft({ ...draft, events: e.target.checked ? [...draft.events, ev] : draft.events.filter((x) => x !== ev) })
              }
            />
            {EVENT_LABELS[ev]}
          </label>
        ))}
      </fieldset>
      {eventsError !== undefined && (
        <small id={`${eventsId}-error`} className="field-error">
          Events: {eventsError}
        </small>
      )}
      {draft.events.includes('ALERT_RAISED') && (
        <SelectField
          label="Alerts from severity"
          value={draft.minSeverity}
          error={error('minSeverity')}
          onChange={(e) => setDraft({ ...draft, minSeverity: e.target.value as Severity })}
        >
          {[...SEVERITIES].reverse().map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]} and above
            </option>
          ))}
        </SelectField>
      )}
      <ErrorBanner problems={server.general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Adding…' : 'Add endpoint'}
      </button>
    </form>
  );
}
