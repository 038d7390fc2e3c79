// The edit-case dialog: title (required), description, severity, tags (comma-separated), TLP and
// PAP, starting from the case's values. Saving sends only what changed (see caseEdit.ts); the
// API's complaints sit beside the field they name. It holds focus until saved or cancelled
// (Escape cancels).

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import type { Pap, Severity, Tlp, UpdateCaseInput } from '../gql/graphql';
import type { Problem } from '../graphql/problems';
import { caseDraftOf, casePatch, editFieldOf, PAPS, TLP_LABELS, TLPS, type CaseDraft, type CaseEditErrors, type EditableCase } from './caseEdit';

interface Props {
  number: number;
  original: EditableCase;
  busy: boolean;
  /** What the API said about the last save. */
  problems: readonly Problem[];
  onSave: (patch: UpdateCaseInput) => void;
  onCancel: () => void;
}

/** The API's problems split into those beside a field of this form and the rest. */
function splitProblems(problems: readonly Problem[]): { byField: CaseEditErrors; general: Problem[] } {
  const byField: CaseEditErrors = {};
  const general: Problem[] = [];
  for (const p of problems) {
    const field = editFieldOf(p);
    if (field !== null && byField[field] === undefined) byField[field] = p.message;
    else general.push(p);
  }
  return { byField, general };
}

export function EditCaseDialog({ number, original, busy, problems, onSave, onCancel }: Props) {
  const titleId = useId();
  const [draft, setDraft] = useState<CaseDraft>(() => caseDraftOf(original));
  const [errors, setErrors] = useState<CaseEditErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  const api = splitProblems(problems);
  const shown: CaseEditErrors = { ...api.byField, ...errors };
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setUnchanged(false);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const result = casePatch(original, draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if ('unchanged' in result) {
      setUnchanged(true);
      return;
    }
    onSave(result.patch);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
  };
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog edit-case-dialog"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
      >
        <h2 id={titleId}>Edit case #{number}</h2>
        <TextField label="Title" required value={draft.title} error={shown.title} onChange={(e) => set('title', e.target.value)} />
        <TextAreaField
          label="Description"
          rows={5}
          value={draft.description}
          error={shown.description}
          hint="Markdown. Shared with the customer."
          onChange={(e) => set('description', e.target.value)}
        />
        <SelectField label="Severity" value={draft.severity} error={shown.severity} hint="SLA targets stay as committed when the case opened." onChange={(e) => set('severity', e.target.value as Severity)}>
          {[...SEVERITIES].reverse().map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextField label="Tags" value={draft.tags} error={shown.tags} hint="Separated by commas, e.g. phishing, finance." onChange={(e) => set('tags', e.target.value)} />
        <div className="row">
          <SelectField label="TLP" value={draft.tlp} error={shown.tlp} onChange={(e) => set('tlp', e.target.value as Tlp)}>
            {TLPS.map((t) => (
              <option key={t} value={t}>
                {TLP_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <SelectField label="PAP" value={draft.pap} error={shown.pap} onChange={(e) => set('pap', e.target.value as Pap)}>
            {PAPS.map((p) => (
              <option key={p} value={p}>
                PAP:{p}
              </option>
            ))}
          </SelectField>
        </div>
        {unchanged && (
          <p role="status" className="muted">
            Nothing changed.
          </p>
        )}
        <ErrorBanner problems={api.general} />
        <p className="hint">Every change is recorded on the case's timeline, which the customer sees.</p>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
