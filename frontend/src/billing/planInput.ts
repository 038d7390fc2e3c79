// The plan forms' draft (what was typed) turned into the API's input (minor units), or the
// errors to show beside each field: a whole `PlanInput` to create a plan, or a `PlanPatchInput`
// of only what changed to edit one (the currency is fixed). The server checks the same rules
// and the name's uniqueness; this catches the typos before a round trip.

import type { PlanFieldsFragment, PlanInput, PlanPatchInput } from '../gql/graphql';
import { MAX_MINOR, minorToInput, parseMoney } from './money';

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

/** A plan as the edit form starts: its values typed in major units of its currency. */
export function planDraftOf(plan: PlanFieldsFragment): PlanDraft {
  return {
    name: plan.name,
    currency: plan.currency,
    baseFee: minorToInput(plan.baseFeeMinor, plan.currency),
    endpointPrice: minorToInput(plan.endpointPriceMinor, plan.currency),
    includedGb: String(plan.includedGb),
    overageGbPrice: minorToInput(plan.overageGbPriceMinor, plan.currency),
    slaTier: plan.slaTier,
  };
}

const PATCH_FIELDS = ['name', 'baseFeeMinor', 'endpointPriceMinor', 'includedGb', 'overageGbPriceMinor', 'slaTier'] as const;

/**
 * The edit form's draft as `updatePlan`'s patch: the same checks as creating, in the plan's own
 * currency (whatever the draft says), and only the fields that differ from `plan`, since absent
 * fields stay. An empty patch means nothing changed.
 */
export function planPatch(plan: PlanFieldsFragment, d: PlanDraft): { patch: PlanPatchInput } | { errors: PlanErrors } {
  const parsed = planInput({ ...d, currency: plan.currency });
  if ('errors' in parsed) return parsed;
  const patch: PlanPatchInput = {};
  for (const key of PATCH_FIELDS) {
    if (parsed.input[key] !== plan[key]) Object.assign(patch, { [key]: parsed.input[key] });
  }
  return { patch };
}
