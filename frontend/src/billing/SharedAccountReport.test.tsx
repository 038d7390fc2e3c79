import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { CombinedError, Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';
import { ViewerProvider } from '../auth/ViewerContext';
import type { TenantFieldsFragment } from '../gql/graphql';
import { SharedAccountReport } from './SharedAccountReport';

// The CSV button needs a signed-in session; these tests are about what is shown, not downloads.
vi.mock('./DownloadCsvButton', () => ({ DownloadCsvButton: () => null }));

const TENANT = { id: 't-acme', name: 'Acme Corporation', slug: 'acme' } as TenantFieldsFragment;
const ME = { __typename: 'User', id: 'u1', email: 'admin@acme.example', displayName: 'Acme Admin', role: 'CUSTOMER_ADMIN', tenantId: 't-acme' };
const NOT_FOUND = new CombinedError({ graphQLErrors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });
const FORBIDDEN = new CombinedError({ graphQLErrors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] });

type Answer = { data?: unknown; error?: CombinedError };

/** A client answering each operation by name; it records which operations were asked. */
function fakeClient(answers: Record<string, Answer>) {
  const asked: string[] = [];
  const executeQuery = vi.fn((op: { query: { definitions: Array<{ kind: string; name?: { value: string } }> } }) => {
    const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
    asked.push(name);
    // Kept open like a real client's stream, so the answer stays the query's state.
    return concat([fromValue({ operation: op, ...(answers[name] ?? {}), stale: false, hasNext: false }), never]);
  });
  return { client: { executeQuery, executeMutation: vi.fn(), suspense: false } as unknown as Client, asked };
}

function renderReport(client: Client) {
  return render(
    <Provider value={client}>
      <MemoryRouter>
        <ViewerProvider>
          <SharedAccountReport tenant={TENANT} />
        </ViewerProvider>
      </MemoryRouter>
    </Provider>,
  );
}

describe('SharedAccountReport', () => {
  it('says the provider has not shared the report, and never asks for it, while the flag is off', async () => {
    const { client, asked } = fakeClient({
      Viewer: { data: { me: ME } },
      CustomerReports: { data: { billingAccount: { __typename: 'BillingAccount', tenantId: 't-acme', customerReports: false } } },
    });
    renderReport(client);
    await screen.findByText('Your provider has not shared account reports with your organization.');
    expect(asked).not.toContain('AccountReport');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lets the report decide when the flag cannot be read: NOT_FOUND reads as not shared, not as an error', async () => {
    const { client, asked } = fakeClient({
      Viewer: { data: { me: ME } },
      CustomerReports: { error: FORBIDDEN },
      AccountReport: { error: NOT_FOUND },
    });
    renderReport(client);
    await screen.findByText('Your provider has not shared account reports with your organization.');
    expect(asked).toContain('AccountReport');
    expect(screen.queryByRole('region', { name: 'Customer access' })).toBeNull();
  });
});
