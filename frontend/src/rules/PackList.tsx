// Every rule pack with its current version, size, and the history of its versions.

import { RelativeTime } from '../components/RelativeTime';
import type { RulePacksQuery } from '../gql/graphql';
import { PackVersions } from './PackVersions';

export function PackList({ packs }: { packs: RulePacksQuery['rulePacks'] }) {
  if (packs.length === 0) return <p className="muted">No rule packs yet: import one above.</p>;
  return (
    <>
      {packs.map((p) => (
        <section key={p.id} className="panel" aria-labelledby={`pack-${p.id}`}>
          <h3 id={`pack-${p.id}`}>
            {p.name} <span className="muted">version {p.version}</span>
          </h3>
          <p className="muted">
            {p.ruleCount} rules · updated <RelativeTime value={p.updatedAt} />
          </p>
          <PackVersions pack={p} />
        </section>
      ))}
    </>
  );
}
