// The dialog that merges other cases into this one: tick one or more of the tenant's other open
// cases, read what merging does, confirm. It holds focus until submitted or cancelled (Escape
// cancels); the API's complaints are shown inside it, naming the case each one is about.

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Problem } from '../graphql/problems';
import { caseLabel, mergeCandidates, mergeProblemLines, type MergeCase } from './merge';

interface Props {
  target: Pick<MergeCase, 'id' | 'number' | 'tenantId'>;
  /** The tenant's cases as the API listed them; the dialog offers only those that may be merged. */
  cases: readonly MergeCase[] | null;
  /** Why the tenant's cases could not be listed, if they could not. */
  loadError?: string | null;
  busy: boolean;
  problems: readonly Problem[];
  onMerge: (sources: MergeCase[]) => void;
  onCancel: () => void;
}

export function MergeDialog({ target, cases, loadError = null, busy, problems, onMerge, onCancel }: Props) {
  const titleId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [sent, setSent] = useState<MergeCase[]>([]);
  const cancel = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const candidates = cases === null ? null : mergeCandidates(target, cases);
  const selected = (candidates ?? []).filter((c) => chosen.has(c.id));
  useEffect(() => {
    // Focus the first checkbox once the list is there, else the dialog's way out.
    const first = form.current?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    (first ?? cancel.current)?.focus();
  }, [candidates === null]);
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (selected.length === 0 || busy) return;
    setSent(selected);
    onMerge(selected);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
  };
  const lines = mergeProblemLines(problems, sent);
  const n = selected.length;
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog merge-dialog"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
      >
        <h2 id={titleId}>Merge cases into #{target.number}</h2>
        {loadError !== null ? (
          <p className="field-error" role="alert">
            The open cases could not be loaded: {loadError}
          </p>
        ) : candidates === null ? (
          <p role="status">Loading open cases…</p>
        ) : candidates.length === 0 ? (
          <p className="muted">This tenant has no other open case to merge.</p>
        ) : (
          <fieldset>
            <legend>Open cases of this tenant</legend>
            {candidates.map((c) => (
              <label key={c.id} className="choice">
                <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                {caseLabel(c)}
              </label>
            ))}
          </fieldset>
        )}
        {n > 0 && (
          <p className="merge-summary">
            {n === 1 ? `${caseLabel(selected[0]!)} moves` : `${n} cases move`} into #{target.number}: alerts, comments, tasks,
            observables, actions and timeline. {n === 1 ? 'It is' : 'They are'} then closed as merged.
          </p>
        )}
        {lines.length > 0 && (
          <div className="field-error" role="alert">
            <p>The cases were not merged:</p>
            <ul>
              {lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || n === 0}>
            {busy ? 'Merging…' : n === 0 ? 'Merge' : n === 1 ? 'Merge 1 case' : `Merge ${n} cases`}
          </button>
          <button ref={cancel} type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
