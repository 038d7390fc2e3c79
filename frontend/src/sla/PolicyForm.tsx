// Editing one severity's SLA policy: acknowledge, respond and resolve targets, the warning
// percentage and the calendar. Converted to seconds before it is sent.

import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Field';
import { ErrorBanner } from '../components/ErrorBanner';
import type { SlaCalendar, SlaPolicyInput } from '../gql/graphql';
import { splitByField, type Problem } from '../graphql/problems';
import { DurationInput } from './DurationInput';
import { CALENDAR_LABELS } from './labels';
import { policyDraft, policyInput, type PolicyErrors, type PolicyValues } from './policyInput';

interface Props {
  title: string;
  initial: PolicyValues;
  busy: boolean;
  problems: readonly Problem[];
  onSave: (input: SlaPolicyInput) => void;
  onCancel: () => void;
}

export function PolicyForm({ title, initial, busy, problems, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(() => policyDraft(initial));
  const [errors, setErrors] = useState<PolicyErrors>({});
  const { byField, general } = splitByField(problems, ['acknowledgeSeconds', 'respondSeconds', 'resolveSeconds', 'warnPercent']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = policyInput(draft);
    if ('errors' in r) setErrors(r.errors);
    else {
      setErrors({});
      onSave(r.input);
    }
  };
  return (
    <form onSubmit={submit} className="panel" aria-label={title} noValidate>
      <h3>{title}</h3>
      <div className="row">
        <DurationInput label="Acknowledge within" value={draft.acknowledge} error={errors.acknowledge ?? byField.acknowledgeSeconds} onChange={(v) => setDraft({ ...draft, acknowledge: v })} />
        <DurationInput label="Respond within" value={draft.respond} error={errors.respond ?? byField.respondSeconds} onChange={(v) => setDraft({ ...draft, respond: v })} />
        <DurationInput label="Resolve within" value={draft.resolve} error={errors.resolve ?? byField.resolveSeconds} onChange={(v) => setDraft({ ...draft, resolve: v })} />
        <TextField
          label="Warn at (%)"
          inputMode="numeric"
          value={draft.warnPercent}
          error={errors.warnPercent ?? byField.warnPercent}
          onChange={(e) => setDraft({ ...draft, warnPercent: e.target.value })}
        />
        <SelectField label="Calendar" value={draft.calendar} onChange={(e) => setDraft({ ...draft, calendar: e.target.value as SlaCalendar })}>
          {(Object.keys(CALENDAR_LABELS) as SlaCalendar[]).map((c) => (
            <option key={c} value={c}>
              {CALENDAR_LABELS[c]}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save policy'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
