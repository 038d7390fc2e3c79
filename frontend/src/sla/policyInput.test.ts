import { describe, expect, it } from 'vitest';
import { durationSeconds, policyDraft, policyInput, toDraftDuration } from './policyInput';

describe('SLA policy form conversions', () => {
  it('shows whole hours in hours and anything else in minutes', () => {
    expect(toDraftDuration(3600)).toEqual({ value: '1', unit: 'hours' });
    expect(toDraftDuration(4 * 3600)).toEqual({ value: '4', unit: 'hours' });
    expect(toDraftDuration(900)).toEqual({ value: '15', unit: 'minutes' });
    expect(toDraftDuration(5400)).toEqual({ value: '90', unit: 'minutes' });
  });

  it('turns minutes and hours (fractions too) into seconds', () => {
    expect(durationSeconds({ value: '15', unit: 'minutes' })).toBe(900);
    expect(durationSeconds({ value: '2', unit: 'hours' })).toBe(7200);
    expect(durationSeconds({ value: '1.5', unit: 'hours' })).toBe(5400);
    expect(durationSeconds({ value: ' 30 ', unit: 'minutes' })).toBe(1800);
  });

  it('refuses what is not a duration of a minute or more', () => {
    expect(durationSeconds({ value: '', unit: 'minutes' })).toBe('a positive number');
    expect(durationSeconds({ value: '-5', unit: 'minutes' })).toBe('a positive number');
    expect(durationSeconds({ value: '0', unit: 'hours' })).toBe('at least one minute');
  });

  it('round-trips a policy and checks the warning percentage', () => {
    const values = { acknowledgeSeconds: 900, respondSeconds: 3600, resolveSeconds: 86400, warnPercent: 75, calendar: 'TWENTY_FOUR_SEVEN' as const };
    const draft = policyDraft(values);
    expect(draft.resolve).toEqual({ value: '24', unit: 'hours' });
    expect(policyInput(draft)).toEqual({ input: values });
    expect(policyInput({ ...draft, warnPercent: '100', acknowledge: { value: 'x', unit: 'minutes' } })).toEqual({
      errors: { acknowledge: 'a positive number', warnPercent: 'a whole percentage from 1 to 99' },
    });
  });
});
