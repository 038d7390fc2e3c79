// A tenant's detection: which packs it runs, its rules in their effective state with
// overrides and exceptions, and its placeholder values. Provider admins change them;
// analysts read them.

import { useState } from 'react';
import { useParams } from 'react-router';
import { canReadRules, canTuneRules } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { NotFound } from '../components/NotFound';
import { PlaceholdersPanel } from '../rules/PlaceholdersPanel';
import { RulesPanel } from '../rules/RulesPanel';
import { TenantPacksPanel } from '../rules/TenantPacksPanel';
import { TenantLayout } from '../tenants/TenantLayout';

function TenantRules({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const viewer = useViewer();
  const canTune = canTuneRules(viewer.role);
  const [enabledPacks, setEnabledPacks] = useState<ReadonlySet<string> | null>(null);
  const [revision, setRevision] = useState(0);
  return (
    <>
      <TenantPacksPanel
        tenantId={tenantId}
        tenantName={tenantName}
        canTune={canTune}
        onLoaded={setEnabledPacks}
        onChanged={(ids) => {
          setEnabledPacks(ids);
          setRevision((r) => r + 1);
        }}
      />
      <RulesPanel tenantId={tenantId} canTune={canTune} enabledPackIds={enabledPacks} revision={revision} />
      <PlaceholdersPanel tenantId={tenantId} canTune={canTune} />
    </>
  );
}

export function TenantRulesPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  if (!canReadRules(viewer.role)) return <NotFound />;
  return (
    <TenantLayout tenantId={tenantId}>{(tenant) => <TenantRules tenantId={tenant.id} tenantName={tenant.name} />}</TenantLayout>
  );
}
