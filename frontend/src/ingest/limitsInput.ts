// The ingest limits form's text boxes to the mutation's arguments: blank means "the platform
// default" (null); anything else must be a whole number of at least 1.

export type LimitKey = 'eventsPerSecond' | 'bytesPerDay' | 'retentionDays';
export type LimitValues = Record<LimitKey, number | null>;
export type LimitTexts = Record<LimitKey, string>;

export const LIMIT_KEYS: readonly LimitKey[] = ['eventsPerSecond', 'bytesPerDay', 'retentionDays'];

export function limitsToTexts(limits: Partial<Record<LimitKey, number | null | undefined>>): LimitTexts {
  const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    eventsPerSecond: text(limits.eventsPerSecond),
    bytesPerDay: text(limits.bytesPerDay),
    retentionDays: text(limits.retentionDays),
  };
}

/** The values, or the fields that are not blank and not a positive whole number. */
export function parseLimits(texts: LimitTexts): { values: LimitValues } | { errors: Partial<Record<LimitKey, string>> } {
  const values: LimitValues = { eventsPerSecond: null, bytesPerDay: null, retentionDays: null };
  const errors: Partial<Record<LimitKey, string>> = {};
  for (const key of LIMIT_KEYS) {
    const raw = texts[key].trim();
    if (raw === '') continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
      errors[key] = 'a whole number of at least 1, or blank for the default';
    } else {
      values[key] = Number(raw);
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { values };
}
