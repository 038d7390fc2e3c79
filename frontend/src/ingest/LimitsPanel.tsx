// A tenant's ingest limits (provider admins): events per second, bytes per day, retention.
// Blank means the platform default.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { IngestLimitsQuery, SetIngestLimitsMutation } from './documents';
import { LIMIT_KEYS, limitsToTexts, parseLimits, type LimitKey, type LimitTexts, type LimitValues } from './limitsInput';

const LABELS: Record<LimitKey, string> = {
  eventsPerSecond: 'Events per second',
  bytesPerDay: 'Bytes per day',
  retentionDays: 'Retention (days)',
};

/** The form, started from the limits as loaded, so a late answer never overwrites an edit. */
function LimitsForm({ tenantId, initial }: { tenantId: string; initial: Partial<LimitValues> }) {
  const [{ fetching }, save] = useMutation(SetIngestLimitsMutation);
  const [texts, setTexts] = useState<LimitTexts>(() => limitsToTexts(initial));
  const [localErrors, setLocalErrors] = useState<Partial<Record<LimitKey, string>>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const { byField, general } = splitByField(problems, LIMIT_KEYS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseLimits(texts);
    if ('errors' in parsed) {
      setLocalErrors(parsed.errors);
      return;
    }
    setLocalErrors({});
    const result = await save({ tenantId, ...parsed.values });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    if (result.data !== undefined) {
      setTexts(limitsToTexts(result.data.setIngestLimits));
      setSaved(true);
    }
  };

  return (
    <form aria-labelledby="limits-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="row">
        {LIMIT_KEYS.map((key) => (
          <TextField
            key={key}
            label={LABELS[key]}
            inputMode="numeric"
            value={texts[key]}
            placeholder="platform default"
            error={localErrors[key] ?? byField[key]}
            onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
          />
        ))}
      </div>
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          Save limits
        </button>
        {saved && (
          <span role="status" className="muted">
            Limits saved.
          </span>
        )}
      </div>
    </form>
  );
}

export function LimitsPanel({ tenantId }: { tenantId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: IngestLimitsQuery, variables: { tenantId } });
  return (
    <section className="panel" aria-labelledby="limits-title">
      <h2 id="limits-title">Ingest limits</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined && <p role="status">Loading limits…</p>}
      {data !== undefined && <LimitsForm tenantId={tenantId} initial={data.ingestLimits} />}
    </section>
  );
}
