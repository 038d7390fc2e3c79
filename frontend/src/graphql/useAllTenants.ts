// Every tenant in the caller's scope, for pickers and for naming tenants by id. Provider
// installations have hundreds of tenants at most, so a few pages of the maximum size suffice.

import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { TenantsQuery } from '../tenants/documents';
import type { TenantFieldsFragment, TenantsQuery as TenantsResult } from '../gql/graphql';

const PAGE = 200;
const MAX_PAGES = 10;

export function useAllTenants(): { tenants: TenantFieldsFragment[]; loading: boolean } {
  const client = useClient();
  const [tenants, setTenants] = useState<TenantFieldsFragment[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all: TenantFieldsFragment[] = [];
      let after: string | null = null;
      for (let i = 0; i < MAX_PAGES; i += 1) {
        const result = await client.query(TenantsQuery, { first: PAGE, after }).toPromise();
        const page: TenantsResult['tenants'] | undefined = result.data?.tenants;
        if (page === undefined) break;
        all.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      if (!cancelled) {
        setTenants(all);
        setLoading(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);

  return { tenants, loading };
}
