// The bar chart above the Hunt results: how the search's matches spread over its whole range,
// each bar's time in the viewer's zone on hover, and a click on a bar narrows the search to it.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { BarChart, type Bar } from '../components/charts/BarChart';
import type { EventFilter } from '../gql/graphql';
import { EventHistogramQuery } from './documents';
import { bucketDuration, bucketLabel, bucketRange, eventCount, HISTOGRAM_BUCKETS, type Histogram } from './histogram';

interface Props {
  tenantId: string;
  filter: EventFilter;
  /** Bucket `index` of `histogram` was clicked. */
  onSelect: (histogram: Histogram, index: number) => void;
}

export function HuntHistogram({ tenantId, filter, onSelect }: Props) {
  const [{ data, fetching }] = useQuery({
    query: EventHistogramQuery,
    variables: { tenantId, filter, buckets: HISTOGRAM_BUCKETS },
    requestPolicy: 'network-only',
  });
  const histogram = data?.events.histogram ?? null;
  const bars = useMemo((): Bar[] => {
    if (histogram === null) return [];
    return histogram.counts.map((value, i) => {
      const range = bucketRange(histogram, i);
      // A bucket past `to` covers nothing: no width, and a click on it searches nothing.
      const label = range === null ? `#${i + 1}` : bucketLabel(range);
      const [from, to] = range === null ? [Date.parse(histogram.to), Date.parse(histogram.to)] : [Date.parse(range.from), Date.parse(range.to)];
      return { from, to, label, value, hint: `${label}: ${eventCount(value)}` };
    });
  }, [histogram]);
  // A search the API refuses (a bad query) is explained by the results below; no chart then.
  if (histogram === null) {
    return fetching ? (
      <p className="hunt-histogram muted" role="status">
        Counting events over time…
      </p>
    ) : null;
  }
  const total = histogram.counts.reduce((n, c) => n + c, 0);
  return (
    <div className="hunt-histogram">
      <BarChart
        title={`Events over time (${eventCount(total)}, ${bucketDuration(histogram.bucketSeconds)} per bar)`}
        bars={bars}
        onSelect={(i) => onSelect(histogram, i)}
      />
    </div>
  );
}
