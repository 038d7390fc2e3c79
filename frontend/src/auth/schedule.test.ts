import { describe, expect, it } from 'vitest';
import { refreshDelayMs } from './schedule';

describe('refreshDelayMs', () => {
  it('renews a 15-minute token one minute before it expires', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
  });

  it('renews short tokens half-way through their life', () => {
    expect(refreshDelayMs(60)).toBe(30_000);
    expect(refreshDelayMs(10)).toBe(5_000);
  });

  it('renews at once when the lifetime is missing or nonsense', () => {
    expect(refreshDelayMs(0)).toBe(0);
    expect(refreshDelayMs(-5)).toBe(0);
    expect(refreshDelayMs(Number.NaN)).toBe(0);
  });
});
