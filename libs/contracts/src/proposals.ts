import type { Actor } from '#kernel';
import type { Finding } from '#rules';
import type {
  Achievement,
  AwardForm,
  Decision,
  EscalationLevel,
  Nominee,
  PERSON_EVENT_TYPES,
  ProposalEventType,
  ProposalKind,
  ProposalState,
  Vote,
} from '#workflows/proposal';
import type { DossierBody } from './documents.js';

/** The rule of a deadline: DX-4 (an extraordinary award, from the achievement) or TH-5 (a campaign's ceremony). */
export type DeadlineRuleId = 'DX-4' | 'TH-5';

/** A deadline as a proposal or a campaign carries it (`deadline`, `dossierDeadline`). */
export interface ProposalDeadlineBody {
  rule: DeadlineRuleId;
  /** The last day, local (Vietnam), YYYY-MM-DD. */
  dueDate: string;
  /** The instant that day ends, 24:00 Asia/Ho_Chi_Minh, as UTC ISO-8601. */
  dueAt: string;
  /** A year the computation looked at has no official schedule loaded yet. */
  provisional: boolean;
}

/**
 * A proposal as one caller sees it (libs/proposals `toProposalView`), as JSON: every date a string, YYYY-MM-DD
 * for days and ISO-8601 UTC for instants. GET /api/proposals/:id adds `dossier`; lists and writes leave it out.
 */
export interface ProposalViewBody {
  id: string;
  kind: ProposalKind;
  unitId: string;
  campaignId: string | null;
  awardForm: AwardForm;
  nominee: Nominee;
  achievement: Achievement;
  state: ProposalState;
  version: number;
  machineVersion: number;
  deadline: ProposalDeadlineBody | null;
  /** When the deadline was met (SUBMIT for a unit's DX-4 award, FORWARD otherwise); null while still to be met. */
  deadlineMetAt: string | null;
  late: boolean;
  lateRule: DeadlineRuleId | null;
  escalation: EscalationLevel;
  /** Rule warnings every reviewer sees; the rule IDs are the rulebook's (docs/rules.md). */
  warnings: Finding[];
  /** The events this caller may send now. */
  allowedEvents: ProposalEventType[];
  lastReason: string | null;
  vote: Vote | null;
  decision: Decision | null;
  submittedAt: string | null;
  forwardedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do with the dossier's documents now: only GET /api/proposals/:id carries it. */
  dossier?: DossierBody;
}

/**
 * GET /api/proposals/:id: the proposal with its dossier as the caller sees it, and `blockers`: what ND-1
 * (Decree 152/2025/NĐ-CP Art. 4) would refuse at the proposal's next step if it were taken today, asked live
 * against the nominee's open matters; empty once the proposal has ended (awarded, awardedByUnit, rejected,
 * withdrawn) and while nothing is open. Lists leave it out.
 */
export type ProposalDetailBody = ProposalViewBody & { dossier: DossierBody; blockers: Finding[] };

/** One line of a proposal's hash-chained log, exactly as it was sealed. */
export interface HistoryEventBody {
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

/** GET /api/proposals/:id/history. */
export interface HistoryBody {
  events: HistoryEventBody[];
}

/** POST /api/proposals, as CreateProposalDto (apps/api) validates it. */
export interface CreateProposalBody {
  kind: ProposalKind;
  campaignId?: string;
  unitId: string;
  awardForm: AwardForm;
  nominee: Nominee;
  achievement: Achievement;
}

/** The events a person sends; the timers' events are the worker's (`system`), refused here with a 400. */
export type PersonEventType = (typeof PERSON_EVENT_TYPES)[number];

/**
 * POST /api/proposals/:id/events, as ProposalEventDto (apps/api) validates it: each event takes only its own
 * fields (`reason` with RETURN, REJECT, REQUEST_SUPPLEMENT and optionally WITHDRAW; `note` with SUPPLEMENT; `vote`
 * with RECOMMEND; `decision` with APPROVE and optionally AWARD_AT_UNIT; `changes` with UPDATE).
 */
export interface ProposalEventBody {
  type: PersonEventType;
  reason?: string;
  note?: string;
  vote?: Vote;
  decision?: Decision;
  changes?: { awardForm?: AwardForm; nominee?: Nominee; achievement?: Achievement };
}
