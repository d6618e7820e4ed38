import { useEffect, useId, useState } from 'react';
import type { DossierDocument } from '../../api/document-types.js';
import { DOCUMENT_MEDIA_TYPES } from '../../api/document-types.js';
import { COMMON } from '../../i18n/common.messages.js';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { saveBlob } from '../../ui/save-blob.js';
import { fileProblem, problemCode } from './document-problems.js';
import { DOCUMENTS_MESSAGES } from './documents.messages.js';

/** What the browser shows itself: PDFs in its viewer, JPEG and PNG as images; a Word file is only downloaded. */
export const canPreview = (mediaType: string) =>
  mediaType === DOCUMENT_MEDIA_TYPES.pdf || mediaType === DOCUMENT_MEDIA_TYPES.jpeg || mediaType === DOCUMENT_MEDIA_TYPES.png;

export const documentPath = (proposalId: string, documentId: string) =>
  `/api/proposals/${encodeURIComponent(proposalId)}/documents/${encodeURIComponent(documentId)}`;

type Loaded = { status: 'loading' } | { status: 'ready'; blob: Blob; url: string } | { status: 'failed'; message: string; code: string };

/**
 * A document shown in the browser: its bytes fetched with the bearer header (a URL alone cannot carry it)
 * and shown from an object URL, revoked when the dialog closes. The blob is typed with the media type the
 * server detected, never anything the browser would run as a page; the console's CSP lets frames and images
 * load `blob:` URLs for this (apps/api/src/web/web-console.ts).
 */
export function DocumentPreview({ proposalId, document, onClose }: { proposalId: string; document: DossierDocument; onClose(): void }) {
  const t = useT(DOCUMENTS_MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    api.download(documentPath(proposalId, document.id), { disposition: 'inline' }, document.fileName, controller.signal).then(
      ({ blob }) => {
        if (controller.signal.aborted) return;
        const typed = new Blob([blob], { type: document.mediaType });
        url = URL.createObjectURL(typed);
        setLoaded({ status: 'ready', blob: typed, url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'failed', message: fileProblem(error, t), code: problemCode(error) });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
    // One document per dialog: the parent mounts a new one (key) for another.
  }, []);

  const isPdf = document.mediaType === DOCUMENT_MEDIA_TYPES.pdf;
  return (
    <ModalDialog labelledBy={titleId} className="preview-dialog" onClose={onClose}>
      <h2 id={titleId}>{t.previewTitle(document.fileName)}</h2>
      <div className="preview-body" data-testid="preview-body">
        {loaded.status === 'loading' && <p aria-busy="true">{t.previewLoading}</p>}
        {loaded.status === 'failed' && (
          <p className="error" role="alert" data-code={loaded.code}>
            {loaded.message}
          </p>
        )}
        {loaded.status === 'ready' &&
          (isPdf ? (
            <iframe className="preview-frame" src={loaded.url} title={t.previewFrame(document.fileName)} data-testid="preview-pdf" />
          ) : (
            <img className="preview-image" src={loaded.url} alt={t.previewFrame(document.fileName)} data-testid="preview-image" />
          ))}
      </div>
      <div className="actions">
        <button type="button" disabled={loaded.status !== 'ready'} onClick={() => loaded.status === 'ready' && saveBlob(loaded.blob, document.fileName)}>
          {t.download}
        </button>
        <button type="button" className="primary" onClick={onClose} data-autofocus="">
          {common.close}
        </button>
      </div>
    </ModalDialog>
  );
}
