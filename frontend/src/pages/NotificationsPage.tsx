// Notification endpoints (webhook, Slack, Teams, email) of one owner: provider admins choose
// provider-wide (every tenant) or a tenant (`?tenant=<id>` in the URL); customer admins manage
// their own tenant's. A new webhook's signing secret is shown once.

import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { isCustomerRole } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { SelectField } from '../components/Field';
import { problemsOf } from '../graphql/problems';
import { useAllTenants } from '../graphql/useAllTenants';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { CreateEndpointForm } from '../notifications/CreateEndpointForm';
import { NotificationEndpointsQuery } from '../notifications/documents';
import { EndpointTable } from '../notifications/EndpointTable';
import { SigningSecretBox } from '../notifications/SigningSecretBox';

function OwnerPicker({ tenantId, onChange }: { tenantId: string | null; onChange: (tenantId: string | null) => void }) {
  const { tenants } = useAllTenants();
  return (
    <SelectField label="Endpoints of" value={tenantId ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">Provider-wide (every tenant)</option>
      {tenants.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </SelectField>
  );
}

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const customer = isCustomerRole(viewer.role);
  const tenantId = customer ? viewer.tenantId : params.get('tenant') || null;
  // Mutations refetch the list themselves (`reload`), so no cache context is needed here; a
  // context object made anew each render would re-run the query on every render.
  const [{ data, error, fetching }, refetch] = useQuery({ query: NotificationEndpointsQuery, variables: { tenantId } });
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      <p className="muted">
        Endpoints hear alerts, case changes, customer comments and SLA warnings and breaches
        {tenantId === null ? ' of every tenant.' : ' of one tenant.'}
      </p>
      {!customer && (
        <OwnerPicker
          tenantId={tenantId}
          onChange={(next) => {
            setSecret(null);
            setParams(next === null ? {} : { tenant: next }, { replace: true });
          }}
        />
      )}
      {secret !== null && <SigningSecretBox name={secret.name} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading endpoints…</p>
      ) : (
        <EndpointTable endpoints={data?.notificationEndpoints ?? []} onDeleted={reload} />
      )}
      <CreateEndpointForm
        key={tenantId ?? 'provider'}
        tenantId={tenantId}
        onCreated={(created) => {
          if (created.signingSecret) setSecret({ name: created.endpoint.name, secret: created.signingSecret });
          reload();
        }}
      />
    </section>
  );
}
