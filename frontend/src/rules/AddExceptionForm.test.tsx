import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { AddExceptionForm } from './AddExceptionForm';

type Vars = { tenantId: string; ruleId: string; filter: string };

/** Refuses the first snippet the way the API does (INVALID_INPUT on `filter`), accepts the next. */
function client() {
  const executeMutation = vi.fn((op: { variables: Vars }) =>
    fromValue(
      op.variables.filter.includes('[')
        ? {
            operation: op,
            error: new CombinedError({
              graphQLErrors: [
                new GraphQLError("filter: not YAML: error: line 1 column 12: unclosed bracket '['", {
                  extensions: { code: 'INVALID_INPUT', field: 'filter' },
                }),
              ],
            }),
          }
        : {
            operation: op,
            data: { addRuleException: { id: 'e1', ruleId: op.variables.ruleId, filter: op.variables.filter, createdAt: '2026-12-01T10:00:00Z' } },
          },
    ),
  );
  return { value: { executeMutation } as unknown as Client, executeMutation };
}

describe('AddExceptionForm', () => {
  it('shows the API\'s complaint about the snippet beside the box, then adds a good one', async () => {
    const { value, executeMutation } = client();
    const onAdded = vi.fn();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <AddExceptionForm tenantId="acme" ruleId="rule-1" ruleTitle="Whoami" onAdded={onAdded} />
      </Provider>,
    );
    const box = screen.getByLabelText('Exception filter');
    await user.type(box, 'selection: [[unclosed');
    await user.click(screen.getByRole('button', { name: 'Add exception' }));
    await screen.findByText("Exception filter: not YAML: error: line 1 column 12: unclosed bracket '['");
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain('-error');
    expect(onAdded).not.toHaveBeenCalled();
    // No banner: the error belongs to the field.
    expect(screen.queryByRole('alert')).toBeNull();

    await user.clear(box);
    await user.type(box, "selection:\n  User: 'CORP\\svc'");
    await user.click(screen.getByRole('button', { name: 'Add exception' }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(executeMutation.mock.calls[1]?.[0].variables).toEqual({
      tenantId: 'acme',
      ruleId: 'rule-1',
      filter: "selection:\n  User: 'CORP\\svc'",
    });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for a snippet before sending an empty one', async () => {
    const { value, executeMutation } = client();
    const user = userEvent.setup();
    render(
      <Provider value={value}>
        <AddExceptionForm tenantId="acme" ruleId="rule-1" ruleTitle="Whoami" onAdded={() => {}} />
      </Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add exception' }));
    expect(screen.getByText('Exception filter: write the events to leave out')).toBeDefined();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
