import type { ClusterBody, UnitHistoryEntry, UnitType } from '#contracts';
import type { Actor } from '#kernel';
import type {
  AwardForm,
  EscalationLevel,
  ProposalKind,
  ProposalState,
  StoredSnapshot,
} from '#workflows/proposal';
// Types only, from the one file of libs/queue that imports nothing (no bullmq): see .dependency-cruiser.cjs.
import type { OutboxJobMessage } from '../../queue/src/job-contracts.js';

/** A rule finding as stored and shown: `{rule, message}` (Vietnamese) with an English variant. */
export interface RuleFinding {
  rule: string;
  message: string;
  messageEn: string;
}

/** The docs/architecture.md deadline shape, stored on the proposal so that lists can show it and timers can arm from it. */
export interface ProposalDeadline {
  rule: 'DX-4' | 'TH-5';
  dueDate: string;
  dueAt: string;
  provisional: boolean;
}

/** A proposal row: the snapshot plus the columns that queries filter on, and the head of its hash chain. */
export interface ProposalRecord {
  id: string;
  kind: ProposalKind;
  unitId: string;
  campaignId: string | null;
  awardForm: AwardForm;
  state: ProposalState;
  snapshot: StoredSnapshot;
  version: number;
  machineVersion: number;
  late: boolean;
  escalation: EscalationLevel;
  /** Rule warnings every reviewer sees (TH-3 member, DX-2 individuals first, early advice while drafting). */
  warnings: RuleFinding[];
  deadline: ProposalDeadline | null;
  lastSeq: number;
  lastHash: string;
  createdAt: string;
  updatedAt: string;
}

/** One line of a proposal's log, exactly as it was sealed. */
export interface LoggedEvent {
  proposalId: string;
  seq: number;
  type: string;
  actor: Actor;
  at: string;
  payload: Record<string, unknown>;
  machineVersion: number;
  state: string;
  prevHash: string;
  hash: string;
}

/**
 * A side effect the transition asked for, written in the same transaction and relayed after commit: one member
 * per job name that goes through the outbox, so that a topic and its payload are checked against the job
 * registry when the use case is compiled.
 */
export type OutboxMessage = OutboxJobMessage;

export interface IdempotentAnswer {
  requestHash: string;
  status: number;
  body: unknown;
}

/**
 * A unit as stored (docs/units.md): `name`, `type` and `clusterId` are the latest recorded (a change may be
 * effective from a day still ahead); `history` holds every change, oldest first, from which the name, type and
 * cluster on any day are read (unit-history.policy.ts).
 */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  type: UnitType;
  clusterId: string | null;
  dissolvedOn: string | null;
  successorId: string | null;
  history: UnitHistoryEntry[];
  createdAt: string;
}

export type ClusterRecord = ClusterBody;

export type CampaignRound = 'campaign' | 'anniversary' | 'programme_summary';

export interface CampaignGuidance {
  ref: string;
  issuedAt: string;
  scope: string;
  subjects: string;
  criteria: string;
  achievementPeriod: { from: string; to: string };
  awardForms: AwardForm[];
  quota: Partial<Record<AwardForm, number>>;
  unitQuota?: Record<string, Partial<Record<AwardForm, number>>>;
  steeringMemberCap?: number;
}

export interface CampaignRecord {
  id: string;
  title: string;
  round: CampaignRound;
  plan: { ref: string; issuedAt: string } | null;
  launchedAt: string | null;
  finalReviewAt: string | null;
  guidance: CampaignGuidance | null;
  ceremonyDate: string | null;
  createdAt: string;
  updatedAt: string;
}
