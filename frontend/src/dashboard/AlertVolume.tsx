// Alerts raised per hour over the last 24 hours, as a uPlot bar chart on a time axis.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { BarChart } from '../components/charts/BarChart';
import { AlertVolumeQuery, HOURS } from './documents';

function hourBounds(now: number): string[] {
  const end = Math.ceil(now / 3_600_000) * 3_600_000;
  return Array.from({ length: HOURS + 1 }, (_, i) => new Date(end - (HOURS - i) * 3_600_000).toISOString());
}

export function AlertVolume({ tenantId }: { tenantId: string }) {
  const bounds = useMemo(() => hourBounds(Date.now()), []);
  const variables = useMemo(() => {
    const v: Record<string, string> = { tenantId };
    bounds.forEach((b, i) => (v[`t${i}`] = b));
    return v;
  }, [bounds, tenantId]);
  // The variables are built from HOURS, which the document was generated with.
  const [{ data, error }] = useQuery({ query: AlertVolumeQuery, variables: variables as never });
  if (error !== undefined) return <ErrorBanner problems={problemsOf(error)} />;
  if (data === undefined) return <p role="status">Loading alert volume…</p>;
  const counts = data as unknown as Record<string, { totalCount: number }>;
  const bars = bounds.slice(0, HOURS).map((b, i) => ({
    from: Date.parse(b),
    to: Date.parse(bounds[i + 1]!),
    label: new Date(b).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    value: counts[`h${i}`]?.totalCount ?? 0,
  }));
  const total = bars.reduce((n, b) => n + b.value, 0);
  return <BarChart title={`Alerts per hour, last 24 hours (${total} in all)`} bars={bars} />;
}
