import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_HUNT_FILTERS, toLocalInput, type HuntFilters } from './filters';
import { HuntForm } from './HuntForm';

describe('HuntForm', () => {
  it('searches only when submitted, with every filter', async () => {
    const onSearch = vi.fn<(next: HuntFilters) => void>();
    const user = userEvent.setup();
    render(<HuntForm filters={DEFAULT_HUNT_FILTERS} queryError={undefined} onSearch={onSearch} />);
    await user.type(screen.getByLabelText('Query'), 'user.name:root');
    await user.type(screen.getByLabelText('Host'), 'srv-01');
    await user.selectOptions(screen.getByLabelText('Source'), 'syslog_tcp');
    await user.selectOptions(screen.getByLabelText('Time range'), '7d');
    expect(onSearch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({
      ...DEFAULT_HUNT_FILTERS,
      query: 'user.name:root',
      host: 'srv-01',
      source: 'syslog_tcp',
      range: '7d',
    });
  });

  it('offers from and to only for a custom range, as instants', async () => {
    const onSearch = vi.fn<(next: HuntFilters) => void>();
    const user = userEvent.setup();
    render(<HuntForm filters={DEFAULT_HUNT_FILTERS} queryError={undefined} onSearch={onSearch} />);
    expect(screen.queryByLabelText('From')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Time range'), 'custom');
    const from = '2026-11-21T08:15:00.000Z';
    // datetime-local takes the viewer's local time; typing it is what a person does.
    await user.type(screen.getByLabelText('From'), toLocalInput(from));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({ ...DEFAULT_HUNT_FILTERS, range: 'custom', from, to: '' });
  });

  it('shows the server\'s complaint beside the query box', () => {
    render(<HuntForm filters={{ ...DEFAULT_HUNT_FILTERS, query: '(a' }} queryError="unbalanced parenthesis" onSearch={() => {}} />);
    const box = screen.getByLabelText('Query');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Query: unbalanced parenthesis')).toBeDefined();
  });
});
