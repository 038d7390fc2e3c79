// Money as the billing API keeps it (integers in the currency's minor unit, e.g. cents) and as
// people read and type it (major units with the currency's own number of decimals).

/** How many decimals `currency` has (2 for USD and EUR, 0 for JPY); 2 when unknown. */
export function fractionDigits(currency: string): number {
  try {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions();
    return options.maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `150000` USD → "$1,500.00" (in the viewer's locale unless one is given). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = fractionDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency.toUpperCase()}`;
  }
}

/** The API's Int is 32-bit. */
export const MAX_MINOR = 2_147_483_647;

/**
 * What someone typed ("1500", "1,500.50", "12.5") in minor units of `currency`, or why it is
 * not an amount: negative numbers and more decimals than the currency has are refused.
 */
export function parseMoney(text: string, currency: string): number | string {
  const digits = fractionDigits(currency);
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  if (cleaned === '') return 'is required';
  if (cleaned.startsWith('-')) return 'must not be negative';
  const m = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (m === null) return 'must be an amount such as 1500 or 12.50';
  const decimals = m[2] ?? '';
  if (decimals.length > digits) {
    return digits === 0 ? 'takes no decimals in this currency' : `takes at most ${digits} decimals`;
  }
  const minor = Number(m[1]) * 10 ** digits + Number(decimals.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return 'is too large';
  return minor;
}

/** Minor units back to what the form shows ("1500.00"). */
export function minorToInput(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
