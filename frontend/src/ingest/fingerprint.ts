// SHA-256 certificate fingerprints as people read and paste them: abbreviated in lists, in
// colon-separated pairs as `openssl x509 -fingerprint -sha256` prints them, and recognised in
// what is pasted (a PEM certificate or a fingerprint, colons and spaces allowed).

/** `ab12cd…9f0e`: the first and last few hex digits. */
export function abbreviateFingerprint(hex: string, keep = 8): string {
  return hex.length <= keep * 2 + 1 ? hex : `${hex.slice(0, keep)}…${hex.slice(-keep)}`;
}

/** `ab12cd…` → `AB:12:CD:…`, the form openssl prints. */
export function colonFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

export type PastedCertificate = 'pem' | 'fingerprint' | 'empty' | 'unknown';

/** What was pasted, so the form can say what it will send before the server checks it. */
export function pastedKind(text: string): PastedCertificate {
  const t = text.trim();
  if (t === '') return 'empty';
  if (t.includes('-----BEGIN CERTIFICATE-----')) return 'pem';
  const hex = t.replace(/[:\s]/g, '');
  return /^[0-9a-fA-F]{64}$/.test(hex) ? 'fingerprint' : 'unknown';
}
