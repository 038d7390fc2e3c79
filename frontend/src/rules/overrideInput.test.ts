import { describe, expect, it } from 'vitest';
import { overrideInput } from './overrideInput';

describe('overrideInput', () => {
  it('changes one half and leaves the other unset when there is no override', () => {
    const rule = { overrideEnabled: null, overrideLevel: null };
    expect(overrideInput(rule, { enabled: false })).toEqual({ enabled: false, level: null });
    expect(overrideInput(rule, { level: 'LOW' })).toEqual({ enabled: null, level: 'LOW' });
  });

  it('keeps the other half of an existing override as it was set', () => {
    expect(overrideInput({ overrideEnabled: null, overrideLevel: 'LOW' }, { enabled: false })).toEqual({ enabled: false, level: 'LOW' });
    expect(overrideInput({ overrideEnabled: false, overrideLevel: null }, { level: 'CRITICAL' })).toEqual({
      enabled: false,
      level: 'CRITICAL',
    });
  });

  it('never pins what the override did not set (an "off" from a pack the tenant does not run)', () => {
    expect(overrideInput({ overrideEnabled: null, overrideLevel: 'HIGH' }, { level: 'LOW' })).toEqual({ enabled: null, level: 'LOW' });
  });

  it('sending the override\'s own values back clears nothing else', () => {
    expect(overrideInput({ overrideEnabled: true, overrideLevel: 'MEDIUM' }, { enabled: true })).toEqual({ enabled: true, level: 'MEDIUM' });
  });
});
