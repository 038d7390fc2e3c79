import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import type { PlanInput } from '../gql/graphql';
import { CreatePlanForm } from './CreatePlanForm';

/** Refuses the name "Essentials" as taken (CONFLICT naming `input.name`), creates anything else. */
function client() {
  const executeMutation = vi.fn((op: { variables: { input: PlanInput } }) =>
    fromValue(
      op.variables.input.name === 'Essentials'
        ? {
            operation: op,
            error: new CombinedError({
              graphQLErrors: [new GraphQLError('input.name: a plan named `Essentials` exists', { extensions: { code: 'CONFLICT' } })],
            }),
          }
        : { operation: op, data: { createPlan: { id: 'p1', ...op.variables.input, createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z' } } },
    ),
  );
  return { value: { executeMutation } as unknown as Client, executeMutation };
}

async function fill(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.type(screen.getByLabelText('Name'), name);
  await user.type(screen.getByLabelText('SLA tier'), 'gold');
  await user.type(screen.getByLabelText('Base fee a month (USD)'), '2500');
  await user.type(screen.getByLabelText('Price per endpoint (USD)'), '10.50');
  await user.type(screen.getByLabelText('Included GB a month'), '100');
  await user.type(screen.getByLabelText('Price per GB over (USD)'), '0.35');
}

describe('CreatePlanForm', () => {
  it('shows what is wrong beside each field and sends nothing', async () => {
    const { value, executeMutation } = client();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <CreatePlanForm onCreated={() => {}} />
      </Provider>,
    );
    await user.type(screen.getByLabelText('Base fee a month (USD)'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(screen.getByText('Name: is required')).toBeDefined();
    expect(screen.getByText('SLA tier: is required')).toBeDefined();
    expect(screen.getByText('Base fee a month (USD): takes at most 2 decimals')).toBeDefined();
    expect(screen.getByText('Included GB a month: must be a whole number of GB (0 or more)')).toBeDefined();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('puts the server\'s taken-name conflict beside the name, then creates in minor units', async () => {
    const { value, executeMutation } = client();
    const onCreated = vi.fn();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <CreatePlanForm onCreated={onCreated} />
      </Provider>,
    );
    await fill(user, 'Essentials');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await screen.findByText('Name: a plan named `Essentials` exists');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Growth');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(executeMutation.mock.calls[1]?.[0].variables.input).toEqual({
      name: 'Growth',
      currency: 'usd',
      baseFeeMinor: 250_000,
      endpointPriceMinor: 1_050,
      includedGb: 100,
      overageGbPriceMinor: 35,
      slaTier: 'gold',
    });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });
});
