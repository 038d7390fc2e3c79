// A destructive action that takes a second, explicit click, with what it does spelled out.

import { useId, useState } from 'react';

interface Props {
  /** The first button, e.g. "Revoke". */
  label: string;
  /** The second button, e.g. "Confirm revoking ci-token". */
  confirmLabel: string;
  /** What happens, read out with the confirm button. */
  warning: string;
  busy?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({ label, confirmLabel, warning, busy = false, onConfirm }: Props) {
  const warningId = useId();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="actions">
      <span id={warningId}>{warning}</span>
      <button
        type="button"
        className="danger"
        disabled={busy}
        aria-describedby={warningId}
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
