// Ingest tokens of a tenant: the list with each token's log-source tags, creating one (its secret
// shown once, optionally with tags), changing a token's tags, revoking one.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CreatedTokenBox } from './CreatedTokenBox';
import { CreateIngestTokenMutation, IngestTokensQuery, RevokeIngestTokenMutation } from './documents';
import { LogSourceFields } from './LogSourceFields';
import { EMPTY_LOG_SOURCE, hasLogSource, logSourceInput, type LogSourceDraft, type LogSourceErrors } from './logSource';
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
  const [logSource, setLogSource] = useState<LogSourceDraft>(EMPTY_LOG_SOURCE);
  const [tagErrors, setTagErrors] = useState<LogSourceErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, ['name', 'product', 'category', 'service']);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const showCreated = (token: CreatedToken | null) => {
    setCreated(token);
    onCreated?.(token);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const tags = logSourceInput(logSource);
    if ('errors' in tags) {
      setTagErrors(tags.errors);
      return;
    }
    setTagErrors({});
    const result = await create({ tenantId, name: name.trim(), logSource: hasLogSource(tags.input) ? tags.input : null });
    if (result.error !== undefined || result.data === undefined) {
      setProblems(result.error === undefined ? [] : problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    setLogSource(EMPTY_LOG_SOURCE);
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
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Create an ingest token">
        <TextField
          label="Token name"
          required
          value={name}
          error={byField.name}
          hint="Where it will be used, e.g. “web-01 rsyslog”."
          onChange={(e) => setName(e.target.value)}
        />
        <LogSourceFields
          legend="Log-source tags (optional)"
          value={logSource}
          errors={{ product: byField.product, category: byField.category, service: byField.service, ...tagErrors }}
          onChange={(key, value) => {
            setLogSource((d) => ({ ...d, [key]: value }));
            setTagErrors((e) => ({ ...e, [key]: undefined }));
          }}
        />
        <p className="hint">Set on every event the token sends, over what Garrison infers, so Sigma rules for that log source apply.</p>
        <button type="submit" disabled={createState.fetching || name.trim() === ''}>
          Create token
        </button>
      </form>
      <ErrorBanner problems={general} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading tokens…</p>
      ) : (
        <TokenTable tokens={data?.ingestTokens ?? []} busy={revokeState.fetching} onRevoke={(id) => void onRevoke(id)} onTagsChanged={reload} />
      )}
    </section>
  );
}
