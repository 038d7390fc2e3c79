// "Download CSV": fetches the API's CSV with the session's token and saves it as a file; a
// failure is said beside the button.

import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { downloadWithToken } from '../lib/download';

export function DownloadCsvButton({ url, filename, className }: { url: string; filename: string; className?: string }) {
  const { fetch: authed } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={() => {
          setError(null);
          setBusy(true);
          downloadWithToken(authed, url, filename)
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        Download CSV
      </button>
      {error !== null && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
