// A certificate fingerprint in a list: abbreviated on screen, the full value on hover (and read
// out in full by screen readers), and a button that copies it.

import { useState } from 'react';
import { abbreviateFingerprint, colonFingerprint } from './fingerprint';

export function CopyFingerprint({ fingerprint, name }: { fingerprint: string; name: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () =>
    navigator.clipboard.writeText(fingerprint).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <span className="fingerprint">
      <code title={`SHA-256 ${colonFingerprint(fingerprint)}`} data-fingerprint={fingerprint}>
        <span aria-hidden="true">{abbreviateFingerprint(fingerprint)}</span>
        <span className="visually-hidden">{fingerprint}</span>
      </code>{' '}
      <button type="button" onClick={() => void copy()} aria-label={`Copy fingerprint of ${name}`}>
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}
