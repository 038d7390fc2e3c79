// Attachments: download with the bearer token (saved as a Blob), and staff or customers upload
// a small file (read in the browser, sent base64).

import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../auth/SessionContext';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery, Visibility } from '../gql/graphql';
import { downloadWithToken } from '../lib/download';
import { AddAttachmentMutation } from './documents';
import type { CaseMutation } from './useCaseMutation';
import { VisibilityBadge } from './VisibilityBadge';

type Attachment = NonNullable<CaseQuery['case']>['attachments'][number];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  caseId: string;
  attachments: readonly Attachment[];
  staff: boolean;
  canUpload: boolean;
  mutation: CaseMutation;
}

export function AttachmentsPanel({ caseId, attachments, staff, canUpload, mutation }: Props) {
  const id = useId();
  const { fetch: authed } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState<Visibility>(staff ? 'INTERNAL' : 'SHARED');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (file === null) return;
    void (async () => {
      const contentBase64 = await toBase64(file);
      const ok = await mutation.run(AddAttachmentMutation, {
        caseId,
        filename: file.name,
        contentType: file.type === '' ? 'application/octet-stream' : file.type,
        contentBase64,
        visibility,
      });
      if (ok) {
        setFile(null);
        (e.target as HTMLFormElement).reset();
      }
    })();
  };
  return (
    <section aria-labelledby="attachments-title" className="panel">
      <h2 id="attachments-title">Attachments</h2>
      {attachments.length === 0 && <p className="muted">No attachments.</p>}
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="link"
              onClick={() => {
                setDownloadError(null);
                downloadWithToken(authed, a.url, a.filename).catch((err: unknown) => setDownloadError(String(err)));
              }}
            >
              {a.filename}
            </button>{' '}
            <span className="muted">
              {formatSize(a.size)} · <RelativeTime value={a.createdAt} />
            </span>{' '}
            {staff && <VisibilityBadge visibility={a.visibility} />}
          </li>
        ))}
      </ul>
      {downloadError !== null && (
        <p className="error-banner" role="alert">
          {downloadError}
        </p>
      )}
      {canUpload && (
        <form onSubmit={upload} className="row" aria-label="Upload an attachment">
          <div className="field">
            <label htmlFor={`${id}-file`}>File</label>
            <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          {staff && (
            <div className="field">
              <label htmlFor={`${id}-vis`}>Visibility</label>
              <select id={`${id}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
                <option value="INTERNAL">Internal</option>
                <option value="SHARED">Shared</option>
              </select>
            </div>
          )}
          <button type="submit" disabled={mutation.busy || file === null}>
            Upload
          </button>
        </form>
      )}
    </section>
  );
}
