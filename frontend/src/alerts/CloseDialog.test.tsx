import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Disposition } from '../gql/graphql';
import { CloseDialog } from './CloseDialog';

describe('CloseDialog', () => {
  it('requires a disposition before closing', async () => {
    const onClose = vi.fn<(d: Disposition, comment: string) => void>();
    const user = userEvent.setup();
    render(<CloseDialog count={3} busy={false} onClose={onClose} onCancel={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Close 3 alerts' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Close 3 alerts' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText('Disposition: choose one')).toBeDefined();
    expect(screen.getByRole('group', { name: 'Disposition' }).getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByLabelText('False positive'));
    expect(screen.queryByText('Disposition: choose one')).toBeNull();
    await user.type(screen.getByLabelText('Comment'), '  scheduled scan  ');
    await user.click(screen.getByRole('button', { name: 'Close 3 alerts' }));
    expect(onClose).toHaveBeenCalledWith('FALSE_POSITIVE', 'scheduled scan');
  });

  it('starts on the first disposition, and Escape cancels', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(<CloseDialog count={1} busy={false} onClose={() => {}} onCancel={onCancel} />);
    expect(document.activeElement).toBe(screen.getByLabelText('True positive'));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });

  it('shows the server\'s complaint about the comment beside it', () => {
    render(<CloseDialog count={1} busy={false} commentError="is longer than 10000 bytes" onClose={() => {}} onCancel={() => {}} />);
    expect(screen.getByLabelText('Comment').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Comment: is longer than 10000 bytes')).toBeDefined();
  });
});
