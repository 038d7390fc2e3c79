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
