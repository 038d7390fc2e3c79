// Relay connections page by page: `first`/`after`, appending each page to what is loaded, with
// the server's totalCount. Pages are fetched imperatively (not with useQuery) because the list
// is the concatenation of several results, which a single query hook cannot express.

import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError, type DocumentInput } from 'urql';

export interface ConnectionPage<TNode> {
  totalCount: number;
  edges: ReadonlyArray<{ node: TNode }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface PageVariables {
  first?: number | null;
  after?: string | null;
}

export interface Paginated<TNode> {
  nodes: TNode[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  error: CombinedError | null;
  loadMore: () => void;
  /** Starts again from the first page (after a mutation changed the list). */
  reload: () => void;
}

export function usePaginated<TData, TVars extends PageVariables, TNode>(
  document: DocumentInput<TData, TVars>,
  variables: Omit<TVars, 'first' | 'after'>,
  select: (data: TData) => ConnectionPage<TNode> | null | undefined,
  pageSize: number,
): Paginated<TNode> {
  const client = useClient();
  const [nodes, setNodes] = useState<TNode[]>([]);
  const [totalCount, setTotalCount] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CombinedError | null>(null);
  const [generation, setGeneration] = useState(0);
  // Each fetch remembers the generation it belongs to; answers from an older one are dropped.
  const current = useRef(0);
  const selectRef = useRef(select);
  selectRef.current = select;
  const variablesKey = JSON.stringify(variables);

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      setLoading(true);
      const vars = { ...JSON.parse(variablesKey), first: pageSize, after } as TVars;
      const result = await client.query(document, vars, { requestPolicy: 'network-only' }).toPromise();
      if (gen !== current.current) return;
      setLoading(false);
      if (result.error !== undefined) {
        setError(result.error);
        return;
      }
      const page = result.data === undefined ? null : selectRef.current(result.data);
      if (page === null || page === undefined) return;
      setError(null);
      setTotalCount(page.totalCount);
      setHasNextPage(page.pageInfo.hasNextPage);
      setCursor(page.pageInfo.endCursor ?? null);
      const fresh = page.edges.map((e) => e.node);
      setNodes((prev) => (after === null ? fresh : [...prev, ...fresh]));
    },
    [client, document, variablesKey, pageSize],
  );

  useEffect(() => {
    current.current += 1;
    const gen = current.current;
    setNodes([]);
    setTotalCount(null);
    void fetchPage(null, gen);
  }, [fetchPage, generation]);

  const loadMore = useCallback(() => {
    if (!loading && hasNextPage) void fetchPage(cursor, current.current);
  }, [loading, hasNextPage, cursor, fetchPage]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { nodes, totalCount, hasNextPage, loading, error, loadMore, reload };
}
