// Moves a case on: only the statuses the API allows next are offered; waiting on the customer
// needs a reason. The API's refusal is shown beside the control.

import { useId, useState, type FormEvent } from 'react';
import type { CaseStatus } from '../gql/graphql';
import type { Problem } from '../graphql/problems';
import { CASE_STATUS_LABELS } from './labels';

interface Props {
  allowed: readonly CaseStatus[];
  busy: boolean;
  problems: readonly Problem[];
  onChange: (status: CaseStatus, reason: string | null) => void;
}

export function StatusControl({ allowed, busy, problems, onChange }: Props) {
  const id = useId();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (allowed.length === 0) return null;
  const waiting = status === 'WAITING_ON_CUSTOMER';
  const current = status !== '' && allowed.includes(status) ? status : '';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (current === '') return;
    if (current === 'WAITING_ON_CUSTOMER' && reason.trim() === '') {
      setMissing(true);
      return;
    }
    onChange(current, current === 'WAITING_ON_CUSTOMER' ? reason.trim() : null);
  };
  const error = missing ? 'a reason is required to wait on the customer' : problems.map((p) => p.message).join('; ');
  return (
    <form className="status-control" onSubmit={onSubmit} aria-label="Change status" noValidate>
      <div className="field">
        <label htmlFor={`${id}-status`}>Move to</label>
        <select
          id={`${id}-status`}
          value={current}
          aria-invalid={error === '' ? undefined : true}
          aria-describedby={error === '' ? undefined : `${id}-error`}
          onChange={(e) => {
            setStatus(e.target.value as CaseStatus | '');
            setMissing(false);
          }}
        >
          <option value="">Choose a status…</option>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {waiting && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (shown to the customer)</label>
          <input
            id={`${id}-reason`}
            value={reason}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </div>
      )}
      <button type="submit" disabled={busy || current === ''}>
        {busy ? 'Saving…' : 'Change status'}
      </button>
      {error !== '' && (
        <small id={`${id}-error`} className="field-error" role="alert">
          Status: {error}
        </small>
      )}
    </form>
  );
}
