import { forwardRef, useId, useImperativeHandle, useRef, useState } from 'react';
import type { DocumentKind, Dossier, DossierDocument } from '../../api/document-types.js';
import { COMMON, DOCUMENT_KIND_NAMES } from '../../i18n/common.messages.js';
import { formatDateTime, formatFileSize, useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { DOSSIER_ANCHOR } from '../../ui/dossier-jump.js';
import { ErrorView } from '../../ui/error-view.js';
import { ModalDialog } from '../../ui/modal-dialog.js';
import { saveBlob } from '../../ui/save-blob.js';
import { canPreview, DocumentPreview, documentPath } from './document-preview.js';
import { fileProblem, problemCode, removeProblem, staleAfter } from './document-problems.js';
import { DOCUMENTS_MESSAGES } from './documents.messages.js';
import { UploadZone, type UploadZoneHandle } from './upload-zone.js';

export interface DossierSectionHandle {
  /** Brings the section into view, ready to attach a document of that kind. */
  attach(kind: DocumentKind): void;
}

export interface DossierSectionProps {
  proposalId: string;
  dossier: Dossier;
  /** The documents now in the dossier, loaded by the page with the proposal and its log. */
  documents: DossierDocument[] | undefined;
  documentsError: unknown;
  loading: boolean;
  /** After an upload or a removal: the page loads the proposal (its version moved), its log and the documents. */
  onChanged(): void;
  /** Loads the documents again after they could not be read. */
  onRetry(): void;
}

type Notice = { tone: 'ok' | 'error'; text: string; code?: string } | null;

/**
 * The Hồ sơ section of a proposal: the documents of the dossier (what each is, its file, size, who attached
 * it and when), each viewable in the browser (PDF, images) and downloadable, removable while the server says
 * so (`dossier.canRemove`); below, the upload zone for the kinds the caller may attach now.
 */
export const DossierSection = forwardRef<DossierSectionHandle, DossierSectionProps>(function DossierSection(
  { proposalId, dossier, documents, documentsError, loading, onChanged, onRetry },
  ref,
) {
  const t = useT(DOCUMENTS_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const titleId = useId();
  const confirmId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const zoneRef = useRef<UploadZoneHandle>(null);
  const [preview, setPreview] = useState<DossierDocument | null>(null);
  const [removing, setRemoving] = useState<{ document: DossierDocument; busy: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [fetching, setFetching] = useState<string | null>(null);

  const preferred =
    dossier.required.find((requirement) => !requirement.present && dossier.uploadableKinds.includes(requirement.documentKind))?.documentKind ?? null;

  useImperativeHandle(ref, () => ({
    attach(kind: DocumentKind) {
      sectionRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
      if (dossier.uploadableKinds.length > 0) zoneRef.current?.prepare(kind);
      else headingRef.current?.focus();
    },
  }));

  const kindName = (kind: DocumentKind) => DOCUMENT_KIND_NAMES[lang][kind] ?? kind;

  const download = async (document: DossierDocument) => {
    setNotice(null);
    setFetching(document.id);
    try {
      const { blob, filename } = await api.download(documentPath(proposalId, document.id), undefined, document.fileName);
      saveBlob(blob, filename);
    } catch (error) {
      setNotice({ tone: 'error', text: fileProblem(error, t), code: problemCode(error) });
      if (staleAfter(error)) onChanged();
    } finally {
      setFetching(null);
    }
  };

  const remove = async () => {
    if (!removing || removing.busy) return;
    const { document } = removing;
    setRemoving({ document, busy: true });
    try {
      await api.request(documentPath(proposalId, document.id), { method: 'DELETE' });
      setNotice(null);
      setStatus(t.removed(document.fileName));
      onChanged();
    } catch (error) {
      setNotice({ tone: 'error', text: removeProblem(error, t), code: problemCode(error) });
      if (staleAfter(error)) onChanged();
    } finally {
      setRemoving(null);
      headingRef.current?.focus();
    }
  };

  return (
    <section className="card dossier" id={DOSSIER_ANCHOR} ref={sectionRef} aria-labelledby={titleId} aria-busy={loading || undefined} data-testid="dossier">
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      <div role="status" className="action-status">
        {status && <p className="notice-ok">{status}</p>}
      </div>
      {notice && (
        <p className="error" role="alert" data-code={notice.code}>
          {notice.text}
        </p>
      )}

      {!documents ? (
        documentsError ? (
          <ErrorView error={documentsError} onRetry={onRetry} />
        ) : (
          <p aria-busy="true">{common.loading}</p>
        )
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="dossier-empty">
          {t.empty}
        </p>
      ) : (
        <table className="responsive dossier-table" aria-label={t.table}>
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.file}</th>
              <th scope="col">{t.size}</th>
              <th scope="col">{t.uploadedBy}</th>
              <th scope="col">{t.uploadedAt}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id} data-document-id={document.id} data-kind={document.kind}>
                <td data-label={t.kind}>{kindName(document.kind)}</td>
                <td data-label={t.file} className="dossier-table__file">
                  {document.fileName}
                </td>
                <td data-label={t.size} className="dossier-table__size">
                  {formatFileSize(document.size, lang)}
                </td>
                <td data-label={t.uploadedBy}>{personName(document.uploadedBy)}</td>
                <td data-label={t.uploadedAt}>
                  <time dateTime={document.uploadedAt}>{formatDateTime(document.uploadedAt)}</time>
                </td>
                <td data-label={t.actions}>
                  <span className="dossier-table__actions">
                    {canPreview(document.mediaType) && (
                      <button type="button" aria-label={t.previewOf(document.fileName)} aria-haspopup="dialog" onClick={() => setPreview(document)} data-action="preview">
                        {t.preview}
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={t.downloadOf(document.fileName)}
                      disabled={fetching === document.id}
                      aria-busy={fetching === document.id || undefined}
                      onClick={() => void download(document)}
                      data-action="download"
                    >
                      {t.download}
                    </button>
                    {dossier.canRemove && (
                      <button
                        type="button"
                        aria-label={t.removeOf(document.fileName)}
                        aria-haspopup="dialog"
                        onClick={() => {
                          setStatus('');
                          setRemoving({ document, busy: false });
                        }}
                        data-action="remove"
                      >
                        {t.remove}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <UploadZone
        ref={zoneRef}
        proposalId={proposalId}
        kinds={dossier.uploadableKinds}
        preferred={preferred}
        onChanged={onChanged}
        announce={(text) => {
          setNotice(null);
          setStatus(text);
        }}
      />

      {preview && <DocumentPreview key={preview.id} proposalId={proposalId} document={preview} onClose={() => setPreview(null)} />}
      {removing && (
        <ModalDialog labelledBy={`${confirmId}-title`} describedBy={`${confirmId}-text`} className="confirm-dialog" onClose={() => !removing.busy && setRemoving(null)}>
          <h2 id={`${confirmId}-title`}>{t.confirmTitle}</h2>
          <p id={`${confirmId}-text`}>{t.confirmText(removing.document.fileName, kindName(removing.document.kind))}</p>
          <div className="actions">
            <button type="button" className="primary" data-testid="confirm-remove" aria-disabled={removing.busy || undefined} onClick={() => void remove()}>
              {removing.busy ? t.removing : t.confirmRemove}
            </button>
            <button type="button" data-autofocus="" aria-disabled={removing.busy || undefined} onClick={() => !removing.busy && setRemoving(null)}>
              {common.cancel}
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
});

/** A token without a name carries only its ID (the server then uses it as the name): that is no name to show. */
const personName = (person: { id: string; name: string | null }) => (person.name && person.name !== person.id ? person.name : '—');
