import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MergeCase } from './merge';
import { MergeDialog } from './MergeDialog';

const target = { id: 'c3', number: 3, tenantId: 'acme' };
const cases: MergeCase[] = [
  { id: 'c3', number: 3, title: 'Shadow file read', status: 'INVESTIGATING', tenantId: 'acme', mergedInto: null },
  { id: 'c4', number: 4, title: 'Invoice email', status: 'NEW', tenantId: 'acme', mergedInto: null },
  { id: 'c2', number: 2, title: 'Encoded PowerShell', status: 'WAITING_ON_CUSTOMER', tenantId: 'acme', mergedInto: null },
  { id: 'c1', number: 1, title: 'SSH brute force', status: 'CLOSED', tenantId: 'acme', mergedInto: null },
  { id: 'c5', number: 5, title: 'Old duplicate', status: 'NEW', tenantId: 'acme', mergedInto: 'c2' },
  { id: 'g4', number: 4, title: 'Globex invoice email', status: 'NEW', tenantId: 'globex', mergedInto: null },
];

describe('MergeDialog', () => {
  it('lists only the other open, unmerged cases of the tenant', () => {
    render(<MergeDialog target={target} cases={cases} busy={false} problems={[]} onMerge={() => {}} onCancel={() => {}} />);
    const labels = screen.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent);
    expect(labels).toEqual(['#2 Encoded PowerShell', '#4 Invoice email']);
  });

  it('merges nothing until a case is ticked, then sends the ticked cases after saying what happens', async () => {
    const onMerge = vi.fn<(s: MergeCase[]) => void>();
    const user = userEvent.setup();
    render(<MergeDialog target={target} cases={cases} busy={false} problems={[]} onMerge={onMerge} onCancel={() => {}} />);
    const submit = screen.getByRole('button', { name: 'Merge' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByLabelText('#4 Invoice email'));
    expect(screen.getByText(/#4 Invoice email moves into #3/).textContent).toContain('closed as merged');
    await user.click(screen.getByLabelText('#2 Encoded PowerShell'));
    await user.click(screen.getByRole('button', { name: 'Merge 2 cases' }));
    expect(onMerge).toHaveBeenCalledTimes(1);
    expect(onMerge.mock.calls[0]![0].map((c) => c.id)).toEqual(['c2', 'c4']);
  });

  it('shows the API\'s complaint naming the case it is about', async () => {
    const user = userEvent.setup();
    const props = { target, cases, busy: false, onMerge: () => {}, onCancel: () => {} };
    const { rerender } = render(<MergeDialog {...props} problems={[]} />);
    await user.click(screen.getByLabelText('#4 Invoice email'));
    await user.click(screen.getByRole('button', { name: 'Merge 1 case' }));
    rerender(<MergeDialog {...props} problems={[{ code: 'INVALID_INPUT', field: 'sourceIds[0]', message: 'was already merged into another case' }]} />);
    expect(screen.getByRole('alert').textContent).toContain('#4 Invoice email: was already merged into another case');
  });

  it('says so when there is nothing to merge, and cancels on Escape', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(<MergeDialog target={target} cases={cases.slice(0, 1)} busy={false} problems={[]} onMerge={() => {}} onCancel={onCancel} />);
    expect(screen.getByText('This tenant has no other open case to merge.')).toBeDefined();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });
});
