import type { CreateProposalBody } from '#contracts';
import type { ProposalFacts } from '#rules';
import type { Achievement, AchievementBasis, AwardForm, Nominee, NomineeType, ProposalKind } from '#workflows/proposal';
import { optionalCount, optionalDay } from './calendar-day.js';

/** What the new-proposal screen holds while it is being filled in: text as typed, one flat record. */
export interface ProposalFormState {
  kind: ProposalKind;
  campaignId: string;
  awardForm: AwardForm;
  nomineeType: NomineeType;
  nomineeName: string;
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
