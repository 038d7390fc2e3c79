// Billing for provider admins: the plan catalogue (list, edit, create) and subscribing a tenant
// to a plan from a start date.

import { useState } from 'react';
import { useQuery } from 'urql';
import { CreatePlanForm } from '../billing/CreatePlanForm';
import { PlansQuery } from '../billing/documents';
import { EditPlanForm } from '../billing/EditPlanForm';
import { PlanTable } from '../billing/PlanTable';
import { SubscribeTenantForm } from '../billing/SubscribeTenantForm';
import { ErrorBanner } from '../components/ErrorBanner';
import type { PlanFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { useAllTenants } from '../graphql/useAllTenants';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function BillingPage() {
  useDocumentTitle('Billing');
  const [{ data, error, fetching }, refetch] = useQuery({ query: PlansQuery });
  const { tenants } = useAllTenants();
  const [created, setCreated] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlanFieldsFragment | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const plans = data?.plans ?? [];
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">Billing</h1>
      <section aria-labelledby="plans-title" className="panel">
        <h2 id="plans-title">Plans</h2>
        {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
        {fetching && data === undefined ? (
          <p role="status">Loading plans…</p>
        ) : (
          <PlanTable
            plans={plans}
            onEdit={(plan) => {
              setSaved(null);
              setEditing(plan);
            }}
          />
        )}
        {editing !== null && (
          <EditPlanForm
            key={editing.id}
            plan={editing}
            onCancel={() => setEditing(null)}
            onSaved={(plan) => {
              setEditing(null);
              setSaved(plan.name);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        )}
        {saved !== null && (
          <p className="notice" role="status">
            Saved the plan {saved}.
          </p>
        )}
      </section>
      <CreatePlanForm
        onCreated={(plan) => {
          setCreated(plan.name);
          refetch({ requestPolicy: 'network-only' });
        }}
      />
      {created !== null && (
        <p className="notice" role="status">
          Created the plan {created}.
        </p>
      )}
      <SubscribeTenantForm tenants={tenants} plans={plans} />
    </section>
  );
}
