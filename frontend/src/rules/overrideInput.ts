// What `setRuleOverride` is sent. The API replaces a rule's whole override (enabled and level
// together; both null clears it), but a Rule shows only its effective state and whether an
// override exists. So a change to one half keeps the other half at its effective value when
// an override exists, and leaves it unset otherwise. A rule of a pack the tenant does not run
// is off because of the pack, not an override, so that "off" is never pinned.

import type { Severity } from '../gql/graphql';

export interface OverridableRule {
  enabled: boolean;
  level?: Severity | null;
  overridden: boolean;
  packId: string;
}

export function overrideInput(
  rule: OverridableRule,
  change: { enabled: boolean } | { level: Severity | null },
  packRuns: boolean,
): { enabled: boolean | null; level: Severity | null } {
  const keepEnabled = rule.overridden && packRuns ? rule.enabled : null;
  const keepLevel = rule.overridden ? (rule.level ?? null) : null;
  if ('enabled' in change) return { enabled: change.enabled, level: keepLevel };
  return { enabled: keepEnabled, level: change.level };
}
