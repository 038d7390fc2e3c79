import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { TokensPanel } from './TokensPanel';

const SECRET = 'gi_abcd1234_s3cr3t-value';
const TOKEN = {
  __typename: 'IngestToken',
  id: 'tok1',
  name: 'web-01 rsyslog',
  prefix: 'gi_abcd1234',
  createdAt: '2026-11-22T08:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};

/** A client serving a token list that holds TOKEN once it has been created. */
function fakeClient() {
  let created = false;
  const executeQuery = vi.fn((op: { kind: string }) =>
    fromValue({ operation: op, data: { ingestTokens: created ? [TOKEN] : [] }, stale: false, hasNext: false }),
  );
  const executeMutation = vi.fn((op: { kind: string }) => {
    created = true;
    return fromValue({
      operation: op,
      data: { createIngestToken: { __typename: 'CreatedIngestToken', token: SECRET, ingestToken: TOKEN } },
      stale: false,
      hasNext: false,
    });
  });
  return { executeQuery, executeMutation, suspense: false } as unknown as Client;
}

function renderPanel(client: Client) {
  return render(
    <Provider value={client}>
      <TokensPanel tenantId="acme" />
    </Provider>,
  );
}

describe('TokensPanel', () => {
  it('shows a new token\'s secret once, and the list only its prefix', async () => {
    const client = fakeClient();
    const user = userEvent.setup();
    const first = renderPanel(client);
    await user.type(screen.getByLabelText('Token name'), 'web-01 rsyslog');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const box = await screen.findByLabelText('New token secret');
    expect((box as HTMLInputElement).value).toBe(SECRET);
    expect(screen.getByText(/you will not see this token again/)).toBeDefined();
    await waitFor(() => expect(screen.getByText('gi_abcd1234…')).toBeDefined());

    // Dismissed, it is gone for good.
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByLabelText('New token secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);

    // Coming back to the page (a fresh mount) lists the token without its secret.
    first.unmount();
    renderPanel(client);
    await screen.findByText('web-01 rsyslog');
    expect(screen.queryByLabelText('New token secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });
});
