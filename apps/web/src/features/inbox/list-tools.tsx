import { useState } from 'react';
import { ApiError, NetworkError } from '../../api/api-error.js';
import { useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { saveBlob } from '../../ui/save-blob.js';
import { exportQuery, printUrl, type InboxFilters } from './inbox-filters.js';
import { MESSAGES } from './inbox.messages.js';

type Outcome = { status: 'idle' } | { status: 'busy' } | { status: 'saved'; filename: string } | { status: 'failed'; message: string; code: string };

/**
 * The list as the filters show it, to take away: as an Excel file (the API writes it, every page of it) and
 * as a print view (/print/proposals with the same query).
 */
export function ListTools({ filters, inbox }: { filters: InboxFilters; inbox: boolean }) {
  const t = useT(MESSAGES);
  const api = useApi();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });

  const excel = async () => {
    setOutcome({ status: 'busy' });
    try {
      const { blob, filename } = await api.download('/api/proposals', exportQuery(filters, { inbox }), 'danh-sach-ho-so.xlsx');
      saveBlob(blob, filename);
      setOutcome({ status: 'saved', filename });
    } catch (error) {
      const message = error instanceof NetworkError ? t.network : error instanceof ApiError && error.status === 403 ? t.excelForbidden : t.excelFailed;
      setOutcome({ status: 'failed', message, code: error instanceof ApiError ? error.code : 'NETWORK' });
    }
  };

  return (
    <div className="list-tools" role="group" aria-label={t.listTools}>
      <div className="actions">
        <button type="button" onClick={() => void excel()} disabled={outcome.status === 'busy'} aria-busy={outcome.status === 'busy' || undefined} title={t.excelHint} data-testid="list-excel">
          {t.excel}
        </button>
        <Link to={printUrl(filters, !inbox)} className="button-link" title={t.printHint} data-testid="list-print">
          {t.print}
        </Link>
      </div>
      <div aria-live="polite">
        {outcome.status === 'busy' && <p className="muted">{t.downloading}</p>}
        {outcome.status === 'saved' && <p className="notice-ok">{t.saved(outcome.filename)}</p>}
      </div>
      {outcome.status === 'failed' && (
        <p className="error" role="alert" data-code={outcome.code}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}
