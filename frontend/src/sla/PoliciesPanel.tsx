// A tenant's SLA policy per severity; provider admins edit one at a time.

import { useState } from 'react';
import { useClient } from 'urql';
import { SEVERITY_LABELS } from '../alerts/filters';
import { SeverityBadge } from '../alerts/SeverityBadge';
import type { Severity, SlaPoliciesQuery } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { formatDuration } from '../lib/time';
import { SetSlaPolicyMutation } from './documents';
import { CALENDAR_LABELS } from './labels';
import { PolicyForm } from './PolicyForm';

type Policy = SlaPoliciesQuery['slaPolicies'][number];

export function PoliciesPanel({ tenantId, policies, canEdit }: { tenantId: string; policies: readonly Policy[]; canEdit: boolean }) {
  const client = useClient();
  const [editing, setEditing] = useState<Severity | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const current = policies.find((p) => p.severity === editing);
  return (
    <section aria-labelledby="policies-title" className="panel">
      <h2 id="policies-title">Policies</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Acknowledge</th>
            <th scope="col">Respond</th>
            <th scope="col">Resolve</th>
            <th scope="col">Warn at</th>
            <th scope="col">Calendar</th>
            <th scope="col">Source</th>
            {canEdit && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.severity}>
              <td>
                <SeverityBadge severity={p.severity} />
              </td>
              <td>{formatDuration(p.acknowledgeSeconds)}</td>
              <td>{formatDuration(p.respondSeconds)}</td>
              <td>{formatDuration(p.resolveSeconds)}</td>
              <td>{p.warnPercent}%</td>
              <td>{CALENDAR_LABELS[p.calendar]}</td>
              <td>{p.isDefault ? 'Default' : 'Custom'}</td>
              {canEdit && (
                <td>
                  <button type="button" aria-label={`Edit the ${SEVERITY_LABELS[p.severity]} policy`} onClick={() => { setProblems([]); setEditing(p.severity); }}>
                    Edit
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && current !== undefined && (
        <PolicyForm
          key={current.severity}
          title={`${SEVERITY_LABELS[current.severity]} policy`}
          initial={current}
          busy={busy}
          problems={problems}
          onCancel={() => setEditing(null)}
          onSave={(input) => {
            setBusy(true);
            void client
              .mutation(SetSlaPolicyMutation, { tenantId, severity: current.severity, input }, { additionalTypenames: ['SlaPolicy'] })
              .toPromise()
              .then((r) => {
                setBusy(false);
                if (r.error !== undefined) setProblems(problemsOf(r.error));
                else setEditing(null);
              });
          }}
        />
      )}
    </section>
  );
}
