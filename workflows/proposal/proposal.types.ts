import type { Actor } from '#kernel';

export type ProposalKind = 'thematic' | 'extraordinary';
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['thematic', 'extraordinary'];

/** `unit_certificate` is within the unit's own authority; `chairman_certificate` is provincial. */
export type AwardForm = 'unit_certificate' | 'chairman_certificate';
export const AWARD_FORMS: readonly AwardForm[] = ['unit_certificate', 'chairman_certificate'];

export type NomineeType = 'individual' | 'collective';
export type NomineeGender = 'male' | 'female';
export type AchievementBasis = 'outside_duty' | 'rescue' | 'combat';
export const ACHIEVEMENT_BASES: readonly AchievementBasis[] = ['outside_duty', 'rescue', 'combat'];

export interface Nominee {
  type: NomineeType;
  name: string;
  steeringCommittee?: boolean;
  steeringCommitteeMember?: boolean;
  ownParticipants?: number;
  totalParticipants?: number;
  /**
   * Self-declared on old proposals (before the registry): still read by ND-1. A nominee registered since has its
   * Decree 152 Art. 4 matters recorded against `personId` instead.
   */
  underDiscipline?: boolean;
  /**
   * The registry entry this nominee is (docs/rules.md, ND-1 and ND-3). The server stamps it on create when the
   * clerk did not pick a registered person, so every new proposal names one. The fields below are the snapshot of
   * the person as the proposal states them, sealed in the log with the proposal (gender and birth year only for
   * individuals).
   */
  personId?: string;
  birthYear?: number;
  gender?: NomineeGender;
  /** Chức vụ. */
  title?: string;
  /** Đơn vị công tác / nơi làm việc. */
  workplace?: string;
}

export interface Achievement {
  summary: string;
  /** YYYY-MM-DD */
  date: string;
  recognizedAt?: string;
  basis?: AchievementBasis;
  serviceWork?: boolean;
  outstanding?: boolean;
}

export interface Vote {
  members: number;
  for: number;
  against: number;
}

export interface Decision {
  number: string;
  date: string;
  signedBy: string;
}

/** Escalation only ever rises; timer events from the worker raise it. */
export type EscalationLevel = 'none' | 'reminded' | 'missed' | 'escalated';
export const ESCALATION_ORDER: readonly EscalationLevel[] = ['none', 'reminded', 'missed', 'escalated'];

export interface ProposalInput {
  proposalId: string;
  kind: ProposalKind;
  unitId: string;
  campaignId: string | null;
  awardForm: AwardForm;
  nominee: Nominee;
  achievement: Achievement;
}

/** The deadline the event meets, when it is the one that meets it (DX-4 or TH-5), as the use case computed it. */
export interface DeadlineCheck {
  rule: 'DX-4' | 'TH-5';
  dueAt: string;
}

export interface ProposalContext extends ProposalInput {
  escalation: EscalationLevel;
  /** Met its deadline after `dueAt`: accepted, flagged, never silently (DX-4, TH-5). */
  late: boolean;
  lateRule: 'DX-4' | 'TH-5' | null;
  lastReason: string | null;
  vote: Vote | null;
  decision: Decision | null;
  submittedAt: string | null;
  forwardedAt: string | null;
  /**
   * How many times home affairs asked the unit for missing documents (machine v2 on). Optional because a v1
   * snapshot never had it; `upgradeSnapshot` gives it 0 when a proposal moves to v2.
   */
  supplementRequests?: number;
}

export type ProposalChanges = Partial<Pick<ProposalInput, 'awardForm' | 'nominee' | 'achievement'>>;

/** Every event says who acted and when (ISO-8601 UTC); the machine never reads a clock. */
interface Stamped {
  actor: Actor;
  at: string;
}

export type ProposalEvent = Stamped &
  (
    | { type: 'UPDATE'; changes: ProposalChanges }
    | { type: 'SUBMIT'; deadline?: DeadlineCheck }
    | { type: 'WITHDRAW'; reason?: string }
    | { type: 'AWARD_AT_UNIT'; decision?: Decision }
    | { type: 'FORWARD'; deadline?: DeadlineCheck }
    | { type: 'RETURN'; reason: string }
    | { type: 'REJECT'; reason: string }
    | { type: 'RECOMMEND'; vote: Vote }
    | { type: 'AGREE' }
    | { type: 'APPROVE'; decision: Decision }
    | { type: 'REQUEST_SUPPLEMENT'; reason: string }
    | { type: 'SUPPLEMENT'; note?: string }
    | { type: 'DEADLINE_REMINDER' }
    | { type: 'DEADLINE_MISSED' }
    | { type: 'ESCALATE' }
  );

export type ProposalEventType = ProposalEvent['type'];

export const PERSON_EVENT_TYPES = [
  'UPDATE',
  'SUBMIT',
  'WITHDRAW',
  'AWARD_AT_UNIT',
  'FORWARD',
  'RETURN',
  'REJECT',
  'RECOMMEND',
  'AGREE',
  'APPROVE',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
] as const satisfies readonly ProposalEventType[];

export const TIMER_EVENT_TYPES = [
  'DEADLINE_REMINDER',
  'DEADLINE_MISSED',
  'ESCALATE',
] as const satisfies readonly ProposalEventType[];

export const PROPOSAL_STATES = [
  'drafting',
  'unitDecision',
  'councilScreening',
  'homeAffairsAgreement',
  'chairmanDecision',
  'awarded',
  'awardedByUnit',
  'rejected',
  'withdrawn',
  'supplementRequested',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * A log line that is not a machine event: an administrator moved the proposal onto another machine version.
 * It is logged under `toVersion` with the state unchanged; replay upgrades the snapshot it has folded so far.
 */
export const MIGRATED_EVENT = 'MIGRATED';

export interface MigratedPayload {
  fromVersion: number;
  toVersion: number;
}

/** What is persisted and replayed: enough to restore the machine exactly. */
export interface StoredSnapshot {
  value: ProposalState;
  context: ProposalContext;
}
