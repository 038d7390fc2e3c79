// One case: status with the allowed transitions, assignee, SLA timers, description, comments
// (internal vs shared), tasks, observables, response actions, timeline, attachments and linked
// alerts; staff edit its headline (title, description, severity, tags, TLP, PAP), and staff who
// may merge take other open cases of the tenant in, and a merged case links to the case it went
// into. Customers get the same page without internal things (the API leaves them
// out) and without the staff controls.

import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { canCommentOnCases, canDecideActions, canMergeCases, canWorkCases } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { useUserNames } from '../alerts/useUserNames';
import { ActionsPanel } from '../cases/ActionsPanel';
import { AttachmentsPanel } from '../cases/AttachmentsPanel';
import { CaseAssignee } from '../cases/CaseAssignee';
import { CaseSlaTimers } from '../cases/CaseSlaTimers';
import { CaseStatusBadge } from '../cases/CaseStatusBadge';
import { EditCaseControl } from '../cases/EditCaseControl';
import { CommentComposer } from '../cases/CommentComposer';
import { Comments } from '../cases/Comments';
import { AddCommentMutation, CaseQuery, UpdateCaseStatusMutation } from '../cases/documents';
import { CASE_SOURCE_LABELS } from '../cases/labels';
import { LinkedAlerts } from '../cases/LinkedAlerts';
import { Markdown } from '../cases/Markdown';
import { canTakeMerges, caseLabel, type MergeCase } from '../cases/merge';
import { MergeCasesControl } from '../cases/MergeCasesControl';
import { MergedIntoNotice } from '../cases/MergedIntoNotice';
import { ObservablesPanel } from '../cases/ObservablesPanel';
import { StatusControl } from '../cases/StatusControl';
import { TasksPanel } from '../cases/TasksPanel';
import { TimelinePanel } from '../cases/TimelinePanel';
import { useCaseMutation } from '../cases/useCaseMutation';
import { ErrorBanner } from '../components/ErrorBanner';
import { NotFound } from '../components/NotFound';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf } from '../graphql/problems';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function CasePage() {
  const { caseId = '' } = useParams();
  const viewer = useViewer();
  const staff = canWorkCases(viewer.role);
  const names = useUserNames(staff);
  const [{ data, error, fetching }, refetch] = useQuery({ query: CaseQuery, variables: { id: caseId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const status = useCaseMutation(reload);
  const general = useCaseMutation(reload);
  const comments = useCaseMutation(reload);
  const [merged, setMerged] = useState<{ targetId: string; sources: MergeCase[] } | null>(null);
  const c = data?.case ?? null;
  useDocumentTitle(c === null ? null : `#${c.number} ${c.title}`);

  if (fetching && data === undefined) return <p role="status">Loading case…</p>;
  const problems = error === undefined ? [] : problemsOf(error);
  if (problems.some((p) => p.code === 'NOT_FOUND' || p.code === 'INVALID_INPUT') || (data !== undefined && c === null)) {
    return <NotFound what="case" />;
  }
  if (c === null) return <ErrorBanner problems={problems} />;

  return (
    <article aria-labelledby="case-title" className="case-page">
      <p>
        <Link to="/cases">← Cases</Link>
      </p>
      <header className="page-header">
        <div>
          <h1 id="case-title">
            #{c.number} {c.title} <SeverityBadge severity={c.severity} /> <CaseStatusBadge status={c.status} />
          </h1>
          {c.waitingReason !== null && c.waitingReason !== undefined && c.status === 'WAITING_ON_CUSTOMER' && (
            <p className="waiting">Waiting on the customer: {c.waitingReason}</p>
          )}
        </div>
        <div className="case-controls">
          {staff && (c.mergedInto === null || c.mergedInto === undefined) && (
            <EditCaseControl caseId={c.id} number={c.number} current={c} onSaved={reload} />
          )}
          {staff && (
            <StatusControl
              key={c.status}
              allowed={c.allowedTransitions}
              busy={status.busy}
              problems={status.problems}
              onChange={(next, reason) => void status.run(UpdateCaseStatusMutation, { id: c.id, status: next, reason })}
            />
          )}
          {canMergeCases(viewer.role) && canTakeMerges(c) && (
            <MergeCasesControl
              target={{ id: c.id, number: c.number, tenantId: c.tenant.id }}
              onMerged={(sources) => {
                setMerged({ targetId: c.id, sources });
                reload();
              }}
            />
          )}
        </div>
      </header>
      {c.mergedInto !== null && c.mergedInto !== undefined && <MergedIntoNotice targetId={c.mergedInto} />}
      {merged !== null && merged.targetId === c.id && (
        <div className="notice" role="status">
          Merged into this case:{' '}
          {merged.sources.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link to={`/cases/${encodeURIComponent(m.id)}`}>{caseLabel(m)}</Link>
            </span>
          ))}
          . {merged.sources.length === 1 ? 'It is' : 'They are'} closed as merged.
        </div>
      )}
      <ErrorBanner problems={general.problems} />
      <dl className="facts">
        <dt>Tenant</dt>
        <dd>{c.tenant.name}</dd>
        <dt>Source</dt>
        <dd>{CASE_SOURCE_LABELS[c.source]}</dd>
        <dt>Assignee</dt>
        <dd>
          <CaseAssignee caseId={c.id} tenantId={c.tenant.id} assigneeId={c.assigneeId ?? null} viewerId={viewer.id} names={names} canAssign={staff} mutation={general} />
        </dd>
        <dt>SLA</dt>
        <dd>
          <CaseSlaTimers clocks={c.sla} />
        </dd>
        <dt>TLP / PAP</dt>
        <dd>
          {c.tlp} / {c.pap}
        </dd>
        {c.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{c.tags.join(', ')}</dd>
          </>
        )}
        <dt>Opened</dt>
        <dd>
          <RelativeTime value={c.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <RelativeTime value={c.updatedAt} />
        </dd>
        {c.resolvedAt !== null && c.resolvedAt !== undefined && (
          <>
            <dt>Resolved</dt>
            <dd>
              <RelativeTime value={c.resolvedAt} />
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="description-title" className="panel">
        <h2 id="description-title">Description</h2>
        {c.description.trim() === '' ? <p className="muted">No description.</p> : <Markdown source={c.description} />}
      </section>
      <section aria-labelledby="comments-title" className="panel">
        <h2 id="comments-title">Comments</h2>
        <Comments comments={c.comments} />
        <ErrorBanner problems={comments.problems} />
        {canCommentOnCases(viewer.role) && (
          <CommentComposer
            staff={staff}
            busy={comments.busy}
            onSubmit={(body, visibility) => comments.run(AddCommentMutation, { caseId: c.id, body, visibility })}
          />
        )}
      </section>
      <ActionsPanel caseId={c.id} actions={c.actions} canPropose={staff} canDecide={canDecideActions(viewer.role)} mutation={general} />
      {staff && <TasksPanel caseId={c.id} tasks={c.tasks} mutation={general} />}
      {staff && <ObservablesPanel caseId={c.id} observables={c.observables} mutation={general} />}
      <TimelinePanel caseId={c.id} entries={c.timeline} staff={staff} mutation={general} />
      <AttachmentsPanel caseId={c.id} attachments={c.attachments} staff={staff} canUpload={canCommentOnCases(viewer.role)} mutation={general} />
      {staff && <LinkedAlerts alerts={c.alerts} />}
    </article>
  );
}
