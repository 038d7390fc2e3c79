import { describe, expect, it } from 'vitest';
import { limitsToTexts, parseLimits } from './limitsInput';

describe('parseLimits', () => {
  it('reads blanks as the platform default', () => {
    expect(parseLimits({ eventsPerSecond: '', bytesPerDay: ' ', retentionDays: '30' })).toEqual({
      values: { eventsPerSecond: null, bytesPerDay: null, retentionDays: 30 },
    });
  });

  it('names each field that is not a positive whole number', () => {
    const parsed = parseLimits({ eventsPerSecond: '0', bytesPerDay: '1.5', retentionDays: 'x' });
    expect('errors' in parsed && Object.keys(parsed.errors)).toEqual(['eventsPerSecond', 'bytesPerDay', 'retentionDays']);
  });

  it('shows defaults as blank boxes', () => {
    expect(limitsToTexts({ eventsPerSecond: 500, bytesPerDay: null })).toEqual({
      eventsPerSecond: '500',
      bytesPerDay: '',
      retentionDays: '',
    });
  });
});
