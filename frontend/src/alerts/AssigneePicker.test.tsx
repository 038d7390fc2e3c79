import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AssigneePicker } from './AssigneePicker';

const USERS = [
  { id: 'ada', name: 'Ada Analyst' },
  { id: 'me', name: 'Provider admin' },
];

describe('AssigneePicker', () => {
  it('starts at the current assignee and sends the colleague picked', async () => {
    const onAssign = vi.fn(() => Promise.resolve(true));
    const user = userEvent.setup();
    render(<AssigneePicker label="Assign to" users={USERS} current="me" viewerId="me" busy={false} loading={false} onAssign={onAssign} />);
    const select = screen.getByLabelText('Assign to') as HTMLSelectElement;
    expect(select.value).toBe('me');
    expect([...select.options].map((o) => o.text)).toEqual(['Unassigned', 'Ada Analyst', 'Provider admin (you)']);
    const button = screen.getByRole('button', { name: 'Assign' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(select, 'Ada Analyst');
    await user.click(button);
    expect(onAssign).toHaveBeenCalledWith('ada');
  });

  it('sends null for Unassigned', async () => {
    const onAssign = vi.fn(() => Promise.resolve(true));
    const user = userEvent.setup();
    render(<AssigneePicker label="Assign to" users={USERS} current="ada" viewerId="me" busy={false} loading={false} onAssign={onAssign} />);
    await user.selectOptions(screen.getByLabelText('Assign to'), 'Unassigned');
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(onAssign).toHaveBeenCalledWith(null);
  });

  it('asks for a choice first in a bulk selection', async () => {
    const onAssign = vi.fn(() => Promise.resolve(true));
    const user = userEvent.setup();
    render(<AssigneePicker label="Assign selected to" users={USERS} viewerId="me" suffix=" selected" busy={false} loading={false} onAssign={onAssign} />);
    const select = screen.getByLabelText('Assign selected to') as HTMLSelectElement;
    expect(select.value).toBe('');
    const button = screen.getByRole('button', { name: 'Assign selected' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await user.selectOptions(select, 'Ada Analyst');
    expect(button.disabled).toBe(false);
  });

  it('keeps an assignee who is no longer listed as the current value', () => {
    render(<AssigneePicker label="Assign to" users={USERS} current="gone" viewerId="me" busy={false} loading={false} onAssign={() => Promise.resolve(true)} />);
    const select = screen.getByLabelText('Assign to') as HTMLSelectElement;
    expect(select.value).toBe('gone');
    expect(select.selectedOptions[0]?.text).toBe('Current assignee');
  });
});
