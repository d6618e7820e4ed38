import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { AwardForm, ProposalEventType } from '#workflows/proposal';
import { localToday } from '../../calendar/working-days.js';
import { COMMON, EVENT_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { EVENT_DIALOG_MESSAGES } from './action-panel.messages.js';
import { actionIntro, actionLabel } from './action-names.messages.js';
import { EVENT_NEEDS, TEXT_LIMIT, emptyEventForm, eventBody, eventFormProblems, type EventField, type EventForm, type FormProblem } from './event-body.js';

const FIELD_ORDER: readonly EventField[] = ['reason', 'note', 'members', 'for', 'against', 'number', 'date', 'signedBy'];

export interface EventDialogProps {
  type: ProposalEventType;
  /** Whose proposal it is, so the question names the person rather than an ID. */
  nominee: string;
  /** The stage the proposal is in: the button's words and the question are the office's of that stage. */
  state?: string;
  awardForm?: AwardForm;
  /** Said before the question is answered: the late warning of the step that meets a passed deadline. */
  notice?: ReactNode;
  busy: boolean;
  /** A refusal the person can act on without leaving the dialog (a bad field, the network). */
  error: unknown;
  onCancel(): void;
  onSend(body: Record<string, unknown>): void;
}

/**
 * Asks for what an event needs before it is sent: a reason, the council's vote, the decision, a note, or
 * only a confirmation. A modal `<dialog>` where the browser has one (focus stays inside, Escape closes it);
 * the first field has the focus when it opens.
 */
export function EventDialog({ type, nominee, state, awardForm, notice, busy, error, onCancel, onSend }: EventDialogProps) {
  const t = useT(EVENT_DIALOG_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const need = EVENT_NEEDS[type];
  const eventName = state ? actionLabel(lang, state, type, awardForm) : EVENT_NAMES[lang][type];
  const intro = (state ? actionIntro(lang, state, type, nominee) : null) ?? t.intro(need, eventName, nominee);
  const { user } = useSession();
  // The person deciding usually signs the decision; a token without a name carries only an ID, never a signer.
  const signer = user && user.name !== user.id ? user.name : '';
  const [form, setForm] = useState<EventForm>(() => emptyEventForm(localToday(), signer));
  const [problems, setProblems] = useState<Partial<Record<EventField, FormProblem>>>({});
  const [tried, setTried] = useState(false);
  // closingOnPurpose: the close event an unmount causes is not the browser closing it (Escape can close a modal
  // dialog even when its cancel event is refused).
  const { dialogRef, closingOnPurpose } = useModalDialog();
  const base = useId();
  const idOf = (part: string) => `${base}-${part}`;

  const update = (field: EventField, value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    if (tried) setProblems(eventFormProblems(type, next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = eventFormProblems(type, form);
    setProblems(found);
    setTried(true);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(idOf(first))?.focus();
      return;
    }
    onSend(eventBody(type, form));
  };

  const cancel = () => {
    if (!busy) onCancel();
  };

  // Props every input shares: its id, value, the problem it has and the hint it carries, read out with it.
  const bind = (field: EventField, hint?: boolean, first = false) => {
    const problem = problems[field];
    const described = [hint ? idOf(`${field}-hint`) : null, problem ? idOf(`${field}-problem`) : null].filter(Boolean).join(' ');
    return {
      id: idOf(field),
      name: field,
      value: form[field],
      onChange: (e: { currentTarget: { value: string } }) => update(field, e.currentTarget.value),
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': described || undefined,
      'data-autofocus': first ? '' : undefined,
      // Read-only rather than disabled while sending: a disabled field would drop the keyboard focus.
      readOnly: busy,
    };
  };
  const field = (name: EventField, label: string, control: ReactNode, hint?: string) => (
    <div className="event-field" key={name}>
      <label htmlFor={idOf(name)}>{label}</label>
      {control}
      {hint && (
        <small id={idOf(`${name}-hint`)} className="muted">
          {hint}
        </small>
      )}
      {problems[name] && (
        <p id={idOf(`${name}-problem`)} className="field-problem" data-field={name}>
          {t.problem(problems[name]!)}
        </p>
      )}
    </div>
  );

  return (
    <dialog
      ref={dialogRef}
      className="event-dialog"
      aria-labelledby={idOf('title')}
      aria-describedby={idOf('intro')}
      data-event={type}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      onClose={() => {
        if (closingOnPurpose.current) closingOnPurpose.current = false;
        else onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={idOf('title')}>{eventName}</h2>
        <p id={idOf('intro')}>{intro}</p>
        {notice}

        {need === 'reason' &&
          field(
            'reason',
            type === 'REQUEST_SUPPLEMENT' ? t.supplementReason : t.reason,
            <textarea {...bind('reason', false, true)} rows={4} maxLength={TEXT_LIMIT} required aria-required="true" />,
          )}

        {need === 'note' && field('note', t.note, <textarea {...bind('note', false, true)} rows={3} maxLength={TEXT_LIMIT} />)}

        {need === 'vote' && (
          <fieldset>
            <legend>{t.vote}</legend>
            <div className="event-fields-3">
              {field('members', t.members, <input {...bind('members', false, true)} type="number" inputMode="numeric" min={1} step={1} required aria-required="true" />)}
              {field('for', t.for, <input {...bind('for')} type="number" inputMode="numeric" min={0} step={1} required aria-required="true" />)}
              {field('against', t.against, <input {...bind('against')} type="number" inputMode="numeric" min={0} step={1} required aria-required="true" />)}
            </div>
          </fieldset>
        )}

        {need === 'decision' && (
          <fieldset>
            <legend>{t.decision}</legend>
            {field('number', t.number, <input {...bind('number', true, true)} type="text" maxLength={100} required aria-required="true" />, t.numberHint)}
            {field('date', t.date, <input {...bind('date')} type="date" required aria-required="true" />)}
            {field('signedBy', t.signedBy, <input {...bind('signedBy', true)} type="text" maxLength={200} required aria-required="true" />, t.signedByHint)}
          </fieldset>
        )}

        <ErrorView error={error} />

        <div className="actions">
          <button type="submit" className="primary" data-testid="event-send" aria-disabled={busy || undefined} data-autofocus={need === 'confirm' ? '' : undefined}>
            {busy ? t.sending : t.send}
          </button>
          <button type="button" onClick={cancel} aria-disabled={busy || undefined}>
            {common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
