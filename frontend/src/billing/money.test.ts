import { describe, expect, it } from 'vitest';
import { formatMoney, fractionDigits, minorToInput, parseMoney } from './money';

describe('money', () => {
  it('knows how many decimals a currency has', () => {
    expect(fractionDigits('usd')).toBe(2);
    expect(fractionDigits('EUR')).toBe(2);
    expect(fractionDigits('jpy')).toBe(0);
    expect(fractionDigits('nope-not-a-currency')).toBe(2);
  });

  it('formats minor units in the currency', () => {
    expect(formatMoney(150_000, 'usd', 'en-US')).toBe('$1,500.00');
    expect(formatMoney(1_500, 'jpy', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1_234, 'eur', 'en-GB')).toBe('€12.34');
  });

  it('reads typed amounts into minor units', () => {
    expect(parseMoney('1500', 'usd')).toBe(150_000);
    expect(parseMoney('1,500.5', 'usd')).toBe(150_050);
    expect(parseMoney(' 12.34 ', 'eur')).toBe(1_234);
    expect(parseMoney('0', 'usd')).toBe(0);
    expect(parseMoney('9.', 'usd')).toBe(900);
    expect(parseMoney('1500', 'jpy')).toBe(1_500);
  });

  it('says why a typed amount is refused', () => {
    expect(parseMoney('', 'usd')).toBe('is required');
    expect(parseMoney('-5', 'usd')).toBe('must not be negative');
    expect(parseMoney('12.345', 'usd')).toBe('takes at most 2 decimals');
    expect(parseMoney('12.5', 'jpy')).toBe('takes no decimals in this currency');
    expect(parseMoney('ten', 'usd')).toMatch(/must be an amount/);
    expect(parseMoney('99999999', 'usd')).toBe('is too large');
  });

  it('round-trips for editing', () => {
    expect(minorToInput(150_050, 'usd')).toBe('1500.50');
    expect(parseMoney(minorToInput(150_050, 'usd'), 'usd')).toBe(150_050);
  });
});
