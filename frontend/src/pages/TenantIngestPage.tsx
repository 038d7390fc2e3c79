// A tenant's ingest settings (provider admins, and customer admins of their own tenant): tokens,
// syslog source bindings and TLS client certificates, sending examples, and for provider admins
// the ingest limits.

import { useState } from 'react';
import { useParams } from 'react-router';
import { canManageIngest, canSetIngestLimits } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { NotFound } from '../components/NotFound';
import { HowToSend } from '../ingest/HowToSend';
import { LimitsPanel } from '../ingest/LimitsPanel';
import { SyslogCertificatesPanel } from '../ingest/SyslogCertificatesPanel';
import { SyslogSourcesPanel } from '../ingest/SyslogSourcesPanel';
import { TokensPanel, type CreatedToken } from '../ingest/TokensPanel';
import { TenantLayout } from '../tenants/TenantLayout';

function IngestSettings({ tenantId }: { tenantId: string }) {
  const viewer = useViewer();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <>
      <TokensPanel tenantId={tenantId} onCreated={setCreated} />
      <SyslogSourcesPanel tenantId={tenantId} />
      <SyslogCertificatesPanel tenantId={tenantId} />
      {canSetIngestLimits(viewer.role) && <LimitsPanel tenantId={tenantId} />}
      <HowToSend secret={created?.secret ?? null} />
    </>
  );
}

export function TenantIngestPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  if (!canManageIngest(viewer.role)) return <NotFound />;
  return <TenantLayout tenantId={tenantId}>{(tenant) => <IngestSettings tenantId={tenant.id} />}</TenantLayout>;
}
