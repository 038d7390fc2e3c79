// A new webhook's signing secret: shown this once, copyable, with a plain warning. It lives
// only in the page's memory; dismissing it or leaving the page forgets it.

import { useId, useState } from 'react';

export function SigningSecretBox({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice created-token" role="region" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Signing secret of “{name}”</h3>
      <p>
        <strong>Copy it now: you will not see this secret again.</strong> Your receiver checks the{' '}
        <code>Garrison-Signature</code> header (HMAC-SHA256) with it.
      </p>
      <div className="actions">
        <label htmlFor={id} className="visually-hidden">
          Signing secret
        </label>
        <input id={id} className="secret" readOnly value={secret} size={Math.min(secret.length, 64)} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy secret'}
        </button>
        <button type="button" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
