import { assertEvent, assign, setup } from 'xstate';
import type { Actor, Role } from '#kernel';
import {
  ESCALATION_ORDER,
  type EscalationLevel,
  type ProposalContext,
  type ProposalEvent,
  type ProposalInput,
} from './proposal.types.js';

// Every version is self-contained on purpose: a helper shared between versions could not be changed without
// changing how proposals written under the older version replay.

const holds = (actor: Actor, ...roles: Role[]) => actor.roles.some((role) => roles.includes(role));
const inUnit = (actor: Actor, context: ProposalContext) => actor.unitId === context.unitId;

/**
 * Timer events change no stage: they only raise the escalation level, and only in stages that are still open.
 */
const timerEvents = {
  DEADLINE_REMINDER: { guard: 'bySystem', actions: { type: 'raiseEscalation', params: { level: 'reminded' } } },
  DEADLINE_MISSED: { guard: 'bySystem', actions: { type: 'raiseEscalation', params: { level: 'missed' } } },
  ESCALATE: { guard: 'bySystem', actions: { type: 'raiseEscalation', params: { level: 'escalated' } } },
} as const;

/**
 * Proposal machine, version 2: version 1 plus `supplementRequested`. Home affairs can ask the unit for the
 * documents a dossier lacks without sending it back to drafting, where it would have to pass the unit head
 * and the council again. Pure like version 1: no clock, no I/O, no delayed transitions.
 *
 * Its guards and actions repeat version 1's on purpose rather than share a module with it: a version is
 * frozen once events are written under it, and a shared helper edited for version 3 would silently change
 * how version 1 logs replay.
 */
