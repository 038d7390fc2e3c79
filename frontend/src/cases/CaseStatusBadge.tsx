import type { CaseStatus } from '../gql/graphql';
import { CASE_STATUS_LABELS } from './labels';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge case-${status.toLowerCase().replace(/_/g, '-')}`}>{CASE_STATUS_LABELS[status]}</span>;
}
