import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UpdateCaseInput } from '../gql/graphql';
import type { EditableCase } from './caseEdit';
import { EditCaseDialog } from './EditCaseDialog';

const CASE: EditableCase = { title: 'Whoami on web-01', description: '', severity: 'MEDIUM', tags: ['recon'], tlp: 'AMBER', pap: 'GREEN' };

describe('EditCaseDialog', () => {
  it('is a labelled dialog that starts on the title and sends only what changed', async () => {
    const onSave = vi.fn<(p: UpdateCaseInput) => void>();
    const user = userEvent.setup();
    render(<EditCaseDialog number={7} original={CASE} busy={false} problems={[]} onSave={onSave} onCancel={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Edit case #7' })).toBeDefined();
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Nothing changed.')).toBeDefined();

    await user.selectOptions(screen.getByLabelText('Severity'), 'HIGH');
    await user.clear(screen.getByLabelText('Tags'));
    await user.type(screen.getByLabelText('Tags'), 'Recon, Finance');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith({ severity: 'HIGH', tags: ['recon', 'finance'] });
  });

  it('requires a title, and shows the API\'s errors beside their fields', async () => {
    const onSave = vi.fn<(p: UpdateCaseInput) => void>();
    const user = userEvent.setup();
    const { rerender } = render(<EditCaseDialog number={7} original={CASE} busy={false} problems={[]} onSave={onSave} onCancel={() => {}} />);
    await user.clear(screen.getByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Title: is required')).toBeDefined();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');

    rerender(
      <EditCaseDialog
        number={7}
        original={CASE}
        busy={false}
        problems={[
          { code: 'INVALID_INPUT', field: 'tags[1]', message: 'must be 1 to 64 characters' },
          { code: 'FORBIDDEN', field: null, message: 'not allowed' },
        ]}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByText('Tags: must be 1 to 64 characters')).toBeDefined();
    expect(screen.getByLabelText('Tags').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/not allowed/)).toBeDefined();
  });

  it('cancels on Escape', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(<EditCaseDialog number={7} original={CASE} busy={false} problems={[]} onSave={() => {}} onCancel={onCancel} />);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });
});
