import type { AwardForm, ProposalState } from '#workflows/proposal';
import type { ProposalDeadline } from '../../api/api-types.js';
import { deadlineClosed } from '../../calendar/deadline-closed.js';
import { workingDaysLeft, type YearIndex } from '../../calendar/working-days.js';

/**
 * The step that meets a deadline, as workflows/proposal `deadlineMetBy` decides it (a unit's own Giấy khen
 * under DX-4 at SUBMIT, everything bound for the province at FORWARD). Written out rather than imported: the
 * workflow's index carries the state machines, which this page has no use for; late-outlook.test.ts holds the
 * two to the same answers.
 */
export const meetingStep = (awardForm: AwardForm, rule: ProposalDeadline['rule']): 'SUBMIT' | 'FORWARD' =>
  awardForm === 'unit_certificate' && rule === 'DX-4' ? 'SUBMIT' : 'FORWARD';

/**
 * Where a proposal stands against its deadline (docs/rules.md DX-4, TH-5), as the page and the dialogs warn
 * of it: `marked`, the machine has recorded it late; `pending`, the last day has passed and the step that meets
 * the deadline (SUBMIT for a unit's own DX-4 award, FORWARD otherwise: workflows/proposal stage-policy) is
 * still to come, so that step will be recorded late.
 */
export interface LateOutlook {
  status: 'marked' | 'pending';
  rule: ProposalDeadline['rule'];
  dueDate: string;
  /** The step that meets the deadline. */
  meetBy: 'SUBMIT' | 'FORWARD';
  /** Working days past the last day, today counted; null while the calendar is not loaded (or when marked). */
  days: number | null;
}

export interface LateInput {
  state: ProposalState;
  awardForm: AwardForm;
  deadline: ProposalDeadline | null;
  /** When the step that meets the deadline happened; null while it is still to come (the view's `deadlineMetAt`). */
  deadlineMetAt: string | null;
  late: boolean;
  lateRule: ProposalDeadline['rule'] | null;
}

/**
 * The deadline ends at 24:00 of its last day in Vietnam, so a proposal is late from the next local day on:
 * `today` is the local day (calendar/working-days `localToday`).
 */
export function lateOutlook(proposal: LateInput, today: string, index?: YearIndex): LateOutlook | null {
  const { deadline } = proposal;
  if (proposal.late) {
    const rule = proposal.lateRule ?? deadline?.rule;
    if (!rule) return null;
    return { status: 'marked', rule, dueDate: deadline?.dueDate ?? '', meetBy: meetingStep(proposal.awardForm, rule), days: null };
  }
  // Still open: not yet met (the server's deadlineMetAt) and not closed some other way (rejected, withdrawn).
  if (!deadline || proposal.deadlineMetAt || deadlineClosed(proposal) || today <= deadline.dueDate) return null;
  const left = index ? workingDaysLeft(today, deadline.dueDate, index) : null;
  return {
    status: 'pending',
    rule: deadline.rule,
    dueDate: deadline.dueDate,
    meetBy: meetingStep(proposal.awardForm, deadline.rule),
    days: left === null ? null : -left,
  };
}
