// Words and numbers for the billing API's values: report flags, invoice statuses, volume keys,
// percentages and data volumes.

import type { ReportFlag } from '../gql/graphql';

export const FLAG_LABELS: Record<ReportFlag, string> = {
  SLA_BREACH: 'SLA breached',
  INGEST_DROP: 'Ingest dropped',
  UNPAID_INVOICE: 'Unpaid invoice',
};

/** Stripe's invoice statuses (`draft`, `open`, `paid`, `uncollectible`, `void`). */
export function invoiceStatusLabel(status: string): string {
  switch (status) {
    case 'open':
      return 'Open (unpaid)';
    case 'uncollectible':
      return 'Uncollectible';
    default:
      return humanize(status);
  }
}

/** `false_positive` → "False positive". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;
}

/** Decimal GB as the API gives it ("0.705754986", exact to the byte) rounded for reading: "0.71". */
export function formatGb(gb: string, locale?: string): string {
  const value = Number(gb);
  if (!Number.isFinite(value)) return gb;
  return value.toLocaleString(locale, { maximumFractionDigits: value > 0 && value < 0.01 ? 4 : 2 });
}
