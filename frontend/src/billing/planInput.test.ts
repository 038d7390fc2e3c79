import { describe, expect, it } from 'vitest';
import { planInput, type PlanDraft } from './planInput';

const good: PlanDraft = {
  name: ' Growth ',
  currency: 'USD',
  baseFee: '2,500',
  endpointPrice: '10.50',
  includedGb: '100',
  overageGbPrice: '0.35',
  slaTier: 'gold',
};

describe('planInput', () => {
  it('sends money in minor units, the currency in lower case and trimmed names', () => {
    expect(planInput(good)).toEqual({
      input: {
        name: 'Growth',
        currency: 'usd',
        baseFeeMinor: 250_000,
        endpointPriceMinor: 1_050,
        includedGb: 100,
        overageGbPriceMinor: 35,
        slaTier: 'gold',
      },
    });
  });

  it('names every bad field by the API\'s input name', () => {
    const result = planInput({ name: ' ', currency: 'dollars', baseFee: '-1', endpointPrice: '', includedGb: '1.5', overageGbPrice: 'x', slaTier: '' });
    expect(result).toEqual({
      errors: {
        name: 'is required',
        currency: 'must be a three-letter ISO 4217 code, e.g. usd',
        baseFeeMinor: 'must not be negative',
        endpointPriceMinor: 'is required',
        includedGb: 'must be a whole number of GB (0 or more)',
        overageGbPriceMinor: 'must be an amount such as 1500 or 12.50',
        slaTier: 'is required',
      },
    });
  });

  it('uses the currency\'s own decimals', () => {
    expect(planInput({ ...good, currency: 'jpy', endpointPrice: '10.50' })).toEqual({
      errors: { endpointPriceMinor: 'takes no decimals in this currency', overageGbPriceMinor: 'takes no decimals in this currency' },
    });
  });

  it('refuses names longer than the server keeps', () => {
    expect(planInput({ ...good, name: 'x'.repeat(81) })).toEqual({ errors: { name: 'must be at most 80 characters' } });
  });
});
