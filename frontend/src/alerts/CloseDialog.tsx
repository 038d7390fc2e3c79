// Closing alerts: a disposition (required) and an optional comment, in a small dialog that
// holds focus until it is submitted or cancelled (Escape cancels too).

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Disposition } from '../gql/graphql';
import { DISPOSITION_LABELS } from './AlertStatusBadge';

const DISPOSITIONS: readonly Disposition[] = ['TRUE_POSITIVE', 'BENIGN_POSITIVE', 'FALSE_POSITIVE', 'DUPLICATE'];

interface Props {
  count: number;
  busy: boolean;
  /** The server's complaint about the comment, shown beside it. */
  commentError?: string | undefined;
  onClose: (disposition: Disposition, comment: string) => void;
  onCancel: () => void;
}

export function CloseDialog({ count, busy, commentError, onClose, onCancel }: Props) {
  const titleId = useId();
  const errorId = useId();
  const commentId = useId();
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (disposition === null) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    onClose(disposition, comment.trim());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        <h2 id={titleId}>Close {count === 1 ? 'alert' : `${count} alerts`}</h2>
        <fieldset aria-describedby={missing ? errorId : undefined} aria-invalid={missing ? true : undefined}>
          <legend>Disposition</legend>
          {DISPOSITIONS.map((d, i) => (
            <label key={d} className="choice">
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="disposition"
                value={d}
                checked={disposition === d}
                onChange={() => {
                  setDisposition(d);
                  setMissing(false);
                }}
              />
              {DISPOSITION_LABELS[d]}
            </label>
          ))}
          {missing && (
            <small id={errorId} className="field-error">
              Disposition: choose one
            </small>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={commentId}>Comment</label>
          <textarea
            id={commentId}
            rows={3}
            value={comment}
            aria-invalid={commentError === undefined ? undefined : true}
            aria-describedby={commentError === undefined ? undefined : `${commentId}-error`}
            onChange={(e) => setComment(e.target.value)}
          />
          {commentError !== undefined && (
            <small id={`${commentId}-error`} className="field-error">
              Comment: {commentError}
            </small>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Closing…' : count === 1 ? 'Close alert' : `Close ${count} alerts`}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
