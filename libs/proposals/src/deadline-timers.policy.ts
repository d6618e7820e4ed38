import type { WorkingCalendar } from '#calendar';
import type { EscalationLevel } from '#workflows/proposal';
import type { ProposalDeadline } from './proposal.records.js';

export type TimerKind = 'reminder' | 'missed' | 'escalation';

export interface TimerOffsets {
  /** DX-4: the reminder comes this many calendar days before the deadline ends. */
  dx4ReminderDays: number;
  /** TH-5: the reminder comes at the start of the working day this many working days before the last day. */
  th5ReminderWorkingDays: number;
  /** A missed deadline escalates at the end of this many working days after the last day. */
  escalationWorkingDays: number;
}

/** The escalation level a timer brings the proposal to; a proposal already there needs nothing from it. */
export const TIMER_LEVEL: Record<TimerKind, EscalationLevel> = {
  reminder: 'reminded',
  missed: 'missed',
  escalation: 'escalated',
};

export interface PlannedTimer {
  kind: TimerKind;
  fireAt: string;
}

const DAY_MS = 86_400_000;
/** 00:00 in Vietnam (UTC+7) of a local date, as a UTC instant. */
const startOfLocalDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) - 7 * 3_600_000).toISOString();
/** 24:00 in Vietnam of a local date, as a UTC instant. */
const endOfLocalDay = (date: string) => `${date}T17:00:00.000Z`;

/** When each timer of a deadline fires (ISSUE 4): reminder before, the deadline itself, escalation after. */
export function timerPlan(deadline: ProposalDeadline, calendar: WorkingCalendar, offsets: TimerOffsets): PlannedTimer[] {
  const reminderAt =
    deadline.rule === 'DX-4'
      ? new Date(Date.parse(deadline.dueAt) - offsets.dx4ReminderDays * DAY_MS).toISOString()
      : startOfLocalDay(calendar.subtractWorkingDays(deadline.dueDate, offsets.th5ReminderWorkingDays));
  return [
    { kind: 'reminder', fireAt: reminderAt },
    { kind: 'missed', fireAt: deadline.dueAt },
    { kind: 'escalation', fireAt: endOfLocalDay(calendar.addWorkingDays(deadline.dueDate, offsets.escalationWorkingDays)) },
  ];
}
