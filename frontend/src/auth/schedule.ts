// When to renew an access token. A separate function so the policy is visible and testable.

/** Renew this long before expiry at most; short tokens renew at half their life instead. */
const MAX_LEAD_SECS = 60;

/**
 * Milliseconds after receiving a token with `expiresInSecs` of life at which to refresh it:
 * a minute before expiry, or half-way for tokens shorter than two minutes, so a refresh that
 * needs a retry still lands before the old token stops working.
 */
export function refreshDelayMs(expiresInSecs: number): number {
  if (!Number.isFinite(expiresInSecs) || expiresInSecs <= 0) return 0;
  const lead = Math.min(MAX_LEAD_SECS, expiresInSecs / 2);
  return Math.round((expiresInSecs - lead) * 1000);
}
