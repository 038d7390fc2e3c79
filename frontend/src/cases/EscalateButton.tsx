// "Escalate…" for selected alerts of one tenant: opens the dialog, escalates, and goes to the case.

import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';
import { EscalateAlertsMutation } from './documents';

import { EscalateDialog } from './EscalateDialog';

interface Props {
  alerts: ReadonlyArray<{ id: string; tenant: { id: string } }>;
  suffix?: string;
}

export function EscalateButton({ alerts, suffix = '' }: Props) {
  const client = useClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const tenants = new Set(alerts.map((a) => a.tenant.id));
  const tenantId = alerts[0]?.tenant.id ?? '';
  const oneTenant = tenants.size === 1;
  const end = () => {
    setOpen(false);
    setProblems([]);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        disabled={!oneTenant}
        title={tenants.size > 1 ? 'Select alerts of one tenant to escalate' : undefined}
        onClick={() => setOpen(true)}
      >
        Escalate{suffix}…
      </button>
      {open && (
        <EscalateDialog
          count={alerts.length}
          tenantId={tenantId}
          busy={busy}
          problems={problems}
          onCancel={end}
          onEscalate={({ caseId, title }) => {
            setBusy(true);
            void client
              .mutation(EscalateAlertsMutation, { alertIds: alerts.map((a) => a.id), caseId, title })
              .toPromise()
              .then((r) => {
                setBusy(false);
                if (r.error !== undefined) setProblems(problemsOf(r.error));
                else if (r.data !== undefined) navigate(`/cases/${encodeURIComponent(r.data.escalateAlerts.id)}`);
              });
          }}
        />
      )}
    </>
  );
}
