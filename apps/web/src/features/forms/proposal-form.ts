import type { CreateProposalBody } from '#contracts';
import type { ProposalFacts } from '#rules';
import type { Achievement, AchievementBasis, AwardForm, Nominee, NomineeType, ProposalKind } from '#workflows/proposal';
import type { ProposalView } from '../../api/api-types.js';
import { isCalendarDay, isCountText, optionalCount, optionalDay } from './calendar-day.js';
import type { FieldProblemKind } from './field-problems.js';

/** Nam / Nữ, as the registry records it (contract: PersonBody.gender). */
export type NomineeGender = 'male' | 'female';

/** What the new-proposal screen holds while it is being filled in: text as typed, one flat record. */
export interface ProposalFormState {
  kind: ProposalKind;
  campaignId: string;
  awardForm: AwardForm;
  nomineeType: NomineeType;
  nomineeName: string;
  /** The registry entry chosen in the picker; cleared as soon as the name is edited by hand. */
  personId: string;
  /** Individuals only: year of birth, gender, position (chức vụ). */
  birthYear: string;
  gender: NomineeGender | '';
  title: string;
  /** Đơn vị công tác of a person, the agency (cơ quan) of a collective. */
  workplace: string;
  steeringCommittee: boolean;
  steeringCommitteeMember: boolean;
  ownParticipants: string;
  totalParticipants: string;
  underDiscipline: boolean;
  summary: string;
  date: string;
  recognizedAt: string;
  basis: AchievementBasis | '';
  serviceWork: boolean;
  outstanding: boolean;
}

export const EMPTY_PROPOSAL_FORM: ProposalFormState = {
  kind: 'thematic',
  campaignId: '',
  awardForm: 'unit_certificate',
  nomineeType: 'individual',
  nomineeName: '',
  personId: '',
  birthYear: '',
  gender: '',
  title: '',
  workplace: '',
  steeringCommittee: false,
  steeringCommitteeMember: false,
  ownParticipants: '',
  totalParticipants: '',
  underDiscipline: false,
  summary: '',
  date: '',
  recognizedAt: '',
  basis: '',
  serviceWork: false,
  outstanding: false,
};

/** POST /api/proposals: the contract's body, as CreateProposalDto (apps/api) validates it. */
export type { CreateProposalBody };

/**
 * Which optional facts the form asks for, given the kind and the nominee type. A fact that does not apply is
 * neither shown nor sent, so switching the kind back and forth cannot leave a hidden, stale flag in the body.
 */
export function applicableFacts(form: Pick<ProposalFormState, 'kind' | 'nomineeType'>) {
  const thematic = form.kind === 'thematic';
  const collective = form.nomineeType === 'collective';
  return {
    campaign: thematic,
    /** TH-3: a steering committee (or an equivalent collective) as nominee. */
    steeringCommittee: thematic && collective,
    /** TH-3: a member of a steering committee. */
    steeringCommitteeMember: thematic && !collective,
    /** DX-2: the collective's own share of the forces taking part. */
    participants: !thematic && collective,
    /** TH-2: the anniversary round's "truly outstanding". */
    outstanding: thematic,
    /** DX-1 and DX-4. */
    basis: !thematic,
    recognizedAt: !thematic,
  };
}

/**
 * The request body for the form. Text is trimmed (a name of spaces is no name, and the server says so);
 * an empty optional field and an unticked flag are left out rather than sent as "" or false.
 */
export function toCreateProposalBody(form: ProposalFormState, unitId: string): CreateProposalBody {
  const applies = applicableFacts(form);
  const nominee: Nominee = { type: form.nomineeType, name: form.nomineeName.trim() };
  if (form.personId !== '') nominee.personId = form.personId;
  if (form.nomineeType === 'individual') {
    const birthYear = optionalCount(form.birthYear);
    if (birthYear !== undefined) nominee.birthYear = birthYear;
    if (form.gender !== '') nominee.gender = form.gender;
    if (form.title.trim() !== '') nominee.title = form.title.trim();
  }
  if (form.workplace.trim() !== '') nominee.workplace = form.workplace.trim();
  if (applies.steeringCommittee && form.steeringCommittee) nominee.steeringCommittee = true;
  if (applies.steeringCommitteeMember && form.steeringCommitteeMember) nominee.steeringCommitteeMember = true;
  if (applies.participants) {
    const own = optionalCount(form.ownParticipants);
    const total = optionalCount(form.totalParticipants);
    if (own !== undefined) nominee.ownParticipants = own;
    if (total !== undefined) nominee.totalParticipants = total;
  }
  if (form.underDiscipline) nominee.underDiscipline = true;

  const achievement: Achievement = { summary: form.summary.trim(), date: form.date.trim() };
  if (applies.basis && form.basis !== '') achievement.basis = form.basis;
  const recognizedAt = applies.recognizedAt ? optionalDay(form.recognizedAt) : undefined;
  if (recognizedAt !== undefined) achievement.recognizedAt = recognizedAt;
  if (form.serviceWork) achievement.serviceWork = true;
  if (applies.outstanding && form.outstanding) achievement.outstanding = true;

  const body: CreateProposalBody = { kind: form.kind, unitId, awardForm: form.awardForm, nominee, achievement };
  if (applies.campaign && form.campaignId !== '') body.campaignId = form.campaignId;
  return body;
}

