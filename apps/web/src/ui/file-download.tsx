import { useState } from 'react';
import type { RequestOptions } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { useApi } from '../session/session.js';
import { saveBlob } from './save-blob.js';

/** Where a download stands; `busy` carries what the caller needs to show which button is working. */
export type DownloadOutcome<Busy extends object = object> =
  | { status: 'idle' }
  | ({ status: 'busy' } & Busy)
  | { status: 'saved'; filename: string }
  | { status: 'failed'; message: string; code: string };

/**
 * A file fetched with the bearer header and saved under the name the server gives in Content-Disposition (the
 * fallback where it gives none). What a failure says is the caller's: each screen words its own refusals.
 */
export function useFileDownload<Busy extends object = object>() {
  const api = useApi();
  const [outcome, setOutcome] = useState<DownloadOutcome<Busy>>({ status: 'idle' });

  const download = async (
    busy: Busy,
    path: string,
    query: RequestOptions['query'],
    fallbackName: string,
    failure: (error: unknown) => string,
  ): Promise<void> => {
    setOutcome({ status: 'busy', ...busy });
    try {
      const { blob, filename } = await api.download(path, query, fallbackName);
      saveBlob(blob, filename);
      setOutcome({ status: 'saved', filename });
    } catch (error) {
      setOutcome({ status: 'failed', message: failure(error), code: error instanceof ApiError ? error.code : 'NETWORK' });
    }
  };

  return { outcome, download };
}

/** The line under download buttons: working, saved as …, or why not (read out as it changes). */
export function DownloadStatus({
  outcome,
  downloading,
  saved,
  className,
}: {
  outcome: DownloadOutcome<object>;
  downloading: string;
  saved: (filename: string) => string;
  className?: string;
}) {
  return (
    <>
      <div aria-live="polite" className={className}>
        {outcome.status === 'busy' && <p className="muted">{downloading}</p>}
        {outcome.status === 'saved' && <p className="notice-ok">{saved(outcome.filename)}</p>}
      </div>
      {outcome.status === 'failed' && (
        <p className="error" role="alert" data-code={outcome.code}>
          {outcome.message}
        </p>
      )}
    </>
  );
}
