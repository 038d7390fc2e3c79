// A rule's switch and severity for one tenant (provider admins): each change is an override;
// "Reset" drops the override so the pack's own settings apply again.

import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import type { RulesQuery, Severity } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { SetRuleOverrideMutation } from './documents';
import { overrideInput } from './overrideInput';

type Rule = RulesQuery['rules']['nodes'][number];

interface Props {
  tenantId: string;
  rule: Rule;
  packRuns: boolean;
  onChanged: () => void;
}

export function RuleOverrideControls({ tenantId, rule, packRuns, onChanged }: Props) {
  const [{ fetching }, setOverride] = useMutation(SetRuleOverrideMutation);
  const [problems, setProblems] = useState<Problem[]>([]);
  const send = async (input: { enabled: boolean | null; level: Severity | null }) => {
    const result = await setOverride({ tenantId, ruleId: rule.id, ...input });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    onChanged();
  };

  return (
    <div className="override">
      <label className="choice">
        <input
          type="checkbox"
          checked={rule.enabled}
          disabled={fetching || !packRuns || !rule.packEnabled}
          onChange={(e) => void send(overrideInput(rule, { enabled: e.target.checked }))}
        />
        <span className="visually-hidden">Run {rule.title}</span>
        <span aria-hidden="true">{rule.enabled ? 'On' : 'Off'}</span>
      </label>
      <select
        aria-label={`Severity of ${rule.title}`}
        value={rule.level ?? ''}
        disabled={fetching}
        onChange={(e) => void send(overrideInput(rule, { level: e.target.value === '' ? null : (e.target.value as Severity) }))}
      >
        {rule.level === null || rule.level === undefined ? <option value="">No level</option> : null}
        {[...SEVERITIES].reverse().map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </select>
      {rule.overridden && (
        <button type="button" disabled={fetching} onClick={() => void send({ enabled: null, level: null })}>
          Reset<span className="visually-hidden"> {rule.title} to the pack&apos;s settings</span>
        </button>
      )}
      <ErrorBanner problems={problems} />
    </div>
  );
}
