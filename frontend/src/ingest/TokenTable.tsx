// A tenant's ingest tokens: the public prefix, name, log-source tags, when created and last used,
// and whether revoked; live ones can have their tags changed in place, or be revoked after
// confirmation.

import { Fragment, useRef, useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { RelativeTime } from '../components/RelativeTime';
import type { IngestTokenFieldsFragment } from '../gql/graphql';
import { LogSourceTags } from './LogSourceTags';
import { TokenLogSourceEditor } from './TokenLogSourceEditor';

interface Props {
  tokens: readonly IngestTokenFieldsFragment[];
  busy: boolean;
  onRevoke: (id: string) => void;
  /** A token's tags were saved; the list should be reloaded. */
  onTagsChanged: () => void;
}

const COLUMNS = 7;

export function TokenTable({ tokens, busy, onRevoke, onTagsChanged }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const endEdit = (id: string, saved: boolean) => {
    setEditing(null);
    if (saved) onTagsChanged();
    editButtons.current.get(id)?.focus();
  };
  return (
    <table>
      <caption>Ingest tokens, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Prefix</th>
          <th scope="col">Name</th>
          <th scope="col">Log source</th>
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
            <td colSpan={COLUMNS} className="muted">
              No tokens yet.
            </td>
          </tr>
        )}
        {tokens.map((t) => {
          const live = t.revokedAt === null || t.revokedAt === undefined;
          return (
            <Fragment key={t.id}>
              <tr>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.name}</td>
                <td>
                  <LogSourceTags tags={t.logSource} />
                </td>
                <td>
                  <RelativeTime value={t.createdAt} />
                </td>
                <td>
                  <RelativeTime value={t.lastUsedAt} />
                </td>
                <td>
                  {live ? (
                    <span className="badge badge-active">active</span>
                  ) : (
                    <span className="badge badge-suspended">
                      revoked <RelativeTime value={t.revokedAt} />
                    </span>
                  )}
                </td>
                <td>
                  {live && (
                    <span className="actions">
                      <button
                        type="button"
                        ref={(el) => {
                          if (el === null) editButtons.current.delete(t.id);
                          else editButtons.current.set(t.id, el);
                        }}
                        aria-expanded={editing === t.id}
                        onClick={() => setEditing(editing === t.id ? null : t.id)}
                      >
                        <span aria-hidden="true">Change tags</span>
                        <span className="visually-hidden">Change tags of {t.name}</span>
                      </button>
                      <ConfirmButton
                        label={`Revoke ${t.name}`}
                        confirmLabel={`Confirm revoking ${t.name}`}
                        warning="Senders using it are refused from now on."
                        busy={busy}
                        onConfirm={() => onRevoke(t.id)}
                      />
                    </span>
                  )}
                </td>
              </tr>
              {editing === t.id && (
                <tr>
                  <td colSpan={COLUMNS}>
                    <TokenLogSourceEditor token={t} onDone={(saved) => endEdit(t.id, saved)} />
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
