import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type DragEvent } from 'react';
import { DOCUMENT_ACCEPT, type DocumentKind, type DossierDocument } from '../../api/document-types.js';
import { DOCUMENT_KIND_NAMES } from '../../i18n/common.messages.js';
import { formatFileSize, useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { problemCode, staleAfter, uploadProblem } from './document-problems.js';
import { DOCUMENTS_MESSAGES } from './documents.messages.js';

interface Upload {
  id: number;
  file: File;
  kind: DocumentKind;
  loaded: number;
  total: number;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  message?: string;
  code?: string;
}

export interface UploadZoneHandle {
  /** Selects a kind (when it may be attached) and moves the keyboard focus to the kind selector. */
  prepare(kind: DocumentKind): void;
}

export interface UploadZoneProps {
  proposalId: string;
  /** `dossier.uploadableKinds`: the only kinds offered. */
  kinds: readonly DocumentKind[];
  /** Selected at first: the first kind still missing for a next step, if it may be attached. */
  preferred: DocumentKind | null;
  /** After each file the server took (or a refusal that means the page is stale): load the proposal again. */
  onChanged(): void;
  /** A sentence for the section's live region. */
  announce(text: string): void;
}

/**
 * Where files are attached: a kind selector, a drop zone with a file picker, and a line per file with its
 * progress (XMLHttpRequest reports it; fetch does not). Files go one at a time, in the order chosen, so that
 * each lands in the proposal's log in that order; each can be cancelled while it waits or is being sent.
 */
export const UploadZone = forwardRef<UploadZoneHandle, UploadZoneProps>(function UploadZone({ proposalId, kinds, preferred, onChanged, announce }, ref) {
  const t = useT(DOCUMENTS_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const ids = useId();
  const [chosen, setChosen] = useState<DocumentKind | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const waiting = useRef<Upload[]>([]);
  const running = useRef(false);
  const controllers = useRef(new Map<number, AbortController>());
  const mounted = useRef(true);
  // Read when a file's turn comes, not when it was chosen: the page may have reloaded in between.
  const latest = useRef({ onChanged, announce, lang, t });
  latest.current = { onChanged, announce, lang, t };

  const kind = chosen && kinds.includes(chosen) ? chosen : preferred && kinds.includes(preferred) ? preferred : (kinds[0] ?? null);

  useImperativeHandle(ref, () => ({
    prepare(wanted: DocumentKind) {
      if (kinds.includes(wanted)) setChosen(wanted);
      selectRef.current?.focus();
    },
  }));

  useEffect(() => {
    mounted.current = true;
    const open = controllers.current;
    // A file dropped beside the zone would make the browser open it in place of the console.
    const keepPage = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keepPage);
    window.addEventListener('drop', keepPage);
    return () => {
      mounted.current = false;
      window.removeEventListener('dragover', keepPage);
      window.removeEventListener('drop', keepPage);
      for (const controller of open.values()) controller.abort();
      waiting.current = [];
    };
  }, []);

  const update = (id: number, patch: Partial<Upload>) => {
    if (mounted.current) setUploads((list) => list.map((upload) => (upload.id === id ? { ...upload, ...patch } : upload)));
  };

  const send = async (upload: Upload) => {
    const controller = new AbortController();
    controllers.current.set(upload.id, controller);
    update(upload.id, { state: 'sending' });
    try {
      await api.upload<DossierDocument>(
        `/api/proposals/${encodeURIComponent(proposalId)}/documents`,
        // `kind` first: the API decides on it before it reads the file.
        [
          ['kind', upload.kind],
          ['file', upload.file],
        ],
        { query: { kind: upload.kind }, signal: controller.signal, onProgress: (loaded, total) => update(upload.id, { loaded, total }) },
      );
      const { t: now, lang: language } = latest.current;
      update(upload.id, { state: 'done', loaded: upload.total, message: undefined });
      latest.current.announce(now.attached(upload.file.name, DOCUMENT_KIND_NAMES[language][upload.kind]));
      latest.current.onChanged();
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') {
        if (mounted.current) setUploads((list) => list.filter((item) => item.id !== upload.id));
        latest.current.announce(latest.current.t.cancelled);
        return;
      }
      const { t: now, lang: language } = latest.current;
      update(upload.id, { state: 'failed', message: uploadProblem(error, upload.file, now, language), code: problemCode(error) });
      if (staleAfter(error)) latest.current.onChanged();
    } finally {
      controllers.current.delete(upload.id);
    }
  };

  const pump = async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = waiting.current.shift(); next && mounted.current; next = waiting.current.shift()) await send(next);
    } finally {
      running.current = false;
    }
  };

  const add = (files: FileList | readonly File[] | null) => {
    if (!files || files.length === 0 || !kind) return;
    const added = [...files].map<Upload>((file) => ({ id: nextId.current++, file, kind, loaded: 0, total: file.size, state: 'waiting' }));
    waiting.current.push(...added);
    // A new batch clears the lines of files already attached; refusals stay until dismissed.
    setUploads((list) => [...list.filter((upload) => upload.state !== 'done'), ...added]);
    void pump();
  };

  const cancel = (upload: Upload) => {
    if (upload.state === 'waiting') {
      waiting.current = waiting.current.filter((item) => item.id !== upload.id);
      setUploads((list) => list.filter((item) => item.id !== upload.id));
      announce(t.cancelled);
    } else controllers.current.get(upload.id)?.abort();
  };

  const onDrag = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const list = uploads.length > 0 && (
    <ul className="upload-list" aria-label={t.uploads}>
      {uploads.map((upload) => {
        const total = upload.total || upload.file.size || 1;
        const percent = Math.min(100, Math.round((upload.loaded / total) * 100));
        return (
          <li key={upload.id} className={`upload upload--${upload.state}`} data-state={upload.state} data-file={upload.file.name} data-code={upload.code}>
            <p className="upload__head">
              <strong>{upload.file.name}</strong>{' '}
              <span className="muted">
                {DOCUMENT_KIND_NAMES[lang][upload.kind]} · {formatFileSize(upload.file.size, lang)}
              </span>
            </p>
            {(upload.state === 'waiting' || upload.state === 'sending' || upload.state === 'done') && (
              <p className="upload__progress">
                <progress
                  max={total}
                  value={upload.state === 'done' ? total : upload.loaded}
                  aria-label={t.progress(upload.file.name)}
                  aria-valuetext={upload.state === 'done' ? t.done : `${percent}%`}
                />{' '}
                <span aria-hidden="true">{upload.state === 'waiting' ? t.waiting : upload.state === 'done' ? t.done : t.sending(percent)}</span>
              </p>
            )}
            {upload.state === 'failed' && (
              <p className="error" role="alert">
                {upload.message}
              </p>
            )}
            {(upload.state === 'waiting' || upload.state === 'sending') && (
              <button type="button" onClick={() => cancel(upload)}>
                {t.cancel}
              </button>
            )}
            {upload.state === 'failed' && (
              <button type="button" onClick={() => setUploads((current) => current.filter((item) => item.id !== upload.id))}>
                {t.dismiss}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );

  // The lines of files already sent stay in view if the stage moved on and the zone went away meanwhile.
  if (kinds.length === 0 || !kind) {
    return (
      <>
        <p className="muted">{t.cannotAttach}</p>
        {list}
      </>
    );
  }

  return (
    <div className="upload-zone">
      <h3>{t.attach}</h3>
      <label htmlFor={`${ids}-kind`}>{t.kindToAttach}</label>
      <select id={`${ids}-kind`} ref={selectRef} value={kind} onChange={(event) => setChosen(event.currentTarget.value as DocumentKind)} data-testid="upload-kind">
        {kinds.map((option) => (
          <option key={option} value={option}>
            {DOCUMENT_KIND_NAMES[lang][option] ?? option}
          </option>
        ))}
      </select>
      <div
        className={dragging ? 'drop-zone drop-zone--over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          add(event.dataTransfer.files);
        }}
      >
        <p>
          {t.drop}{' '}
          <button type="button" onClick={() => inputRef.current?.click()} aria-describedby={`${ids}-accepted`}>
            {t.choose}
          </button>
        </p>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={DOCUMENT_ACCEPT}
          hidden
          tabIndex={-1}
          data-testid="upload-input"
          onChange={(event) => {
            add(event.currentTarget.files ? [...event.currentTarget.files] : null);
            // The same file may be chosen again after a refusal.
            event.currentTarget.value = '';
          }}
        />
        <p id={`${ids}-accepted`} className="hint">
          {t.accepted}
        </p>
      </div>
      {list}
    </div>
  );
});
