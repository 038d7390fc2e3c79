// Whether a tenant's account report is shared with its customer admins, read for a customer admin
// only (`billingAccount.customerReports`, which they may read for their own tenant). Staff never
// ask: they read every report in scope whatever the flag says.

import { useQuery } from 'urql';
import { mayReadSharedAccountReport } from '../auth/permissions';
import type { Role } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { CustomerReportsQuery } from './documents';

export interface ReportSharing {
  /** The flag; undefined while loading, for staff, or when it could not be read. */
  shared: boolean | undefined;
  loading: boolean;
  problems: Problem[];
}

export function useReportShared(role: Role, tenantId: string): ReportSharing {
  const asks = mayReadSharedAccountReport(role);
  const [{ data, error, fetching }] = useQuery({
    query: CustomerReportsQuery,
    variables: { tenantId },
    pause: !asks,
    // The provider may switch it at any time: check again whenever a page asks.
    requestPolicy: 'cache-and-network',
  });
  if (!asks) return { shared: undefined, loading: false, problems: [] };
  return {
    shared: data?.billingAccount.customerReports,
    loading: fetching && data === undefined,
    problems: error === undefined ? [] : problemsOf(error),
  };
}
