import type { ProposalEventType } from '#workflows/proposal';
import { localToday } from '../../calendar/working-days.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { RuleLink } from '../../ui/rule-link.js';
import { useLateness } from '../forms/deadline-preview.js';
import { lateOutlook, type LateInput, type LateOutlook } from './late-outlook.js';
import { LATE_MESSAGES } from './late-warning.messages.js';

/**
 * The proposal's late outlook, with the working days it is overdue counted on the server's calendar (the
 * same count as the deadline's countdown, and as the form's warning: one `useLateness`). `today` is for tests.
 */
export function useLateOutlook(proposal: LateInput | undefined, today: string = localToday()): LateOutlook | null {
  const first = proposal ? lateOutlook(proposal, today) : null;
  const lateness = useLateness(first?.status === 'pending' ? first : null, today);
  if (!first) return null;
  return first.status === 'pending' ? { ...first, days: lateness.workingDays } : first;
}

/** One line of the page's notes: late already, or late at the step still to come. */
export function LateNote({ outlook }: { outlook: LateOutlook }) {
  const t = useT(LATE_MESSAGES);
  const { lang } = useLang();
  const due = formatDay(outlook.dueDate, lang);
  return (
    <li className="late-note" data-testid="finding-late" data-rule={outlook.rule} data-status={outlook.status}>
      {outlook.status === 'marked' ? t.marked : t.pending(outlook.days, outlook.meetBy)} <RuleLink rule={outlook.rule} />
      {outlook.dueDate ? t.due(due) : '.'}
    </li>
  );
}

/**
 * What a dialog says before the official confirms: shown for the step that meets a passed deadline (the
 * proposal will be recorded late) and, in drafting, for SUBMIT when the meeting step comes later.
 */
export function LateConfirm({ outlook, type }: { outlook: LateOutlook | null; type: ProposalEventType }) {
  const t = useT(LATE_MESSAGES);
  const { lang } = useLang();
  if (!outlook || outlook.status !== 'pending') return null;
  const meeting = type === outlook.meetBy;
  if (!meeting && !(type === 'SUBMIT' && outlook.meetBy === 'FORWARD')) return null;
  const due = formatDay(outlook.dueDate, lang);
  return (
    <p className="late-confirm" role="note" data-testid="late-confirm" data-rule={outlook.rule}>
      <strong>
        {meeting ? t.confirmMeeting(outlook.days) : t.confirmBefore(outlook.days)} <RuleLink rule={outlook.rule} />
        {t.due(due)}
      </strong>{' '}
      {meeting ? t.confirmMeetingAfter : t.confirmBeforeAfter}
    </p>
  );
}
