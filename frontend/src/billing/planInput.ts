// The create-plan form's draft (what was typed) turned into the API's `PlanInput` (minor units),
// or the errors to show beside each field. The server checks the same rules and the name's
// uniqueness; this catches the typos before a round trip.

import type { PlanInput } from '../gql/graphql';
import { MAX_MINOR, parseMoney } from './money';

export interface PlanDraft {
  name: string;
  currency: string;
  baseFee: string;
  endpointPrice: string;
  includedGb: string;
  overageGbPrice: string;
  slaTier: string;
}

export const EMPTY_PLAN: PlanDraft = {
  name: '',
  currency: 'usd',
  baseFee: '',
  endpointPrice: '',
  includedGb: '',
  overageGbPrice: '',
  slaTier: '',
};

/** Error keys are the API's input field names, so server errors land in the same places. */
export type PlanErrors = Partial<Record<keyof PlanInput, string>>;

function text(value: string, max: number): string | { error: string } {
  const v = value.trim();
  if (v === '') return { error: 'is required' };
  if ([...v].length > max) return { error: `must be at most ${max} characters` };
  return v;
}

export function planInput(d: PlanDraft): { input: PlanInput } | { errors: PlanErrors } {
  const errors: PlanErrors = {};
  const name = text(d.name, 80);
  if (typeof name !== 'string') errors.name = name.error;
  const slaTier = text(d.slaTier, 40);
  if (typeof slaTier !== 'string') errors.slaTier = slaTier.error;
  const currency = d.currency.trim().toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) errors.currency = 'must be a three-letter ISO 4217 code, e.g. usd';
  const money = (raw: string) => parseMoney(raw, /^[a-z]{3}$/.test(currency) ? currency : 'usd');
  const baseFeeMinor = money(d.baseFee);
  if (typeof baseFeeMinor === 'string') errors.baseFeeMinor = baseFeeMinor;
  const endpointPriceMinor = money(d.endpointPrice);
  if (typeof endpointPriceMinor === 'string') errors.endpointPriceMinor = endpointPriceMinor;
  const overageGbPriceMinor = money(d.overageGbPrice);
  if (typeof overageGbPriceMinor === 'string') errors.overageGbPriceMinor = overageGbPriceMinor;
  const gbText = d.includedGb.trim();
  const includedGb = Number(gbText);
  if (!/^\d+$/.test(gbText)) errors.includedGb = 'must be a whole number of GB (0 or more)';
  else if (includedGb > MAX_MINOR) errors.includedGb = 'is too large';

  if (
    typeof name !== 'string' ||
    typeof slaTier !== 'string' ||
    typeof baseFeeMinor === 'string' ||
    typeof endpointPriceMinor === 'string' ||
    typeof overageGbPriceMinor === 'string' ||
    Object.keys(errors).length > 0
  ) {
    return { errors };
  }
  return { input: { name, currency, baseFeeMinor, endpointPriceMinor, includedGb, overageGbPriceMinor, slaTier } };
}
