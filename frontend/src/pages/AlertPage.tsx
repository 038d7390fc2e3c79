// One alert: the rule (title, description, ATT&CK), what it grouped on, its times, triage
// status and buttons, the matching events as field trees, and related alerts of the rule.

import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { canTriageAlerts } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { AlertEvents } from '../alerts/AlertEvents';
import { AlertStatusBadge } from '../alerts/AlertStatusBadge';
import { Assignee } from '../alerts/Assignee';
import { AttackChips } from '../alerts/AttackChips';
import { AlertQuery } from '../alerts/documents';
import { groupEntries } from '../alerts/group';
import { RelatedAlerts } from '../alerts/RelatedAlerts';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { SlaClocks } from '../alerts/SlaClocks';
import { TriageActions } from '../alerts/TriageActions';
import { useUserNames } from '../alerts/useUserNames';
import { ErrorBanner } from '../components/ErrorBanner';
import { NotFound } from '../components/NotFound';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf } from '../graphql/problems';
import { formatDuration } from '../lib/time';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function AlertPage() {
  const { alertId = '' } = useParams();
  const viewer = useViewer();
  const triage = canTriageAlerts(viewer.role);
  const names = useUserNames(triage);
  const [{ data, error, fetching }, refetch] = useQuery({ query: AlertQuery, variables: { id: alertId } });
  const alert = data?.alert ?? null;
  useDocumentTitle(alert?.ruleTitle ?? null);

  if (fetching && data === undefined) return <p role="status">Loading alert…</p>;
  const problems = error === undefined ? [] : problemsOf(error);
  if (problems.some((p) => p.code === 'NOT_FOUND' || p.code === 'INVALID_INPUT')) return <NotFound what="alert" />;
  if (alert === null) return <ErrorBanner problems={problems} />;

  return (
    <article aria-labelledby="alert-title">
      <p>
        <Link to="/alerts">← Alerts</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="alert-title">
            {alert.ruleTitle} <SeverityBadge severity={alert.severity} />{' '}
            <AlertStatusBadge status={alert.status} disposition={alert.disposition} />
          </h1>
          {alert.ruleDescription !== null && alert.ruleDescription !== undefined && (
            <p className="description">{alert.ruleDescription}</p>
          )}
        </div>
        {triage && (
          <TriageActions
            alerts={[alert]}
            viewerId={viewer.id}
            onUpdated={() => refetch({ requestPolicy: 'network-only' })}
          />
        )}
      </header>
      <dl className="facts">
        <dt>Tenant</dt>
        <dd>{alert.tenant.name}</dd>
        <dt>Rule</dt>
        <dd>
          <code>{alert.ruleId}</code>
        </dd>
        <dt>ATT&amp;CK</dt>
        <dd>
          <AttackChips techniques={alert.techniques} tactics={alert.tactics} />
        </dd>
        {groupEntries(alert.group).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>
              <code>{v}</code>
            </dd>
          </Fragment>
        ))}
        <dt>Events</dt>
        <dd>{alert.eventCount}</dd>
        <dt>First event</dt>
        <dd>
          <RelativeTime value={alert.firstEventAt} />
        </dd>
        <dt>Last event</dt>
        <dd>
          <RelativeTime value={alert.lastEventAt} />
        </dd>
        <dt>Detected</dt>
        <dd>
          <RelativeTime value={alert.detectedAt} />
        </dd>
        <dt>Detection delay</dt>
        <dd>{formatDuration(alert.detectionDelaySeconds)}</dd>
        <dt>SLA</dt>
        <dd>
          <SlaClocks clocks={alert.sla} />
        </dd>
        <dt>Assignee</dt>
        <dd>
          <Assignee id={alert.assigneeId} viewerId={viewer.id} names={names} name={alert.assignee?.displayName} />
        </dd>
        <dt>Acknowledged</dt>
        <dd>
          <RelativeTime value={alert.acknowledgedAt} />
        </dd>
        <dt>Closed</dt>
        <dd>
          <RelativeTime value={alert.closedAt} />
        </dd>
        {alert.closeComment !== null && alert.closeComment !== undefined && alert.closeComment !== '' && (
          <>
            <dt>Close comment</dt>
            <dd>{alert.closeComment}</dd>
          </>
        )}
      </dl>
      <AlertEvents events={alert.events} eventCount={alert.eventCount} />
      <RelatedAlerts alertId={alert.id} ruleId={alert.ruleId} tenantId={alert.tenant.id} viewerId={viewer.id} names={names} />
    </article>
  );
}

