import type { ProposalViewBody } from '#contracts';
import type { Actor } from '#kernel';
import type { Finding } from '#rules';
import { allowedEventTypes, restore, type ProposalEventType, type ProposalSnapshot } from '#workflows/proposal';
import { deadlineMetAt } from './proposal-deadline.policy.js';
import type { ProposalRecord } from './proposal.records.js';

/**
 * What a client sees of a proposal (docs/architecture.md, HTTP contract), for one caller. It implements the
 * contract's ProposalViewBody (libs/contracts, which the console reads): a field changed here that breaks the
 * contract fails to compile. `dossier` is added by GET /api/proposals/:id only (ProposalQueries.get).
 */
export interface ProposalView extends Omit<ProposalViewBody, 'dossier'> {
  id: string;
  kind: ProposalRecord['kind'];
  unitId: string;
  campaignId: string | null;
  awardForm: ProposalRecord['awardForm'];
  nominee: ProposalRecord['snapshot']['context']['nominee'];
  achievement: ProposalRecord['snapshot']['context']['achievement'];
  state: ProposalRecord['state'];
  version: number;
  machineVersion: number;
  deadline: ProposalRecord['deadline'];
  /** When the deadline was met (see deadlineMetAt); null while it is still to be met. */
  deadlineMetAt: string | null;
  late: boolean;
  lateRule: 'DX-4' | 'TH-5' | null;
  escalation: ProposalRecord['escalation'];
  /** The rulebook's findings (evaluateRules); the row keeps their rule IDs as text. */
  warnings: Finding[];
  allowedEvents: ProposalEventType[];
  lastReason: string | null;
  vote: ProposalRecord['snapshot']['context']['vote'];
  decision: ProposalRecord['snapshot']['context']['decision'];
  submittedAt: string | null;
  forwardedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * `live` is the machine snapshot the caller already holds for this record (a command has just stepped it);
 * without it the record's stored snapshot is restored to ask what the viewer may do next.
 */
export function toProposalView(record: ProposalRecord, viewer: Actor, live?: ProposalSnapshot): ProposalView {
  const { context } = record.snapshot;
  return {
    id: record.id,
    kind: record.kind,
    unitId: record.unitId,
    campaignId: record.campaignId,
    awardForm: context.awardForm,
    nominee: context.nominee,
    achievement: context.achievement,
    state: record.state,
    version: record.version,
    machineVersion: record.machineVersion,
    deadline: record.deadline,
    deadlineMetAt: deadlineMetAt({ ...context, state: record.state, deadline: record.deadline }),
    late: context.late,
    lateRule: context.lateRule,
    escalation: record.escalation,
    // Written only from evaluateRules' findings, so each rule is one of RULE_IDS: the contract's type says so.
    warnings: record.warnings as Finding[],
    allowedEvents: allowedEventTypes(live ?? restore(record.machineVersion, record.snapshot), viewer),
    lastReason: context.lastReason,
    vote: context.vote,
    decision: context.decision,
    submittedAt: context.submittedAt,
    forwardedAt: context.forwardedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
