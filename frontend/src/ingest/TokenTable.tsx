// A tenant's ingest tokens: the public prefix, name, when created and last used, and whether
// revoked; live ones can be revoked after confirmation.

import { ConfirmButton } from '../components/ConfirmButton';
import { RelativeTime } from '../components/RelativeTime';
import type { IngestTokenFieldsFragment } from '../gql/graphql';

interface Props {
  tokens: readonly IngestTokenFieldsFragment[];
  busy: boolean;
  onRevoke: (id: string) => void;
}

export function TokenTable({ tokens, busy, onRevoke }: Props) {
  return (
    <table>
      <caption>Ingest tokens, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Prefix</th>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              No tokens yet.
            </td>
          </tr>
        )}
        {tokens.map((t) => (
          <tr key={t.id}>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{t.name}</td>
            <td>
              <RelativeTime value={t.createdAt} />
            </td>
            <td>
              <RelativeTime value={t.lastUsedAt} />
            </td>
            <td>
              {t.revokedAt === null || t.revokedAt === undefined ? (
                <span className="badge badge-active">active</span>
              ) : (
                <span className="badge badge-suspended">
                  revoked <RelativeTime value={t.revokedAt} />
                </span>
              )}
            </td>
            <td>
              {(t.revokedAt === null || t.revokedAt === undefined) && (
                <ConfirmButton
                  label={`Revoke ${t.name}`}
                  confirmLabel={`Confirm revoking ${t.name}`}
                  warning="Senders using it are refused from now on."
                  busy={busy}
                  onConfirm={() => onRevoke(t.id)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
