// One rule in a tenant's list: title and pack, its effective severity and switch (editable by
// provider admins), and its exceptions, which open below the row.

import { Fragment, useState } from 'react';
import { SeverityBadge } from '../alerts/SeverityBadge';
import type { RulesQuery } from '../gql/graphql';
import { RuleExceptions, type RuleExceptionItem } from './RuleExceptions';
import { RuleOverrideControls } from './RuleOverrideControls';

type Rule = RulesQuery['rules']['nodes'][number];

interface Props {
  tenantId: string;
  rule: Rule;
  exceptions: readonly RuleExceptionItem[];
  packRuns: boolean;
  canTune: boolean;
  onChanged: () => void;
}

export function RuleRow({ tenantId, rule, exceptions, packRuns, canTune, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const detailId = `rule-${rule.id}-exceptions`;
  return (
    <Fragment>
      <tr>
        <td>
          <div>{rule.title}</div>
          <code className="detail">{rule.id}</code>
          {rule.overridden && <span className="badge overridden">overridden</span>}
        </td>
        <td>{rule.packName}</td>
        {canTune ? (
          <td colSpan={2}>
            <RuleOverrideControls tenantId={tenantId} rule={rule} packRuns={packRuns} onChanged={onChanged} />
          </td>
        ) : (
          <>
            <td>{rule.enabled ? 'On' : <span className="muted">Off</span>}</td>
            <td>{rule.level === null || rule.level === undefined ? <span className="muted">none</span> : <SeverityBadge severity={rule.level} />}</td>
          </>
        )}
        <td>
          <button type="button" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
            Exceptions ({rule.exceptionCount})<span className="visually-hidden"> of {rule.title}</span>
          </button>
        </td>
      </tr>
      {open && (
        <tr className="detail-row">
          <td colSpan={5}>
            <RuleExceptions
              id={detailId}
              tenantId={tenantId}
              ruleId={rule.id}
              ruleTitle={rule.title}
              exceptions={exceptions}
              canTune={canTune}
              onChanged={onChanged}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
