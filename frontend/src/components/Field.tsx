// A labelled form control with its error beside it, wired with aria-invalid and
// aria-describedby so a screen reader reads the error when the field takes focus.

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

function describedBy(ids: Array<string | false>): string | undefined {
  const present = ids.filter((id): id is string => id !== false);
  return present.length === 0 ? undefined : present.join(' ');
}

export function TextField({ label, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy([hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`])}
        {...input}
      />
      <FieldNotes id={id} label={label} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy([hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`])}
        {...select}
      >
        {children}
      </select>
      <FieldNotes id={id} label={label} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ label, error, hint, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy([hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`])}
        {...textarea}
      />
      <FieldNotes id={id} label={label} hint={hint} error={error} />
    </div>
  );
}

/** The hint and the error under a control, linked to it by `aria-describedby`. */
function FieldNotes({ id, label, hint, error }: Common & { id: string }) {
  return (
    <>
      {hint !== undefined && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error !== undefined && (
        <small id={`${id}-error`} className="field-error">
          {label}: {error}
        </small>
      )}
    </>
  );
}
