import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { AUDIT_MESSAGES } from './audit.messages.js';
import type { ExportFormat } from './audit-types.js';
import { saveBlob } from '../../ui/save-blob.js';
import { vietnamLocalToIso } from './vietnam-time.js';

type Outcome = { status: 'idle' } | { status: 'busy' } | { status: 'saved'; filename: string } | { status: 'failed'; error: unknown };

/** Downloads a range of the log with its hashes, the range typed in Vietnam's hours whatever the browser's zone. */
export function ExportForm() {
  const t = useT(AUDIT_MESSAGES);
  const api = useApi();
  const ids = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });

  const fromIso = from ? vietnamLocalToIso(from) : undefined;
  const toIso = to ? vietnamLocalToIso(to) : undefined;
  const fromProblem = fromIso === null ? t.badInstant : null;
  const toProblem = toIso === null ? t.badInstant : fromIso && toIso && toIso <= fromIso ? t.badRange : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fromProblem || toProblem) return;
    setOutcome({ status: 'busy' });
    try {
      const { blob, filename } = await api.download(
        '/api/audit/export',
        { from: fromIso ?? undefined, to: toIso ?? undefined, proposalId: proposalId.trim() || undefined, format },
        `audit-events.${format}`,
      );
      saveBlob(blob, filename);
      setOutcome({ status: 'saved', filename });
    } catch (error) {
      setOutcome({ status: 'failed', error });
    }
  };

  return (
    <form onSubmit={submit} className="export-form" noValidate>
      <div className="grid-2">
        <div>
          <label htmlFor={`${ids}-from`}>{t.exportFrom}</label>
          <input
            id={`${ids}-from`}
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={fromProblem ? true : undefined}
            aria-describedby={fromProblem ? `${ids}-from-problem` : undefined}
            data-testid="export-from"
          />
          {fromProblem && (
            <p id={`${ids}-from-problem`} className="field-problem">
              {fromProblem}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${ids}-to`}>{t.exportTo}</label>
          <input
            id={`${ids}-to`}
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={toProblem ? true : undefined}
            aria-describedby={toProblem ? `${ids}-to-problem` : undefined}
            data-testid="export-to"
          />
          {toProblem && (
            <p id={`${ids}-to-problem`} className="field-problem">
              {toProblem}
            </p>
          )}
        </div>
      </div>
      <label htmlFor={`${ids}-proposal`}>{t.exportProposal}</label>
      <input
        id={`${ids}-proposal`}
        type="text"
        value={proposalId}
        onChange={(e) => setProposalId(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        size={38}
        data-testid="export-proposal"
      />
      <fieldset>
        <legend>{t.exportFormat}</legend>
        <label className="inline">
          <input type="radio" name={`${ids}-format`} value="ndjson" checked={format === 'ndjson'} onChange={() => setFormat('ndjson')} />{' '}
          {t.formatNdjson}
        </label>
        <label className="inline">
          <input type="radio" name={`${ids}-format`} value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} />{' '}
          {t.formatCsv}
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={outcome.status === 'busy'} aria-busy={outcome.status === 'busy'} data-testid="export-download">
          {t.download}
        </button>
      </div>
      <p className="muted" data-testid="export-note">
        {t.exportLargeNote}
      </p>
      <div aria-live="polite">
        {outcome.status === 'busy' && <p className="muted">{t.downloading}</p>}
        {outcome.status === 'saved' && (
          <p className="notice-ok" data-testid="export-saved">
            {t.downloaded(outcome.filename)}
          </p>
        )}
      </div>
      {outcome.status === 'failed' && <ErrorView error={outcome.error} />}
    </form>
  );
}
