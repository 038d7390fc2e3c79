// A target as a number and a unit (minutes or hours), labelled as one group.

import { useId } from 'react';
import type { DurationDraft, Unit } from './policyInput';

interface Props {
  label: string;
  value: DurationDraft;
  error?: string | undefined;
  onChange: (next: DurationDraft) => void;
}

export function DurationInput({ label, value, error, onChange }: Props) {
  const id = useId();
  return (
    <div className="field duration" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="label">
        {label}
      </span>
      <div className="row">
        <input
          aria-label={`${label} amount`}
          inputMode="decimal"
          size={5}
          value={value.value}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
        />
        <select aria-label={`${label} unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Unit })}>
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
        </select>
      </div>
      {error !== undefined && (
        <small id={`${id}-error`} className="field-error">
          {label}: {error}
        </small>
      )}
    </div>
  );
}
