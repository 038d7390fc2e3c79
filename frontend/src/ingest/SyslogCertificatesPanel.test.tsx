import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { SyslogCertificatesPanel } from './SyslogCertificatesPanel';

const FINGERPRINT = '3f2a9c0d5b7e11aa22bb33cc44dd55ee66ff77889900aabbccddeeff00112233';
const CERT = { __typename: 'SyslogCertificate', id: 'c1', name: 'dmz-relay-01', fingerprint: FINGERPRINT, createdAt: '2026-11-30T08:00:00Z' };

/** A client whose bind answers as `bindAnswer` says, and whose list then holds CERT. */
function fakeClient(bindAnswer: 'ok' | 'field-error') {
  let bound = false;
  const executeQuery = vi.fn((op: { kind: string }) =>
    fromValue({ operation: op, data: { syslogCertificates: bound ? [CERT] : [] }, stale: false, hasNext: false }),
  );
  const executeMutation = vi.fn((op: { kind: string }) => {
    if (bindAnswer === 'field-error') {
      return fromValue({
        operation: op,
        error: {
          graphQLErrors: [
            { message: 'expected a PEM certificate or its SHA-256 fingerprint (64 hex digits)', extensions: { code: 'INVALID_INPUT', field: 'certificate' } },
          ],
        },
        stale: false,
        hasNext: false,
      });
    }
    bound = true;
    return fromValue({ operation: op, data: { bindSyslogCertificate: CERT }, stale: false, hasNext: false });
  });
  return { executeQuery, executeMutation, suspense: false } as unknown as Client;
}

function renderPanel(client: Client) {
  return render(
    <Provider value={client}>
      <SyslogCertificatesPanel tenantId="acme" />
    </Provider>,
  );
}

describe('SyslogCertificatesPanel', () => {
  it('binds by fingerprint and lists it abbreviated, the full value on hover and for screen readers', async () => {
    const client = fakeClient('ok');
    const user = userEvent.setup();
    renderPanel(client);
    await screen.findByText('No certificates bound.');
    await user.type(screen.getByLabelText('Certificate name'), 'dmz-relay-01');
    await user.type(screen.getByLabelText('Certificate (PEM) or SHA-256 fingerprint'), FINGERPRINT);
    expect(screen.getByText(/A SHA-256 fingerprint \(64 hex digits/)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Bind certificate' }));
    const code = await screen.findByText('3f2a9c0d…00112233');
    expect(code.closest('code')?.getAttribute('title')).toBe(`SHA-256 ${FINGERPRINT.toUpperCase().match(/../g)?.join(':')}`);
    expect(code.closest('code')?.textContent).toContain(FINGERPRINT);
    expect(screen.getByRole('button', { name: 'Copy fingerprint of dmz-relay-01' })).toBeDefined();
    await waitFor(() => expect(screen.getByLabelText('Certificate name')).toHaveProperty('value', ''));
  });

  it('shows the API\'s complaint beside the certificate box', async () => {
    const client = fakeClient('field-error');
    const user = userEvent.setup();
    renderPanel(client);
    await user.type(screen.getByLabelText('Certificate name'), 'relay');
    await user.type(screen.getByLabelText('Certificate (PEM) or SHA-256 fingerprint'), 'abc');
    expect(screen.getByText(/Neither a PEM certificate nor 64 hex digits/)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Bind certificate' }));
    await screen.findByText(/Certificate \(PEM\) or SHA-256 fingerprint: expected a PEM certificate/);
    expect(screen.getByLabelText('Certificate (PEM) or SHA-256 fingerprint').getAttribute('aria-invalid')).toBe('true');
  });
});
