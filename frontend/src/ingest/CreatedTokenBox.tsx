// A just-created token's secret: shown this once, copyable, with a plain warning that it will
// not be shown again. It lives only in the page's memory; leaving the page forgets it.

import { useId, useState } from 'react';

export function CreatedTokenBox({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const inputId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <div className="notice created-token" role="region" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>Token “{name}” created</h3>
      <p>
        <strong>Copy it now: you will not see this token again.</strong> Garrison keeps only a hash of it; if it is
        lost, revoke it and create another.
      </p>
      <div className="actions">
        <label htmlFor={inputId} className="visually-hidden">
          New token secret
        </label>
        <input id={inputId} className="secret" readOnly value={secret} size={Math.min(secret.length, 64)} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy token'}
        </button>
        <button type="button" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
