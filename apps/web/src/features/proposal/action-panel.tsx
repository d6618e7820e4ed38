import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ProposalEventType } from '#workflows/proposal';
import { ApiError } from '../../api/api-error.js';
import type { ProposalView } from '../../api/api-types.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { actionLabel } from './action-names.messages.js';
import { ACTION_PANEL_MESSAGES } from './action-panel.messages.js';
import { EventDialog } from './event-dialog.js';
import type { LateOutlook } from './late-outlook.js';
import { LateConfirm } from './late-warning.js';

// Events that move the proposal on get the prominent button; those that stop or send it back do not.
const ONWARD: readonly ProposalEventType[] = ['SUBMIT', 'FORWARD', 'RECOMMEND', 'AGREE', 'APPROVE', 'AWARD_AT_UNIT', 'SUPPLEMENT'];
// The buttons in the order an official weighs them, whatever order the server lists them in: onward first,
// then asking for more, sending back, refusing, withdrawing.
const ORDER: readonly ProposalEventType[] = [...ONWARD, 'REQUEST_SUPPLEMENT', 'RETURN', 'REJECT', 'WITHDRAW'];
const rank = (type: ProposalEventType) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);

export interface ActionPanelProps {
  proposal: Pick<ProposalView, 'id' | 'allowedEvents' | 'nominee' | 'state' | 'awardForm' | 'lastReason'>;
  /** The version this screen shows: the event is refused (409 VERSION_CONFLICT) if the proposal has moved since. */
  version: number;
  /** Called after anything that may have changed the proposal: the screen loads it again. */
  onChanged(): void;
  /** Shown above the buttons: what the next steps still need (the documents missing from the dossier). */
  notice?: ReactNode;
  /** The deadline as it stands: the dialog of the step that meets a passed one says it will be recorded late. */
  outlook?: LateOutlook | null;
  /** Who sent a returned proposal back, and when (from the log), shown with the reason. */
  returnedBy?: ReactNode;
}

/**
 * The buttons of what the signed-in person may do now (the server's `allowedEvents`), each named as the office
 * of that stage names the act (action-names.messages.ts) and asking for what its event needs, and the answer: a
 * short confirmation, the conflict explained when someone else was first, or the refusal in plain words with
 * every rule it cites. Editing is its own page (`/proposals/:id/edit`), reached from "Sửa hồ sơ" while drafting;
 * a proposal sent back says so, with the reason, above it.
 */
export function ActionPanel({ proposal, version, onChanged, notice, outlook = null, returnedBy }: ActionPanelProps) {
  const api = useApi();
  const t = useT(ACTION_PANEL_MESSAGES);
  const { lang } = useLang();
  const titleId = useId();
  const [open, setOpen] = useState<ProposalEventType | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState('');
  /** The version an action was sent from: its buttons stay disabled until the reload brings a newer one. */
  const [actedOn, setActedOn] = useState<number | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the keyboard focus goes once the dialog has closed: back to its button when cancelled, else to the
  // panel's heading, since a sent event usually takes its button away.
  const focusAfterClose = useRef<'trigger' | 'heading' | null>(null);
  const events = proposal.allowedEvents.filter((type) => type !== 'UPDATE').sort((a, b) => rank(a) - rank(b));
  const drafting = proposal.state === 'drafting';
  const canEdit = drafting && proposal.allowedEvents.includes('UPDATE');
  const returned = drafting && !!proposal.lastReason;
  const label = (type: ProposalEventType) => actionLabel(lang, proposal.state, type, proposal.awardForm);

  useEffect(() => {
    if (open !== null || !focusAfterClose.current) return;
    const target = focusAfterClose.current === 'trigger' && trigger.current?.isConnected ? trigger.current : heading.current;
    focusAfterClose.current = null;
    target?.focus();
  }, [open]);

  const start = (type: ProposalEventType, button: HTMLButtonElement) => {
    trigger.current = button;
    setDialogError(null);
    setError(null);
    setConflict(false);
    setStatus('');
    setOpen(type);
  };

  const close = (focus: 'trigger' | 'heading') => {
    focusAfterClose.current = focus;
    setDialogError(null);
    setOpen(null);
  };

  const send = async (type: ProposalEventType, body: Record<string, unknown>) => {
    setBusy(true);
    // Until the page has the new version, the buttons are the old stage's: a quick second click would be
    // refused as a conflict with the user's own first one.
    setActedOn(version);
    setDialogError(null);
    try {
      await api.request(`/api/proposals/${encodeURIComponent(proposal.id)}/events`, { method: 'POST', body, ifMatch: version });
      setStatus(t.sent(label(type)));
      close('heading');
      onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.isConflict) {
        setConflict(true);
        close('heading');
        onChanged();
      } else if (caught instanceof ApiError && caught.status !== 400) {
        if (caught.code !== 'INVALID_TRANSITION') setActedOn(null);
        // A rule, a stage or a role said no: nothing in the dialog would change that, so it closes and the
        // refusal stays on the page. A stage that moved on also means the buttons are stale: load again.
        setError(caught);
        close('heading');
        if (caught.code === 'INVALID_TRANSITION') onChanged();
      } else {
        // A field the server found wrong, or no answer at all: the person can fix it or try again as it is.
        setActedOn(null);
        setDialogError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card action-panel" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t.title}
      </h2>
      {returned && (
        <div className="returned-notice" role="note" data-testid="returned-notice">
          <p>
            <strong>{t.returned}</strong> <span className="history-text">{proposal.lastReason}</span>
          </p>
          {returnedBy && <p className="muted">{returnedBy}</p>}
          {canEdit && <p>{t.returnedHint}</p>}
        </div>
      )}
      {notice}
      {events.length === 0 && !canEdit ? (
        <p className="muted">{t.nothing}</p>
      ) : (
        <div className="actions">
          {canEdit && (
            <Link to={`/proposals/${encodeURIComponent(proposal.id)}/edit`} className={`button-link${returned ? ' primary' : ''}`} data-testid="proposal-edit">
              {t.edit}
            </Link>
          )}
          {events.map((type) => (
            <button
              key={type}
              type="button"
              className={ONWARD.includes(type) ? 'primary' : undefined}
              data-event={type}
              aria-haspopup="dialog"
              disabled={actedOn === version}
              onClick={(event) => start(type, event.currentTarget)}
            >
              {label(type)}
            </button>
          ))}
        </div>
      )}
      <div role="status" className="action-status">
        {status && <p className="notice-ok">{status}</p>}
      </div>
      {conflict && (
        <p className="error" role="alert" data-testid="conflict-message">
          {t.conflict}
        </p>
      )}
      <ErrorView error={error} />
      {open && (
        <EventDialog
          key={open}
          type={open}
          nominee={proposal.nominee.name}
          state={proposal.state}
          awardForm={proposal.awardForm}
          notice={<LateConfirm outlook={outlook} type={open} />}
          busy={busy}
          error={dialogError}
          onCancel={() => close('trigger')}
          onSend={(body) => void send(open, body)}
        />
      )}
    </section>
  );
}
