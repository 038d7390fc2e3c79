// Open cases by severity, each count linking to the filtered case list.

import { Link } from 'react-router';
import { useQuery } from 'urql';
import { SEVERITIES, SEVERITY_LABELS } from '../alerts/filters';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { OpenCaseSeveritiesQuery } from './documents';

export function OpenCasesBySeverity({ tenantId }: { tenantId: string }) {
  const [{ data, error }] = useQuery({ query: OpenCaseSeveritiesQuery, variables: { tenantId } });
  if (error !== undefined) return <ErrorBanner problems={problemsOf(error)} />;
  if (data === undefined) return <p role="status">Loading open cases…</p>;
  const nodes = data.cases.edges.map((e) => e.node);
  return (
    <section aria-labelledby="open-cases-title" className="panel">
      <h2 id="open-cases-title">Open cases ({data.cases.totalCount})</h2>
      <div className="cards">
        {[...SEVERITIES].reverse().map((s) => {
          const n = nodes.filter((c) => c.severity === s).length;
          return (
            <div key={s} className="card" role="group" aria-label={`${SEVERITY_LABELS[s]} open cases`}>
              <span className="muted">{SEVERITY_LABELS[s]}</span>
              <Link className="big" to={`/cases?severity=${s.toLowerCase()}`}>
                {n}
              </Link>
            </div>
          );
        })}
      </div>
    </section>
  );
}
