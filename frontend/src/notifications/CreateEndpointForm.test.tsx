import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import type { CreateNotificationEndpointInput } from '../gql/graphql';
import { CreateEndpointForm } from './CreateEndpointForm';

/** Refuses private targets the way the API does (INVALID_INPUT on `input.target`), creates others with a secret. */
function client() {
  const executeMutation = vi.fn((op: { variables: { input: CreateNotificationEndpointInput } }) =>
    fromValue(
      op.variables.input.target.includes('127.0.0.1')
        ? {
            operation: op,
            error: new CombinedError({
              graphQLErrors: [
                new GraphQLError('input.target: must not point at a loopback, private or link-local address', {
                  extensions: { code: 'INVALID_INPUT', field: 'input.target' },
                }),
              ],
            }),
          }
        : {
            operation: op,
            data: { createNotificationEndpoint: { signingSecret: 'whsec_abc', endpoint: { id: 'e1', name: op.variables.input.name } } },
          },
    ),
  );
  return { value: { executeMutation } as unknown as Client, executeMutation };
}

describe('CreateEndpointForm', () => {
  it('checks the form, shows the server\'s refusal beside the URL, then creates', async () => {
    const { value, executeMutation } = client();
    const onCreated = vi.fn();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <CreateEndpointForm tenantId="t1" onCreated={onCreated} />
      </Provider>,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Alert raised' }));
    await user.click(screen.getByRole('checkbox', { name: 'SLA breached' }));
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByText('Name: is required')).toBeDefined();
    expect(screen.getByText('URL: a URL is required')).toBeDefined();
    expect(screen.getByText('Events: choose at least one event')).toBeDefined();
    expect(executeMutation).not.toHaveBeenCalled();
    // Alerts are no longer among the events, so their severity is not asked.
    expect(screen.queryByLabelText('Alerts from severity')).toBeNull();

    await user.type(screen.getByLabelText('Name'), 'SOC hook');
    await user.type(screen.getByLabelText('URL'), 'http://127.0.0.1:9/x');
    await user.click(screen.getByRole('checkbox', { name: 'Case created' }));
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await screen.findByText('URL: must not point at a loopback, private or link-local address');
    expect(onCreated).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('URL'));
    await user.type(screen.getByLabelText('URL'), 'https://hooks.example.com/x');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith({ signingSecret: 'whsec_abc', endpoint: { id: 'e1', name: 'SOC hook' } }));
    expect(executeMutation.mock.calls[1]?.[0].variables.input).toEqual({
      tenantId: 't1',
      name: 'SOC hook',
      kind: 'WEBHOOK',
      target: 'https://hooks.example.com/x',
      events: ['CASE_CREATED'],
      minSeverity: null,
    });
  });

  it('asks for an email address for email endpoints', async () => {
    const { value } = client();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <CreateEndpointForm tenantId={null} onCreated={() => {}} />
      </Provider>,
    );
    await user.selectOptions(screen.getByLabelText('Kind'), 'EMAIL');
    await user.type(screen.getByLabelText('Email address'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByText('Email address: must be an email address')).toBeDefined();
  });
});
