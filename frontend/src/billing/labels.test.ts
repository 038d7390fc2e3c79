import { describe, expect, it } from 'vitest';
import { formatGb, humanize, invoiceStatusLabel, percent } from './labels';

describe('billing labels', () => {
  it('rounds data volumes for reading, keeping tiny ones visible', () => {
    expect(formatGb('0.705754986', 'en')).toBe('0.71');
    expect(formatGb('1234.5', 'en')).toBe('1,234.5');
    expect(formatGb('0.000123456', 'en')).toBe('0.0001');
    expect(formatGb('0', 'en')).toBe('0');
    expect(formatGb('n/a', 'en')).toBe('n/a');
  });

  it('words codes and statuses', () => {
    expect(humanize('false_positive')).toBe('False positive');
    expect(humanize('HIGH')).toBe('High');
    expect(invoiceStatusLabel('open')).toBe('Open (unpaid)');
    expect(invoiceStatusLabel('paid')).toBe('Paid');
    expect(percent(95.55)).toBe('95.5%');
    expect(percent(null)).toBe('—');
  });
});
