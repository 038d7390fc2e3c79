// Provider admins put a tenant on a plan from a start date (the tenant's local date; a change in
// the middle of a month is prorated by day). The tenant's current plan and history are shown
// once a tenant is picked.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField, TextField } from '../components/Field';
import type { PlanFieldsFragment, TenantFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { BillingAccountQuery, SubscribeTenantMutation } from './documents';
import { firstOfNextMonth, parseDate } from './startDate';

const FIELDS = ['tenantId', 'planId', 'startsOn'] as const;

function PlanHistory({ tenantId }: { tenantId: string }) {
  const [{ data, error }] = useQuery({ query: BillingAccountQuery, variables: { tenantId }, requestPolicy: 'cache-and-network' });
  if (error !== undefined) return <ErrorBanner problems={problemsOf(error)} />;
  const account = data?.billingAccount;
  if (account === undefined) return null;
  return (
    <p className="muted" aria-live="polite">
      {account.currentSubscription
        ? `Now on ${account.currentSubscription.plan.name} since ${account.currentSubscription.startsOn}.`
        : 'No plan in force today.'}
      {account.subscriptions.length > 0 && ` History: ${account.subscriptions.map((s) => `${s.plan.name} from ${s.startsOn}`).join(', ')}.`}
    </p>
  );
}

interface Props {
  tenants: readonly TenantFieldsFragment[];
  plans: readonly PlanFieldsFragment[];
}

export function SubscribeTenantForm({ tenants, plans }: Props) {
  const [tenantId, setTenantId] = useState('');
  const [planId, setPlanId] = useState('');
  const [startsOn, setStartsOn] = useState(() => firstOfNextMonth());
  const [local, setLocal] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, subscribe] = useMutation(SubscribeTenantMutation);
  const server = splitByField(problems, FIELDS);
  const error = (key: (typeof FIELDS)[number]) => local[key] ?? server.byField[key];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setDone(null);
    const errors: Record<string, string> = {};
    if (tenantId === '') errors.tenantId = 'choose a tenant';
    if (planId === '') errors.planId = 'choose a plan';
    const date = parseDate(startsOn);
    if (date === null) errors.startsOn = 'must be a date (YYYY-MM-DD)';
    setLocal(errors);
    if (Object.keys(errors).length > 0 || date === null) return;
    const result = await subscribe({ tenantId, planId, startsOn: date }, { additionalTypenames: ['BillingAccount', 'TenantSubscription'] });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    const sub = result.data?.subscribeTenant;
    if (sub !== undefined) {
      const name = tenants.find((t) => t.id === sub.tenantId)?.name ?? 'The tenant';
      setDone(`${name} is on ${sub.plan.name} from ${sub.startsOn}.`);
    }
  };

  return (
    <form className="panel" aria-labelledby="subscribe-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="subscribe-title">Subscribe a tenant to a plan</h2>
      <div className="row">
        <SelectField label="Tenant" value={tenantId} error={error('tenantId')} onChange={(e) => setTenantId(e.target.value)}>
          <option value="">Choose a tenant…</option>
          {tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Plan" value={planId} error={error('planId')} onChange={(e) => setPlanId(e.target.value)}>
          <option value="">Choose a plan…</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Starts on"
          type="date"
          value={startsOn}
          error={error('startsOn')}
          hint="The tenant's local date. Mid-month changes are prorated by day."
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </div>
      {tenantId !== '' && <PlanHistory key={`${tenantId}-${done ?? ''}`} tenantId={tenantId} />}
      <ErrorBanner problems={server.general} />
      {done !== null && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={fetching}>
        {fetching ? 'Subscribing…' : 'Subscribe'}
      </button>
    </form>
  );
}
