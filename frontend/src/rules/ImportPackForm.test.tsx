import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { ImportPackForm } from './ImportPackForm';

const RULE_A = 'title: Whoami\nlogsource:\n  product: windows\ndetection:\n  sel:\n    Image|endswith: \\whoami.exe\n  condition: sel\n';
const RULE_B = 'title: broken\n';

function clientAnswering() {
  const executeMutation = vi.fn((op: { variables: { name: string; rules: string[] } }) =>
    fromValue({
      operation: op,
      data: {
        importRulePack: {
          __typename: 'RulePack',
          id: 'p1',
          name: op.variables.name,
          version: 1,
          ruleCount: 1,
          updatedAt: '2026-12-01T10:00:00Z',
          versions: [
            {
              version: 1,
              importedAt: '2026-12-01T10:00:00Z',
              ruleCount: 1,
              added: ['rule-a'],
              removed: [],
              changed: [],
              rejected: [{ source: 'rules[1]', reason: 'no detection section' }],
            },
          ],
        },
      },
    }),
  );
  return { client: { executeMutation } as unknown as Client, executeMutation };
}

describe('ImportPackForm', () => {
  it('reads the picked files in the browser and sends their text as the pack\'s rules', async () => {
    const { client, executeMutation } = clientAnswering();
    const onImported = vi.fn();
    const user = userEvent.setup();
    render(
      <Provider value={client}>
        <ImportPackForm onImported={onImported} />
      </Provider>,
    );
    await user.type(screen.getByLabelText('Pack name'), 'team-pack');
    const files = [
      new File([RULE_A], 'whoami.yml', { type: 'application/yaml' }),
      new File([RULE_B], 'broken.yml', { type: 'application/yaml' }),
    ];
    await user.upload(screen.getByLabelText('Rule files'), files);
    expect(screen.getByText(/2 picked\./)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Import pack' }));

    await screen.findByText('Imported team-pack version 1: 1 rules.');
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0]?.[0].variables).toEqual({ name: 'team-pack', rules: [RULE_A, RULE_B] });
    expect(onImported).toHaveBeenCalled();
    // The rejected file is named as it was picked, not by its index.
    expect(screen.getByText('broken.yml')).toBeDefined();
    expect(screen.getByText('no detection section')).toBeDefined();
  });

  it('asks for a name and at least one file before sending anything', async () => {
    const { client, executeMutation } = clientAnswering();
    const user = userEvent.setup();
    render(
      <Provider value={client}>
        <ImportPackForm onImported={() => {}} />
      </Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Import pack' }));
    expect(screen.getByText('Pack name: is required')).toBeDefined();
    expect(screen.getByText('Rule files: pick at least one YAML file')).toBeDefined();
    expect(screen.getByLabelText('Rule files').getAttribute('aria-invalid')).toBe('true');
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