export const proposalMachineV2 = setup({
  types: {
    context: {} as ProposalContext,
    events: {} as ProposalEvent,
    input: {} as ProposalInput,
  },
  guards: {
    byUnitMember: ({ context, event }) => holds(event.actor, 'drafter', 'unit_head') && inUnit(event.actor, context),
    byUnitHead: ({ context, event }) => holds(event.actor, 'unit_head') && inUnit(event.actor, context),
    byCouncil: ({ event }) => holds(event.actor, 'council'),
    byHomeAffairs: ({ event }) => holds(event.actor, 'home_affairs'),
    bySigner: ({ event }) => holds(event.actor, 'chairman', 'vice_chairman'),
    bySystem: ({ event }) => holds(event.actor, 'system'),
  },
  actions: {
    applyChanges: assign(({ context, event }) => {
      assertEvent(event, 'UPDATE');
      return { ...event.changes, proposalId: context.proposalId };
    }),
    recordSubmission: assign({ submittedAt: ({ event }) => event.at }),
    recordForwarding: assign({ forwardedAt: ({ event }) => event.at }),
    /**
     * A deadline is met by the event that carries it: FORWARD for the province (TH-5, and DX-4 for a
     * provincial award), SUBMIT for an award within the unit's authority (DX-4). Arriving at or after 24:00 of
     * the last day is late: the proposal goes on, marked with the rule.
     */
    judgeTimeliness: assign(({ context, event }) => {
      assertEvent(event, ['SUBMIT', 'FORWARD']);
      const deadline = event.deadline;
      if (!deadline || context.late) return {};
      const meets =
        event.type === 'FORWARD' || (context.awardForm === 'unit_certificate' && deadline.rule === 'DX-4');
      return meets && event.at >= deadline.dueAt ? { late: true, lateRule: deadline.rule } : {};
    }),
    recordReason: assign({
      lastReason: ({ event }) => ('reason' in event && event.reason ? event.reason : null),
    }),
    // A snapshot migrated from version 1 is given 0 by upgradeSnapshot; `?? 0` only guards a hand-made one.
    countSupplementRequest: assign({
      supplementRequests: ({ context }) => (context.supplementRequests ?? 0) + 1,
    }),
    recordVote: assign({
      vote: ({ event }) => {
        assertEvent(event, 'RECOMMEND');
        return event.vote;
      },
    }),
    recordDecision: assign({
      decision: ({ event }) => {
        assertEvent(event, ['APPROVE', 'AWARD_AT_UNIT']);
        return event.decision ?? null;
      },
    }),
    raiseEscalation: assign({
      escalation: ({ context }, params: { level: EscalationLevel }) =>
        ESCALATION_ORDER.indexOf(params.level) > ESCALATION_ORDER.indexOf(context.escalation)
          ? params.level
          : context.escalation,
    }),
  },
}).createMachine({
  id: 'proposal',
  initial: 'drafting',
  context: ({ input }) => ({
    ...input,
    escalation: 'none',
    late: false,
    lateRule: null,
    lastReason: null,
    vote: null,
    decision: null,
    submittedAt: null,
    forwardedAt: null,
    supplementRequests: 0,
  }),
  states: {
    drafting: {
      tags: ['deadlineOpen'],
      on: {
        UPDATE: { guard: 'byUnitMember', actions: 'applyChanges' },
        SUBMIT: { guard: 'byUnitMember', target: 'unitDecision', actions: ['recordSubmission', 'judgeTimeliness'] },
        WITHDRAW: { guard: 'byUnitMember', target: 'withdrawn', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    unitDecision: {
      tags: ['deadlineOpen'],
      on: {
        AWARD_AT_UNIT: { guard: 'byUnitHead', target: 'awardedByUnit', actions: 'recordDecision' },
        FORWARD: { guard: 'byUnitHead', target: 'councilScreening', actions: ['recordForwarding', 'judgeTimeliness'] },
        RETURN: { guard: 'byUnitHead', target: 'drafting', actions: 'recordReason' },
        REJECT: { guard: 'byUnitHead', target: 'rejected', actions: 'recordReason' },
        WITHDRAW: { guard: 'byUnitHead', target: 'withdrawn', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    councilScreening: {
      tags: ['countsTowardQuota'],
      on: {
        RECOMMEND: { guard: 'byCouncil', target: 'homeAffairsAgreement', actions: 'recordVote' },
        RETURN: { guard: 'byCouncil', target: 'drafting', actions: 'recordReason' },
        REJECT: { guard: 'byCouncil', target: 'rejected', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    homeAffairsAgreement: {
      tags: ['countsTowardQuota'],
      on: {
        AGREE: { guard: 'byHomeAffairs', target: 'chairmanDecision' },
        REQUEST_SUPPLEMENT: {
          guard: 'byHomeAffairs',
          target: 'supplementRequested',
          actions: ['recordReason', 'countSupplementRequest'],
        },
        RETURN: { guard: 'byHomeAffairs', target: 'drafting', actions: 'recordReason' },
        REJECT: { guard: 'byHomeAffairs', target: 'rejected', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    /**
     * The dossier stays with the province while the unit sends what is missing. Withdrawing it undoes the
     * head's FORWARD, so it is the head's call, as in unitDecision; any unit member may send the documents.
     */
    supplementRequested: {
      tags: ['countsTowardQuota'],
      on: {
        SUPPLEMENT: { guard: 'byUnitMember', target: 'homeAffairsAgreement' },
        REJECT: { guard: 'byHomeAffairs', target: 'rejected', actions: 'recordReason' },
        WITHDRAW: { guard: 'byUnitHead', target: 'withdrawn', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    chairmanDecision: {
      tags: ['countsTowardQuota'],
      on: {
        APPROVE: { guard: 'bySigner', target: 'awarded', actions: 'recordDecision' },
        RETURN: { guard: 'bySigner', target: 'homeAffairsAgreement', actions: 'recordReason' },
        REJECT: { guard: 'bySigner', target: 'rejected', actions: 'recordReason' },
        ...timerEvents,
      },
    },
    awarded: { type: 'final', tags: ['countsTowardQuota'] },
    awardedByUnit: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
