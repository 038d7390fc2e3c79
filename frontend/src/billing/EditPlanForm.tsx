// Provider admins edit a plan of the catalogue: its values typed in major units of its currency
// (which is fixed), only what changed sent to `updatePlan`. Typos show beside their field before
// sending; the server's errors (a taken name) land beside the field they name.

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { PlanFieldsFragment, PlanInput } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { UpdatePlanMutation } from './documents';
import { planDraftOf, planPatch, type PlanDraft, type PlanErrors } from './planInput';

const FIELDS: ReadonlyArray<keyof PlanInput> = ['name', 'baseFeeMinor', 'endpointPriceMinor', 'includedGb', 'overageGbPriceMinor', 'slaTier'];

/** Which input field each draft field feeds, so editing a field clears its error. */
const INPUT_KEY: Record<keyof PlanDraft, keyof PlanInput> = {
  name: 'name',
  currency: 'currency',
  baseFee: 'baseFeeMinor',
  endpointPrice: 'endpointPriceMinor',
  includedGb: 'includedGb',
  overageGbPrice: 'overageGbPriceMinor',
  slaTier: 'slaTier',
};

interface Props {
  plan: PlanFieldsFragment;
  onSaved: (plan: PlanFieldsFragment) => void;
  onCancel: () => void;
}

export function EditPlanForm({ plan, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<PlanDraft>(() => planDraftOf(plan));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const [{ fetching }, updatePlan] = useMutation(UpdatePlanMutation);
  const server = splitByField(problems, FIELDS);
  const error = (key: keyof PlanInput) => errors[key] ?? server.byField[key];
  const set = (key: keyof PlanDraft) => (e: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft({ ...draft, [key]: e.target.value });
    const { [INPUT_KEY[key]]: _cleared, ...rest } = errors;
    setErrors(rest);
  };
  const unit = plan.currency.toUpperCase();
  const title = `Edit plan ${plan.name}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    const parsed = planPatch(plan, draft);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (Object.keys(parsed.patch).length === 0) {
      setUnchanged(true);
      return;
    }
    const result = await updatePlan({ id: plan.id, input: parsed.patch }, { additionalTypenames: ['Plan'] });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    if (result.data !== undefined) onSaved(result.data.updatePlan);
  };

  return (
    <form className="panel" aria-label={title} onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3>{title}</h3>
      <div className="row">
        <TextField label="Name" required autoFocus value={draft.name} error={error('name')} onChange={set('name')} />
        <TextField label="SLA tier" required value={draft.slaTier} error={error('slaTier')} onChange={set('slaTier')} />
        <TextField label="Currency" value={unit} readOnly hint="A plan keeps its currency." />
      </div>
      <div className="row">
        <TextField label={`Base fee a month (${unit})`} inputMode="decimal" value={draft.baseFee} error={error('baseFeeMinor')} onChange={set('baseFee')} />
        <TextField label={`Price per endpoint (${unit})`} inputMode="decimal" value={draft.endpointPrice} error={error('endpointPriceMinor')} onChange={set('endpointPrice')} />
        <TextField label="Included GB a month" inputMode="numeric" value={draft.includedGb} error={error('includedGb')} onChange={set('includedGb')} />
        <TextField label={`Price per GB over (${unit})`} inputMode="decimal" value={draft.overageGbPrice} error={error('overageGbPriceMinor')} onChange={set('overageGbPrice')} />
      </div>
      <ErrorBanner problems={server.general} />
      {unchanged && (
        <p className="muted" role="status">
          Nothing changed.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
