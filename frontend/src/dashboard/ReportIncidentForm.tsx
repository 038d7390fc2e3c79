// "Report an incident": a customer admin opens a case for their own organization; the new
// case's page follows.

import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import { ReportIncidentMutation } from '../cases/documents';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField, TextField } from '../components/Field';
import type { Severity } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';

export function ReportIncidentForm() {
  const id = useId();
  const client = useClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<Severity>('MEDIUM');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [missing, setMissing] = useState(false);
  const { byField, general } = splitByField(problems, ['title', 'description', 'severity']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    void client
      .mutation(ReportIncidentMutation, { input: { title: title.trim(), description: description.trim(), severity } })
      .toPromise()
      .then((r) => {
        setBusy(false);
        if (r.error !== undefined) setProblems(problemsOf(r.error));
        else if (r.data !== undefined) navigate(`/cases/${encodeURIComponent(r.data.reportIncident.id)}`);
      });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel narrow">
      <h2 id={`${id}-title`}>Report an incident</h2>
      <form onSubmit={submit} noValidate>
        <TextField label="What happened" value={title} error={missing ? 'required' : byField.title} onChange={(e) => { setTitle(e.target.value); setMissing(false); }} />
        <div className="field">
          <label htmlFor={`${id}-desc`}>Details (Markdown)</label>
          <textarea id={`${id}-desc`} rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
          {byField.description !== undefined && <small className="field-error">Details: {byField.description}</small>}
        </div>
        <SelectField label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {[...SEVERITIES].reverse().map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <ErrorBanner problems={general} />
        <button type="submit" disabled={busy}>
          {busy ? 'Reporting…' : 'Report incident'}
        </button>
      </form>
    </section>
  );
}
