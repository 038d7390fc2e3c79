// Provider admins add a plan: prices typed in the currency's major unit (dollars, euros), sent
// in minor units. Typos are caught before sending; the server's errors (a taken name) land
// beside the field they name.

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { PlanFieldsFragment, PlanInput } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CreatePlanMutation } from './documents';
import { EMPTY_PLAN, planInput, type PlanDraft, type PlanErrors } from './planInput';

const FIELDS: ReadonlyArray<keyof PlanInput> = ['name', 'currency', 'baseFeeMinor', 'endpointPriceMinor', 'includedGb', 'overageGbPriceMinor', 'slaTier'];

export function CreatePlanForm({ onCreated }: { onCreated: (plan: PlanFieldsFragment) => void }) {
  const [draft, setDraft] = useState<PlanDraft>(EMPTY_PLAN);
  const [errors, setErrors] = useState<PlanErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, createPlan] = useMutation(CreatePlanMutation);
  const server = splitByField(problems, FIELDS);
  const error = (key: keyof PlanInput) => errors[key] ?? server.byField[key];
  const set = (key: keyof PlanDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const unit = draft.currency.trim().toUpperCase() || 'USD';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    const parsed = planInput(draft);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await createPlan({ input: parsed.input });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    if (result.data !== undefined) {
      setDraft(EMPTY_PLAN);
      onCreated(result.data.createPlan);
    }
  };

  return (
    <form className="panel" aria-labelledby="create-plan-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="create-plan-title">Create a plan</h2>
      <div className="row">
        <TextField label="Name" required value={draft.name} error={error('name')} onChange={set('name')} />
        <TextField label="Currency" required value={draft.currency} error={error('currency')} hint="ISO 4217, e.g. usd or eur." onChange={set('currency')} />
        <TextField label="SLA tier" required value={draft.slaTier} error={error('slaTier')} hint="e.g. silver, gold." onChange={set('slaTier')} />
      </div>
      <div className="row">
        <TextField label={`Base fee a month (${unit})`} inputMode="decimal" value={draft.baseFee} error={error('baseFeeMinor')} onChange={set('baseFee')} />
        <TextField label={`Price per endpoint (${unit})`} inputMode="decimal" value={draft.endpointPrice} error={error('endpointPriceMinor')} onChange={set('endpointPrice')} />
        <TextField label="Included GB a month" inputMode="numeric" value={draft.includedGb} error={error('includedGb')} onChange={set('includedGb')} />
        <TextField label={`Price per GB over (${unit})`} inputMode="decimal" value={draft.overageGbPrice} error={error('overageGbPriceMinor')} onChange={set('overageGbPrice')} />
      </div>
      <ErrorBanner problems={server.general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Creating…' : 'Create plan'}
      </button>
    </form>
  );
}
