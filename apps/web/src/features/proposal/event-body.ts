import type { ProposalEventType } from '#workflows/proposal';

/**
 * What each event asks of the person sending it, and the body it becomes (the fields of
 * apps/api/src/dto/proposal-event.dto.ts). Pure, so the rules of the form are tested without a screen.
 */
export type EventNeed = 'reason' | 'vote' | 'decision' | 'note' | 'confirm';

export const EVENT_NEEDS: Record<ProposalEventType, EventNeed> = {
  UPDATE: 'confirm',
  SUBMIT: 'confirm',
  FORWARD: 'confirm',
  AGREE: 'confirm',
  // The API takes WITHDRAW without a reason, but a withdrawn dossier with no word why is a question every
  // inspector asks later: the console asks for one.
  WITHDRAW: 'reason',
  RETURN: 'reason',
  REJECT: 'reason',
  REQUEST_SUPPLEMENT: 'reason',
  RECOMMEND: 'vote',
  APPROVE: 'decision',
  AWARD_AT_UNIT: 'decision',
  SUPPLEMENT: 'note',
  DEADLINE_REMINDER: 'confirm',
  DEADLINE_MISSED: 'confirm',
  ESCALATE: 'confirm',
};

export interface EventForm {
  reason: string;
  note: string;
  members: string;
  for: string;
  against: string;
  number: string;
  date: string;
  signedBy: string;
}

export type EventField = keyof EventForm;
export type FormProblem = 'required' | 'tooLong' | 'wholeNumber' | 'atLeastOne' | 'tooManyVotes' | 'noMajority' | 'date';

export const TEXT_LIMIT = 2000;

/** A new form: a decision dated today and signed, unless changed, by `signer` (the signed-in person). */
export const emptyEventForm = (today: string, signer = ''): EventForm => ({
  reason: '',
  note: '',
  members: '',
  for: '',
  against: '',
  number: '',
  date: today,
  signedBy: signer,
});

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The problems of the form for this event, field by field, in the order the fields are shown. */
export function eventFormProblems(type: ProposalEventType, form: EventForm): Partial<Record<EventField, FormProblem>> {
  const problems: Partial<Record<EventField, FormProblem>> = {};
  switch (EVENT_NEEDS[type]) {
    case 'reason':
      if (!form.reason.trim()) problems.reason = 'required';
      else if (form.reason.trim().length > TEXT_LIMIT) problems.reason = 'tooLong';
      break;
    case 'note':
      if (form.note.trim().length > TEXT_LIMIT) problems.note = 'tooLong';
      break;
    case 'vote': {
      const members = wholeNumber(form.members);
      const yes = wholeNumber(form.for);
      const no = wholeNumber(form.against);
      if (members === null) problems.members = form.members.trim() ? 'wholeNumber' : 'required';
      else if (members < 1) problems.members = 'atLeastOne';
      if (yes === null) problems.for = form.for.trim() ? 'wholeNumber' : 'required';
      if (no === null) problems.against = form.against.trim() ? 'wholeNumber' : 'required';
      if (members !== null && yes !== null && no !== null && members >= 1) {
        if (yes + no > members) problems.for = 'tooManyVotes';
        // The API refuses a recommendation without more votes for than against; say so before sending.
        else if (yes <= no) problems.for = 'noMajority';
      }
      break;
    }
    case 'decision':
      if (!form.number.trim()) problems.number = 'required';
      if (!form.date.trim()) problems.date = 'required';
      else if (!isCalendarDate(form.date.trim())) problems.date = 'date';
      if (!form.signedBy.trim()) problems.signedBy = 'required';
      break;
    case 'confirm':
      break;
  }
  return problems;
}

/** The request body of POST /api/proposals/:id/events, with only the fields this event takes. */
export function eventBody(type: ProposalEventType, form: EventForm): Record<string, unknown> {
  switch (EVENT_NEEDS[type]) {
    case 'reason':
      return { type, reason: form.reason.trim() };
    case 'note':
      return form.note.trim() ? { type, note: form.note.trim() } : { type };
    case 'vote':
      return { type, vote: { members: Number(form.members), for: Number(form.for), against: Number(form.against) } };
    case 'decision':
      return { type, decision: { number: form.number.trim(), date: form.date.trim(), signedBy: form.signedBy.trim() } };
    case 'confirm':
      return { type };
  }
}
