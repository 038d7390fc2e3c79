// Direct API calls for test setup (finding another tenant's id), not for the behaviour under test.

import { DEMO_PASSWORD } from './env';

export async function accessToken(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function tenantIdBySlug(baseUrl: string, token: string, slug: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ tenants(first: 200) { edges { node { id slug } } } }' }),
  });
  const body = (await response.json()) as { data: { tenants: { edges: Array<{ node: { id: string; slug: string } }> } } };
  const found = body.data.tenants.edges.find((e) => e.node.slug === slug);
  if (found === undefined) throw new Error(`no tenant ${slug}`);
  return found.node.id;
}

/** Runs one GraphQL operation as `token`, failing the test on any error. */
export async function graphql<T>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors !== undefined || body.data === undefined) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** A fresh ingest token's secret for `tenantId` (created as `token`, a provider or customer admin). */
export async function createIngestToken(baseUrl: string, token: string, tenantId: string, name: string): Promise<string> {
  const data = await graphql<{ createIngestToken: { token: string } }>(
    baseUrl,
    token,
    'mutation($tenantId: ID!, $name: String!) { createIngestToken(tenantId: $tenantId, name: $name) { token } }',
    { tenantId, name },
  );
  return data.createIngestToken.token;
}

/** Sends events as NDJSON through the HTTP ingest API, failing unless every one is accepted. */
export async function sendEvents(baseUrl: string, secret: string, events: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const response = await fetch(`${baseUrl}/ingest/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
    body: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  });
  const body = (await response.json()) as { accepted?: number };
  if (!response.ok || body.accepted !== events.length) {
    throw new Error(`ingest refused the events: ${response.status} ${JSON.stringify(body)}`);
  }
}

/** A Sysmon process event of whoami.exe on `host`, which garrison-essentials alerts on. */
export function whoamiEvent(host: string, user = 'CORP\\live'): Record<string, unknown> {
  return {
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    EventID: 1,
    Computer: host,
    User: user,
    Image: 'C:\\Windows\\System32\\whoami.exe',
    CommandLine: 'whoami',
    '@timestamp': new Date().toISOString(),
  };
}

/**
 * Raises one fresh alert per host in `tenantId` (through the HTTP ingest API and detection) and
 * returns their ids once the API lists them, so a test need not depend on what the demo left open.
 */
export async function raiseWhoamiAlerts(baseUrl: string, adminToken: string, tenantId: string, hosts: readonly string[]): Promise<string[]> {
  const secret = await createIngestToken(baseUrl, adminToken, tenantId, `e2e-${hosts.join('-').slice(0, 40)}`);
  await sendEvents(baseUrl, secret, hosts.map((h) => whoamiEvent(h)));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const data = await graphql<{ alerts: { edges: Array<{ node: { id: string; group: Record<string, unknown> } }> } }>(
      baseUrl,
      adminToken,
      'query($t: [ID!]) { alerts(first: 100, filter: { tenantIds: $t, status: [NEW] }) { edges { node { id group } } } }',
      { t: [tenantId] },
    );
    const ids = hosts.map((h) => data.alerts.edges.find((e) => e.node.group.host === h)?.node.id);
    if (ids.every((id): id is string => id !== undefined)) return ids;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no alerts for ${hosts.join(', ')} within 30 s`);
}
