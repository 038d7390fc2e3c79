import { describe, expect, it } from 'vitest';
import type { PlanFieldsFragment } from '../gql/graphql';
import { planDraftOf, planInput, planPatch, type PlanDraft } from './planInput';

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

const PLAN: PlanFieldsFragment = {
  id: 'p1',
  name: 'Essentials',
  currency: 'usd',
  baseFeeMinor: 80_000,
  endpointPriceMinor: 750,
  includedGb: 25,
  overageGbPriceMinor: 45,
  slaTier: 'bronze',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('planDraftOf', () => {
  it('shows the plan\'s money in major units with the currency\'s decimals', () => {
    expect(planDraftOf(PLAN)).toEqual({
      name: 'Essentials',
      currency: 'usd',
      baseFee: '800.00',
      endpointPrice: '7.50',
      includedGb: '25',
      overageGbPrice: '0.45',
      slaTier: 'bronze',
    });
    expect(planDraftOf({ ...PLAN, currency: 'jpy', baseFeeMinor: 9000 }).baseFee).toBe('9000');
  });
});

describe('planPatch', () => {
  it('is empty when nothing changed', () => {
    expect(planPatch(PLAN, planDraftOf(PLAN))).toEqual({ patch: {} });
  });

  it('sends only the changed fields, money in minor units', () => {
    const draft = { ...planDraftOf(PLAN), baseFee: '950', name: ' Essentials 2 ', includedGb: '25' };
    expect(planPatch(PLAN, draft)).toEqual({ patch: { name: 'Essentials 2', baseFeeMinor: 95_000 } });
  });

  it('keeps the plan\'s currency whatever the draft says', () => {
    const draft = { ...planDraftOf(PLAN), currency: 'jpy', endpointPrice: '8.25' };
    expect(planPatch(PLAN, draft)).toEqual({ patch: { endpointPriceMinor: 825 } });
  });

  it('checks like creating, by the API\'s field names', () => {
    const draft = { ...planDraftOf(PLAN), overageGbPrice: '0.455', slaTier: ' ', includedGb: '-1' };
    expect(planPatch(PLAN, draft)).toEqual({
      errors: { overageGbPriceMinor: 'takes at most 2 decimals', slaTier: 'is required', includedGb: 'must be a whole number of GB (0 or more)' },
    });
  });

  it('can set a price to zero', () => {
    expect(planPatch(PLAN, { ...planDraftOf(PLAN), overageGbPrice: '0' })).toEqual({ patch: { overageGbPriceMinor: 0 } });
  });
});
