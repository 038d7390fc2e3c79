// An ingest token's log-source tags (Sigma's product, category and service) between the form's
// text boxes and the API: blank means unset, values are lower case, and the same characters the
// server accepts (letters, digits, `_`, `-`, `.`; at most 64).

import type { LogSourceInput } from '../gql/graphql';

export type LogSourceKey = 'product' | 'category' | 'service';
export type LogSourceDraft = Record<LogSourceKey, string>;
export type LogSourceErrors = Partial<Record<LogSourceKey, string>>;
type Tags = Partial<Record<LogSourceKey, string | null | undefined>>;

export const LOG_SOURCE_KEYS: readonly LogSourceKey[] = ['product', 'category', 'service'];
export const LOG_SOURCE_LABELS: Record<LogSourceKey, string> = { product: 'Product', category: 'Category', service: 'Service' };
/** Sigma's own names, as examples beside each box. */
export const LOG_SOURCE_EXAMPLES: Record<LogSourceKey, string> = {
  product: 'windows, linux, aws',
  category: 'process_creation, firewall',
  service: 'sysmon, security, cloudtrail',
};
export const EMPTY_LOG_SOURCE: LogSourceDraft = { product: '', category: '', service: '' };

const NAME = /^[a-z0-9_.-]{1,64}$/;

export function logSourceDraftOf(tags: Tags | null | undefined): LogSourceDraft {
  return { product: tags?.product ?? '', category: tags?.category ?? '', service: tags?.service ?? '' };
}

/** The tags to send (blank ones as null), or the boxes whose text is not a log-source name. */
export function logSourceInput(draft: LogSourceDraft): { input: LogSourceInput } | { errors: LogSourceErrors } {
  const input: Record<LogSourceKey, string | null> = { product: null, category: null, service: null };
  const errors: LogSourceErrors = {};
  for (const key of LOG_SOURCE_KEYS) {
    const value = draft[key].trim().toLowerCase();
    if (value === '') continue;
    if (NAME.test(value)) input[key] = value;
    else errors[key] = 'letters, digits, “_”, “-” and “.” only, at most 64';
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

/** Whether any tag is set. */
export function hasLogSource(tags: Tags | null | undefined): boolean {
  return LOG_SOURCE_KEYS.some((k) => (tags?.[k] ?? '') !== '');
}

/** The set tags in order, e.g. `[["product", "windows"], ["service", "sysmon"]]`. */
export function logSourceEntries(tags: Tags | null | undefined): Array<[LogSourceKey, string]> {
  return LOG_SOURCE_KEYS.flatMap((k): Array<[LogSourceKey, string]> => {
    const v = tags?.[k];
    return v === null || v === undefined || v === '' ? [] : [[k, v]];
  });
}
