// What one imported version of a pack did: rules added, removed and changed, and the files
// that were not stored, each with its reason.

import type { RulePacksQuery } from '../gql/graphql';
import { RuleIdList as IdList } from './RuleIdList';

export type PackVersion = RulePacksQuery['rulePacks'][number]['versions'][number];

export function PackVersionDetails({ version, id, nameOf = (s) => s }: { version: PackVersion; id: string; nameOf?: (source: string) => string }) {
  return (
    <div id={id} className="version-details" role="region" aria-label={`Version ${version.version} changes`}>
      <IdList label="Added" ids={version.added} />
      <IdList label="Removed" ids={version.removed} />
      <IdList label="Changed" ids={version.changed} />
      {version.rejected.length === 0 ? (
        <p className="muted">No files rejected.</p>
      ) : (
        <table>
          <caption>Rejected files ({version.rejected.length})</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {version.rejected.map((r) => (
              <tr key={r.source}>
                <td>
                  <code>{nameOf(r.source)}</code>
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
