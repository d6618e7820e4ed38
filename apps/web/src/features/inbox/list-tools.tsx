import { ApiError, NetworkError } from '../../api/api-error.js';
import { useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { DownloadStatus, useFileDownload } from '../../ui/file-download.js';
import { exportQuery, printUrl, type InboxFilters } from './inbox-filters.js';
import { MESSAGES } from './inbox.messages.js';

/**
 * The list as the filters show it, to take away: as an Excel file (the API writes it, every page of it) and
 * as a print view (/print/proposals with the same query).
 */
export function ListTools({ filters, inbox }: { filters: InboxFilters; inbox: boolean }) {
  const t = useT(MESSAGES);
  const { outcome, download } = useFileDownload();

  const excel = () =>
    download({}, '/api/proposals', exportQuery(filters, { inbox }), 'danh-sach-ho-so.xlsx', (error) =>
      error instanceof NetworkError ? t.network : error instanceof ApiError && error.status === 403 ? t.excelForbidden : t.excelFailed,
    );

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
      <DownloadStatus outcome={outcome} downloading={t.downloading} saved={t.saved} />
    </div>
  );
}
