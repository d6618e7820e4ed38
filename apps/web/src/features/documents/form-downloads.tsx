import { ApiError, NetworkError } from '../../api/api-error.js';
import { FORM_FORMATS, type FormFormat } from '../../api/document-types.js';
import { useT } from '../../i18n/i18n.js';
import { DownloadStatus, useFileDownload } from '../../ui/file-download.js';
import { FORMS_MESSAGES } from './documents.messages.js';

/** One generated form: what it is called on screen, where the API draws it up, and a name if it sends none. */
export interface FormItem {
  key: string;
  name: string;
  path: string;
  /** Without the extension, which the format adds. */
  fallbackName: string;
  /** The name the buttons are read out with, where several lists of forms share a screen (a campaign's title added). */
  spokenName?: string;
  /** What to say when the server answers FORM_NOT_READY, if not the proposal's usual sentence. */
  notReady?: string;
}

/**
 * A button per form and format: Word (.docx) to edit, PDF to print. The file is fetched with the bearer
 * header and saved under the name the server gives in Content-Disposition.
 */
export function FormDownloads({ items, className }: { items: readonly FormItem[]; className?: string }) {
  const t = useT(FORMS_MESSAGES);
  const { outcome, download } = useFileDownload<{ key: string; format: FormFormat }>();
  const busy = outcome.status === 'busy';

  const fetchForm = (item: FormItem, format: FormFormat) =>
    download({ key: item.key, format }, item.path, { format }, `${item.fallbackName}.${format}`, (error) =>
      error instanceof NetworkError
        ? t.network
        : error instanceof ApiError && (error.code === 'FORM_NOT_READY' || error.status === 409)
          ? (item.notReady ?? t.notReady(item.name))
          : error instanceof ApiError && error.status === 403
            ? t.forbidden(item.name)
            : t.unexpected(item.name),
    );

  return (
    <div className={className ? `form-downloads ${className}` : 'form-downloads'}>
      <ul className="form-list">
        {items.map((item) => (
          <li key={item.key} data-form={item.key}>
            <span className="form-list__name">{item.name}</span>
            <span className="form-list__buttons">
              {FORM_FORMATS.map((format) => {
                const running = outcome.status === 'busy' && outcome.key === item.key && outcome.format === format;
                return (
                  <button
                    key={format}
                    type="button"
                    data-format={format}
                    aria-label={t.formAs(item.spokenName ?? item.name, format === 'docx' ? t.docx : t.pdf)}
                    title={format === 'docx' ? t.docxHint : t.pdfHint}
                    disabled={busy}
                    aria-busy={running || undefined}
                    onClick={() => void fetchForm(item, format)}
                  >
                    {format === 'docx' ? t.docx : t.pdf}
                  </button>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <DownloadStatus outcome={outcome} downloading={t.downloading} saved={t.saved} className="form-downloads__status" />
    </div>
  );
}
