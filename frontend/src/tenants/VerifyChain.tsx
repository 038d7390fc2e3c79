// "Verify chain": recomputes the tenant's audit hash chain on the server and says how many
// records verified, or where and why it broke.

import { useState } from 'react';
import { useClient } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import type { VerifyAuditChainQuery } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { VerifyAuditChainQuery as VerifyQuery } from '../sla/documents';

type Result = VerifyAuditChainQuery['verifyAuditChain'];

export function VerifyChain({ tenantId }: { tenantId: string }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const verify = () => {
    setBusy(true);
    setProblems([]);
    void client
      .query(VerifyQuery, { tenantId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        setBusy(false);
        if (r.error !== undefined) setProblems(problemsOf(r.error));
        else if (r.data !== undefined) setResult(r.data.verifyAuditChain);
      });
  };
  return (
    <div className="audit-verify">
      <button type="button" onClick={verify} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify chain'}
      </button>
      <ErrorBanner problems={problems} />
      <div aria-live="polite">
        {result !== null &&
          (result.ok ? (
            <p className="notice">
              Chain intact: {result.records} {result.records === 1 ? 'record' : 'records'} verified
              {result.unchained > 0 && ` (${result.unchained} older records predate the chain)`}.
            </p>
          ) : (
            <p className="error-banner">
              Chain broken at position {result.brokenAtSeq ?? '?'}
              {result.brokenRecordId !== null && result.brokenRecordId !== undefined && ` (record ${result.brokenRecordId})`}:{' '}
              {result.reason ?? 'unknown reason'}. {result.records} records verified before it.
            </p>
          ))}
      </div>
    </div>
  );
}
