// One rule's exceptions in a tenant: each snippet with its age, removable by provider admins,
// who can also add one.

import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorBanner } from '../components/ErrorBanner';
import { RelativeTime } from '../components/RelativeTime';
import type { RuleExceptionsQuery } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { AddExceptionForm } from './AddExceptionForm';
import { RemoveRuleExceptionMutation } from './documents';

export type RuleExceptionItem = RuleExceptionsQuery['ruleExceptions'][number];

interface Props {
  id: string;
  tenantId: string;
  ruleId: string;
  ruleTitle: string;
  exceptions: readonly RuleExceptionItem[];
  canTune: boolean;
  onChanged: () => void;
}

export function RuleExceptions({ id, tenantId, ruleId, ruleTitle, exceptions, canTune, onChanged }: Props) {
  const [{ fetching }, remove] = useMutation(RemoveRuleExceptionMutation);
  const [problems, setProblems] = useState<Problem[]>([]);
  const onRemove = async (exceptionId: string) => {
    const result = await remove({ id: exceptionId });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    if (result.error === undefined) onChanged();
  };
  return (
    <div id={id} className="rule-exceptions" role="region" aria-label={`Exceptions of ${ruleTitle}`}>
      {exceptions.length === 0 ? (
        <p className="muted">No exceptions.</p>
      ) : (
        <ul className="exception-list">
          {exceptions.map((e, i) => (
            <li key={e.id}>
              <pre>{e.filter}</pre>
              <span className="muted">
                added <RelativeTime value={e.createdAt} />
              </span>{' '}
              {canTune && (
                <ConfirmButton
                  label={`Remove exception ${i + 1}`}
                  confirmLabel={`Confirm removing exception ${i + 1}`}
                  warning="Matching events raise this rule again."
                  busy={fetching}
                  onConfirm={() => void onRemove(e.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner problems={problems} />
      {canTune && <AddExceptionForm tenantId={tenantId} ruleId={ruleId} ruleTitle={ruleTitle} onAdded={onChanged} />}
    </div>
  );
}
