import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Visibility } from '../gql/graphql';
import { CommentComposer } from './CommentComposer';

describe('CommentComposer', () => {
  it('starts internal for staff, marked as such, and switches to shared', async () => {
    const onSubmit = vi.fn<(body: string, v: Visibility) => Promise<boolean>>().mockResolvedValue(true);
    const user = userEvent.setup();
    const { container } = render(<CommentComposer staff busy={false} onSubmit={onSubmit} />);
    expect(screen.getByLabelText('Internal (staff only)')).toHaveProperty('checked', true);
    expect(container.querySelector('form')?.className).toContain('internal');
    await user.type(screen.getByLabelText('Internal comment'), 'lateral movement suspected');
    await user.click(screen.getByRole('button', { name: 'Add internal comment' }));
    expect(onSubmit).toHaveBeenLastCalledWith('lateral movement suspected', 'INTERNAL');
    // Cleared once the comment is saved.
    expect(screen.getByLabelText('Internal comment')).toHaveProperty('value', '');

    await user.click(screen.getByLabelText('Shared with the customer'));
    expect(container.querySelector('form')?.className).toContain('shared');
    await user.type(screen.getByLabelText('Comment'), 'we are on it');
    await user.click(screen.getByRole('button', { name: 'Add shared comment' }));
    expect(onSubmit).toHaveBeenLastCalledWith('we are on it', 'SHARED');
  });

  it('gives customers no choice: their comments are shared', async () => {
    const onSubmit = vi.fn<(body: string, v: Visibility) => Promise<boolean>>().mockResolvedValue(true);
    const user = userEvent.setup();
    render(<CommentComposer staff={false} busy={false} onSubmit={onSubmit} />);
    expect(screen.queryByText('Internal (staff only)')).toBeNull();
    await user.type(screen.getByLabelText('Comment'), 'thanks');
    await user.click(screen.getByRole('button', { name: 'Add shared comment' }));
    expect(onSubmit).toHaveBeenCalledWith('thanks', 'SHARED');
  });

  it('keeps the text when saving fails', async () => {
    const onSubmit = vi.fn<(body: string, v: Visibility) => Promise<boolean>>().mockResolvedValue(false);
    const user = userEvent.setup();
    render(<CommentComposer staff={false} busy={false} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Comment'), 'draft');
    await user.click(screen.getByRole('button', { name: 'Add shared comment' }));
    expect(screen.getByLabelText('Comment')).toHaveProperty('value', 'draft');
  });
});
