/**
 * The HTTP contract as the console reads it (docs/architecture.md, "HTTP contract"). Kept here rather than imported from
 * the server's libraries, whose views pull in the framework; the pure parts (machine, rules, calendar) are
 * imported as they are.
 */
import type { Finding } from '#rules';
import type { CalendarYear, Deadline } from '#calendar';
import type { Actor, PersonRole, Role } from '#kernel';
import type { AchievementBasis, AwardForm, Decision, EscalationLevel, Nominee, ProposalEventType, ProposalKind, ProposalState, Vote } from '#workflows/proposal';
import type { Dossier } from './document-types.js';

export type { CalendarYear, Deadline, Finding };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProposalDeadline {
  rule: 'DX-4' | 'TH-5';
  dueDate: string;
  dueAt: string;
  provisional: boolean;
}

export interface Achievement {
  summary: string;
  date: string;
  basis?: AchievementBasis;
  recognizedAt?: string;
  [key: string]: unknown;
}

export interface ProposalView {
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
  deadline: ProposalDeadline | null;
  /** When the deadline was met (SUBMIT for a unit's DX-4 award, FORWARD otherwise); null while still to be met. */
  deadlineMetAt: string | null;
  late: boolean;
  lateRule: 'DX-4' | 'TH-5' | null;
  escalation: EscalationLevel;
  warnings: Finding[];
  allowedEvents: ProposalEventType[];
  lastReason: string | null;
  vote: Vote | null;
  decision: Decision | null;
  submittedAt: string | null;
  forwardedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * What the caller may do with the dossier's documents now. Optional here only so that the screens still
   * work against a server without documents (and lists, which need not carry it): no dossier, no Hồ sơ section.
   */
  dossier?: Dossier;
}

/** One line of a proposal's hash-chained log. */
export interface HistoryEvent {
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

export interface UnitView {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

export interface CampaignView {
  id: string;
  title: string;
  round: 'campaign' | 'anniversary' | 'programme_summary';
  plan: { ref: string; issuedAt: string } | null;
  launchedAt: string | null;
  finalReviewAt: string | null;
  guidance: {
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
  } | null;
  ceremonyDate: string | null;
  dossierDeadline: ProposalDeadline | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/campaigns/:id/quota: how much of each award form's number the province has used. */
export interface CampaignQuota {
  campaignId: string;
  byAwardForm: { awardForm: AwardForm; limit: number | null; used: number }[];
}

export interface InboxNotice {
  id: string;
  proposalId: string;
  seq: number;
  event: 'DEADLINE_REMINDER' | 'DEADLINE_MISSED' | 'ESCALATE';
  unitId: string;
  nominee: string;
  rule: 'DX-4' | 'TH-5' | null;
  dueDate: string | null;
  dueAt: string | null;
  at: string;
  createdAt: string;
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  read: boolean;
  readAt: string | null;
}

export interface InboxPage extends Page<InboxNotice> {
  unread: number;
}

/**
 * GET /api/machines/:version: the machine definition as a graph, for the diagram (`machineGraph` of
 * workflows/proposal, which tests may call directly). Timer events have `to === from` and roles ['system'].
 */
export interface MachineGraph {
  version: number;
  initial: ProposalState;
  states: { id: ProposalState; final: boolean }[];
  transitions: { from: ProposalState; to: ProposalState; event: ProposalEventType; roles: Role[] }[];
}

/** GET /api/dev/demo-users (development and test only). */
export interface DemoUser {
  key: string;
  name: string;
  roles: PersonRole[];
  unitId: string | null;
  unitName: string | null;
}