/** The rulebook's view of the body about to be sent: the rules judge exactly what the server will receive. */
export function toProposalFacts(body: CreateProposalBody): ProposalFacts {
  return {
    kind: body.kind,
    unitId: body.unitId,
    campaignId: body.campaignId ?? null,
    awardForm: body.awardForm,
    nominee: body.nominee,
    achievement: body.achievement,
  };
}

/** The form as it stands for a saved proposal (editing a draft): every field as the proposal holds it. */
export function fromProposalView(proposal: Pick<ProposalView, 'kind' | 'campaignId' | 'awardForm' | 'nominee' | 'achievement'>): ProposalFormState {
  const { nominee, achievement } = proposal;
  const text = (value: number | undefined) => (value === undefined || value === null ? '' : String(value));
  return {
    kind: proposal.kind,
    campaignId: proposal.campaignId ?? '',
    awardForm: proposal.awardForm,
    nomineeType: nominee.type,
    nomineeName: nominee.name,
    personId: nominee.personId ?? '',
    birthYear: text(nominee.birthYear),
    gender: nominee.gender ?? '',
    title: nominee.title ?? '',
    workplace: nominee.workplace ?? '',
    steeringCommittee: !!nominee.steeringCommittee,
    steeringCommitteeMember: !!nominee.steeringCommitteeMember,
    ownParticipants: text(nominee.ownParticipants),
    totalParticipants: text(nominee.totalParticipants),
    underDiscipline: !!nominee.underDiscipline,
    summary: achievement.summary,
    date: achievement.date,
    recognizedAt: achievement.recognizedAt ?? '',
    basis: achievement.basis ?? '',
    serviceWork: !!achievement.serviceWork,
    outstanding: !!achievement.outstanding,
  };
}

/** UPDATE's `changes` (apps/api ProposalChangesDto): the award form, the nominee, the achievement; each whole. */
export interface ProposalChanges {
  awardForm?: AwardForm;
  nominee?: Nominee;
  achievement?: Achievement;
}

/** JSON with its keys in order, so two parts that say the same thing compare equal. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * Only the parts the clerk changed, compared with the body the form had when it was opened (not with the stored
 * proposal, so a field the form does not show is never taken for a change). Kind, unit and campaign are not
 * among them: UPDATE cannot change them. Empty when nothing changed.
 */
export function toProposalChanges(before: CreateProposalBody, after: CreateProposalBody): ProposalChanges {
  const changes: ProposalChanges = {};
  if (before.awardForm !== after.awardForm) changes.awardForm = after.awardForm;
  if (canonical(before.nominee) !== canonical(after.nominee)) changes.nominee = after.nominee;
  if (canonical(before.achievement) !== canonical(after.achievement)) changes.achievement = after.achievement;
  return changes;
}

/**
 * What the form can tell before sending (docs/validation.md: names present, dates real and not in the
 * future, recognition not before the act), so the obvious mistakes are caught without a round trip. The
 * server judges again; what it says is shown the same way.
 */
export function formProblems(form: ProposalFormState, today: string): Record<string, FieldProblemKind> {
  const applies = applicableFacts(form);
  const problems: Record<string, FieldProblemKind> = {};
  if (form.nomineeName.trim() === '') problems['nominee.name'] = { kind: 'required' };
  if (form.nomineeType === 'individual' && form.birthYear.trim() !== '') {
    const year = Number(form.birthYear.trim());
    if (!/^\d{4}$/.test(form.birthYear.trim()) || year < 1900 || year > Number(today.slice(0, 4))) problems['nominee.birthYear'] = { kind: 'year' };
  }
  if (applies.participants) {
    if (form.ownParticipants.trim() !== '' && !isCountText(form.ownParticipants)) problems['nominee.ownParticipants'] = { kind: 'wholeNumber' };
    if (form.totalParticipants.trim() !== '' && !isCountText(form.totalParticipants)) problems['nominee.totalParticipants'] = { kind: 'wholeNumber' };
  }
  if (form.summary.trim() === '') problems['achievement.summary'] = { kind: 'required' };
  const date = form.date.trim();
  if (date === '') problems['achievement.date'] = { kind: 'required' };
  else if (!isCalendarDay(date)) problems['achievement.date'] = { kind: 'date' };
  else if (date > today) problems['achievement.date'] = { kind: 'future' };
  const recognizedAt = form.recognizedAt.trim();
  if (applies.recognizedAt && recognizedAt !== '') {
    if (!isCalendarDay(recognizedAt)) problems['achievement.recognizedAt'] = { kind: 'date' };
    else if (recognizedAt > today) problems['achievement.recognizedAt'] = { kind: 'future' };
    else if (isCalendarDay(date) && recognizedAt < date) problems['achievement.recognizedAt'] = { kind: 'beforeAchievement' };
  }
  return problems;
}
