import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { TenantsQuery } from '../tenants/documents';
import { usePaginated } from './usePaginated';

type Vars = { first?: number | null; after?: string | null };

/** A client whose `query` serves pages of `total` numbered tenants, recording the variables. */
function pagedClient(total: number) {
  const calls: Vars[] = [];
  const query = vi.fn((_doc: unknown, vars: Vars) => {
    calls.push(vars);
    const start = vars.after === null || vars.after === undefined ? 0 : Number(vars.after);
    const size = vars.first ?? 50;
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const data = {
      tenants: {
        totalCount: total,
        edges: ids.map((i) => ({ cursor: String(i + 1), node: { id: `t${i}` } })),
        pageInfo: { hasNextPage: start + ids.length < total, endCursor: ids.length === 0 ? null : String(start + ids.length) },
      },
    };
    return { toPromise: async () => ({ data, error: undefined }) };
  });
  return { client: { query } as unknown as Client, calls };
}

function setup(total: number, pageSize: number) {
  const { client, calls } = pagedClient(total);
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  const hook = renderHook(() => usePaginated(TenantsQuery, {}, (d) => d.tenants, pageSize), { wrapper });
  return { ...hook, calls };
}

describe('usePaginated', () => {
  it('loads the first page with `first` and no cursor, and reports the total', async () => {
    const { result, calls } = setup(5, 2);
    await waitFor(() => expect(result.current.totalCount).toBe(5));
    expect(calls[0]).toEqual({ first: 2, after: null });
    expect(result.current.nodes.map((n) => n.id)).toEqual(['t0', 't1']);
    expect(result.current.hasNextPage).toBe(true);
  });

  it('appends the next page after the last cursor until there is none', async () => {
    const { result, calls } = setup(5, 2);
    await waitFor(() => expect(result.current.nodes).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.nodes).toHaveLength(4));
    expect(calls[1]).toEqual({ first: 2, after: '2' });
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.nodes).toHaveLength(5));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.nodes.map((n) => n.id)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('starts over from the first page on reload', async () => {
    const { result, calls } = setup(5, 2);
    await waitFor(() => expect(result.current.nodes).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.nodes).toHaveLength(4));
    act(() => result.current.reload());
    await waitFor(() => expect(calls).toHaveLength(3));
    await waitFor(() => expect(result.current.nodes).toHaveLength(2));
    expect(calls[2]).toEqual({ first: 2, after: null });
  });
});
