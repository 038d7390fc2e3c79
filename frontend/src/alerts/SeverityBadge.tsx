import type { Severity } from '../gql/graphql';
import { SEVERITY_LABELS } from './filters';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge sev-${severity.toLowerCase()}`}>{SEVERITY_LABELS[severity]}</span>;
}
