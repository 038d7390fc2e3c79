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
  logSource: { __typename: 'LogSourceTags', product: null, category: null, service: null },
};

/** A client serving a token list that holds the token (with the tags it was created with) once it has been created. */
function fakeClient() {
  let created: typeof TOKEN | null = null;
  const executeQuery = vi.fn((op: { kind: string }) =>
    fromValue({ operation: op, data: { ingestTokens: created === null ? [] : [created] }, stale: false, hasNext: false }),
  );
  const executeMutation = vi.fn((op: { kind: string; variables: { logSource?: Record<string, string | null> | null } }) => {
    created = { ...TOKEN, logSource: { ...TOKEN.logSource, ...(op.variables.logSource ?? {}) } };
    return fromValue({
      operation: op,
      data: { createIngestToken: { __typename: 'CreatedIngestToken', token: SECRET, ingestToken: created } },
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

  it('creates a token with log-source tags, lower case, blanks unset, and lists them', async () => {
    const client = fakeClient();
    const user = userEvent.setup();
    renderPanel(client);
    await user.type(screen.getByLabelText('Token name'), 'dc-01 sysmon');
    await user.type(screen.getByLabelText('Product'), 'Windows');
    await user.type(screen.getByLabelText('Service'), 'sysmon');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await screen.findByLabelText('New token secret');
    expect(client.executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({
        variables: { tenantId: 'acme', name: 'dc-01 sysmon', logSource: { product: 'windows', category: null, service: 'sysmon' } },
      }),
      expect.anything(),
    );
    const table = screen.getByRole('table', { name: 'Ingest tokens, newest first' });
    await waitFor(() => expect(table.textContent).toContain('product: windows'));
    expect(table.textContent).toContain('service: sysmon');
    // The boxes are empty again for the next token.
    expect(screen.getByLabelText('Product')).toHaveProperty('value', '');
  });

  it('refuses a tag the server would refuse, beside its box, without a round trip', async () => {
    const client = fakeClient();
    const user = userEvent.setup();
    renderPanel(client);
    await user.type(screen.getByLabelText('Token name'), 'fw');
    await user.type(screen.getByLabelText('Category'), 'process creation');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByLabelText('Category').getAttribute('aria-invalid')).toBe('true');
    expect(client.executeMutation).not.toHaveBeenCalled();
  });
});
