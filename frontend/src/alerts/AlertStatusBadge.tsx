import type { AlertStatus, Disposition } from '../gql/graphql';

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  TRUE_POSITIVE: 'True positive',
  BENIGN_POSITIVE: 'Benign positive',
  FALSE_POSITIVE: 'False positive',
  DUPLICATE: 'Duplicate',
};

const STATUS_LABELS: Record<AlertStatus, string> = { NEW: 'New', ACKNOWLEDGED: 'Acknowledged', CLOSED: 'Closed' };

/** The alert's triage status, with the disposition once closed. */
export function AlertStatusBadge({ status, disposition }: { status: AlertStatus; disposition: Disposition | null }) {
  return (
    <span className={`badge alert-${status.toLowerCase()}`}>
      {STATUS_LABELS[status]}
      {status === 'CLOSED' && disposition !== null ? ` · ${DISPOSITION_LABELS[disposition]}` : ''}
    </span>
  );
}
