import { describe, expect, it } from 'vitest';
import { overrideInput } from './overrideInput';

const rule = { enabled: true, level: 'HIGH' as const, overridden: false, packId: 'p1' };

describe('overrideInput', () => {
  it('changes one half and leaves the other unset when there is no override', () => {
    expect(overrideInput(rule, { enabled: false }, true)).toEqual({ enabled: false, level: null });
    expect(overrideInput(rule, { level: 'LOW' }, true)).toEqual({ enabled: null, level: 'LOW' });
  });

  it('keeps the other half of an existing override', () => {
    const overridden = { ...rule, overridden: true, level: 'LOW' as const };
    expect(overrideInput(overridden, { enabled: false }, true)).toEqual({ enabled: false, level: 'LOW' });
    expect(overrideInput({ ...overridden, enabled: false }, { level: 'CRITICAL' }, true)).toEqual({
      enabled: false,
      level: 'CRITICAL',
    });
  });

  it('never pins "off" that comes from a pack the tenant does not run', () => {
    const offByPack = { ...rule, enabled: false, overridden: true };
    expect(overrideInput(offByPack, { level: 'LOW' }, false)).toEqual({ enabled: null, level: 'LOW' });
  });
});
