// Ingest tokens of a tenant: the list, creating one (its secret shown once), revoking one.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CreatedTokenBox } from './CreatedTokenBox';
import { CreateIngestTokenMutation, IngestTokensQuery, RevokeIngestTokenMutation } from './documents';
import { TokenTable } from './TokenTable';

export interface CreatedToken {
  name: string;
  secret: string;
}

interface Props {
  tenantId: string;
  /** Told of a new token's secret, so the sending examples can use it. */
  onCreated?: (token: CreatedToken | null) => void;
}

export function TokensPanel({ tenantId, onCreated }: Props) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: IngestTokensQuery, variables: { tenantId } });
  const [createState, create] = useMutation(CreateIngestTokenMutation);
  const [revokeState, revoke] = useMutation(RevokeIngestTokenMutation);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, ['name']);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const showCreated = (token: CreatedToken | null) => {
    setCreated(token);
    onCreated?.(token);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ tenantId, name: name.trim() });
    if (result.error !== undefined || result.data === undefined) {
      setProblems(result.error === undefined ? [] : problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    showCreated({ name: result.data.createIngestToken.ingestToken.name, secret: result.data.createIngestToken.token });
    reload();
  };

  const onRevoke = async (id: string) => {
    const result = await revoke({ id });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    reload();
  };

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Ingest tokens</h2>
      <p className="hint">For HTTP senders (NDJSON, Splunk HEC, Elasticsearch bulk) and syslog senders that name their tenant.</p>
      {created !== null && <CreatedTokenBox name={created.name} secret={created.secret} onDismiss={() => showCreated(null)} />}
      <form className="row" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Token name"
          required
          value={name}
          error={byField.name}
          hint="Where it will be used, e.g. “web-01 rsyslog”."
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="align-field" disabled={createState.fetching || name.trim() === ''}>
          Create token
        </button>
      </form>
      <ErrorBanner problems={general} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading tokens…</p>
      ) : (
        <TokenTable tokens={data?.ingestTokens ?? []} busy={revokeState.fetching} onRevoke={(id) => void onRevoke(id)} />
      )}
    </section>
  );
}
