// A pack's imported versions, newest first; each expands to what it changed.

import { Fragment, useState } from 'react';
import { RelativeTime } from '../components/RelativeTime';
import type { RulePacksQuery } from '../gql/graphql';
import { PackVersionDetails } from './PackVersionDetails';

type Pack = RulePacksQuery['rulePacks'][number];

export function PackVersions({ pack }: { pack: Pack }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <table className="versions">
      <caption>Versions of {pack.name}</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Imported</th>
          <th scope="col">Rules</th>
          <th scope="col">Added / removed / changed</th>
          <th scope="col">Rejected</th>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {pack.versions.map((v) => {
          const expanded = open === v.version;
          const detailId = `pack-${pack.id}-v${v.version}`;
          return (
            <Fragment key={v.version}>
              <tr>
                <td>{v.version}</td>
                <td>
                  <RelativeTime value={v.importedAt} />
                </td>
                <td>{v.ruleCount}</td>
                <td>
                  +{v.added.length} / −{v.removed.length} / ~{v.changed.length}
                </td>
                <td>{v.rejected.length}</td>
                <td>
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={detailId}
                    onClick={() => setOpen(expanded ? null : v.version)}
                  >
                    {expanded ? 'Hide' : 'Show'} changes<span className="visually-hidden"> of {pack.name} version {v.version}</span>
                  </button>
                </td>
              </tr>
              {expanded && (
                <tr className="detail-row">
                  <td colSpan={6}>
                    <PackVersionDetails version={v} id={detailId} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
