import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseStatus } from '../gql/graphql';
import { StatusControl } from './StatusControl';

describe('StatusControl', () => {
  it('offers only the allowed transitions', () => {
    render(<StatusControl allowed={['INVESTIGATING', 'CLOSED']} busy={false} problems={[]} onChange={() => {}} />);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Choose a status…', 'Investigating', 'Closed']);
  });

  it('requires a reason to wait on the customer, and sends it trimmed', async () => {
    const onChange = vi.fn<(s: CaseStatus, reason: string | null) => void>();
    const user = userEvent.setup();
    render(<StatusControl allowed={['WAITING_ON_CUSTOMER', 'RESOLVED']} busy={false} problems={[]} onChange={onChange} />);
    expect(screen.queryByLabelText(/Reason/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Move to'), 'WAITING_ON_CUSTOMER');
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/a reason is required/)).toBeDefined();
    expect(screen.getByLabelText(/Reason/).getAttribute('aria-invalid')).toBe('true');
    await user.type(screen.getByLabelText(/Reason/), '  need the firewall logs ');
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    expect(onChange).toHaveBeenCalledWith('WAITING_ON_CUSTOMER', 'need the firewall logs');
  });

  it('sends no reason for other statuses and shows the API error beside the control', async () => {
    const onChange = vi.fn<(s: CaseStatus, reason: string | null) => void>();
    const user = userEvent.setup();
    const { rerender } = render(<StatusControl allowed={['RESOLVED']} busy={false} problems={[]} onChange={onChange} />);
    await user.selectOptions(screen.getByLabelText('Move to'), 'RESOLVED');
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    expect(onChange).toHaveBeenCalledWith('RESOLVED', null);
    rerender(
      <StatusControl
        allowed={['RESOLVED']}
        busy={false}
        problems={[{ code: 'INVALID_INPUT', field: null, message: 'cannot move from NEW to RESOLVED' }]}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Status: cannot move from NEW to RESOLVED');
    expect(screen.getByLabelText('Move to').getAttribute('aria-invalid')).toBe('true');
  });

  it('is absent when the case can go nowhere', () => {
    const { container } = render(<StatusControl allowed={[]} busy={false} problems={[]} onChange={() => {}} />);
    expect(container.textContent).toBe('');
  });
});
