// Escalating alerts: into a new case (an optional title) or into an open case of the same
// tenant, in a dialog that holds focus until submitted or cancelled (Escape cancels).

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import type { Problem } from '../graphql/problems';
import { OpenCasesQuery } from './documents';

interface Props {
  count: number;
  tenantId: string;
  busy: boolean;
  problems: readonly Problem[];
  onEscalate: (target: { caseId: string | null; title: string | null }) => void;
  onCancel: () => void;
}

export function EscalateDialog({ count, tenantId, busy, problems, onEscalate, onCancel }: Props) {
  const titleId = useId();
  const fieldId = useId();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState('');
  const [caseId, setCaseId] = useState('');
  const [{ data }] = useQuery({ query: OpenCasesQuery, variables: { tenantIds: [tenantId] } });
  const open = data?.cases.edges.map((e) => e.node) ?? [];
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'existing') {
      if (caseId !== '') onEscalate({ caseId, title: null });
    } else onEscalate({ caseId: null, title: title.trim() === '' ? null : title.trim() });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
  };
  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        <h2 id={titleId}>Escalate {count === 1 ? 'alert' : `${count} alerts`}</h2>
        <fieldset>
          <legend>Into</legend>
          <label className="choice">
            <input ref={first} type="radio" name="escalate-mode" checked={mode === 'new'} onChange={() => setMode('new')} />A new case
          </label>
          <label className="choice">
            <input type="radio" name="escalate-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} />
            An existing open case
          </label>
        </fieldset>
        {mode === 'new' ? (
          <div className="field">
            <label htmlFor={fieldId}>Case title (optional)</label>
            <input id={fieldId} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={fieldId}>Case</label>
            <select id={fieldId} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">Choose an open case…</option>
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  #{c.number} {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {problems.length > 0 && (
          <p className="field-error" role="alert">
            {problems.map((p) => p.message).join('; ')}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || (mode === 'existing' && caseId === '')}>
            {mode === 'new' ? 'Escalate to new case' : 'Add to case'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
