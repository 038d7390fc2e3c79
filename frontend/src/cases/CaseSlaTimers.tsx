// A case's SLA clocks (acknowledge, respond, resolve): each open one counting down live, or
// paused while waiting on the customer; finished ones say how they ended.

import { SlaCountdown } from '../alerts/SlaCountdown';
import { SLA_TARGET_LABELS } from '../alerts/sla';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery } from '../gql/graphql';

type Clock = NonNullable<CaseQuery['case']>['sla'][number];

export function CaseSlaTimers({ clocks }: { clocks: readonly Clock[] }) {
  if (clocks.length === 0) return <span className="muted">no SLA clocks</span>;
  return (
    <ul className="sla-clocks">
      {clocks.map((c) => (
        <li key={c.target}>
          <strong>{SLA_TARGET_LABELS[c.target]}:</strong> <SlaCountdown clocks={[c]} />
          {c.completedAt !== null && c.completedAt !== undefined && (
            <>
              {' '}
              · done <RelativeTime value={c.completedAt} />
            </>
          )}
          <span className="muted"> ({c.calendar === 'BUSINESS_HOURS' ? 'business hours' : '24/7'})</span>
        </li>
      ))}
    </ul>
  );
}
