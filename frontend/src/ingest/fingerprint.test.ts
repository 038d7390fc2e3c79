import { describe, expect, it } from 'vitest';
import { abbreviateFingerprint, colonFingerprint, pastedKind } from './fingerprint';

const HEX = '3f2a9c0d5b7e11aa22bb33cc44dd55ee66ff77889900aabbccddeeff00112233';

describe('fingerprints', () => {
  it('abbreviates to the first and last eight hex digits', () => {
    expect(abbreviateFingerprint(HEX)).toBe('3f2a9c0d…00112233');
    expect(abbreviateFingerprint('abcd')).toBe('abcd');
  });

  it('prints colon pairs as openssl does', () => {
    expect(colonFingerprint('3f2a9c')).toBe('3F:2A:9C');
    expect(colonFingerprint(HEX).split(':')).toHaveLength(32);
  });

  it('recognises a pasted PEM certificate or fingerprint', () => {
    expect(pastedKind('')).toBe('empty');
    expect(pastedKind(`-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n`)).toBe('pem');
    expect(pastedKind(HEX)).toBe('fingerprint');
    expect(pastedKind(colonFingerprint(HEX))).toBe('fingerprint');
    expect(pastedKind(`  ${HEX.slice(0, 32)} ${HEX.slice(32)} `)).toBe('fingerprint');
    expect(pastedKind(HEX.slice(1))).toBe('unknown');
    expect(pastedKind('not a certificate')).toBe('unknown');
  });
});
