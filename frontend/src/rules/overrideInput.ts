// What `setRuleOverride` is sent. The API replaces a rule's whole override (enabled and level
// together; both null clears it), so a change to one half sends the other half exactly as the
// tenant's override has it (`overrideEnabled`/`overrideLevel`, null where not overridden).

import type { Severity } from '../gql/graphql';

export interface OverridableRule {
  overrideEnabled?: boolean | null;
  overrideLevel?: Severity | null;
}

export function overrideInput(
  rule: OverridableRule,
  change: { enabled: boolean } | { level: Severity | null },
): { enabled: boolean | null; level: Severity | null } {
  if ('enabled' in change) return { enabled: change.enabled, level: rule.overrideLevel ?? null };
  return { enabled: rule.overrideEnabled ?? null, level: change.level };
}
