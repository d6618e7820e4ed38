import { assertEvent, assign, setup } from 'xstate';
import type { Actor, Role } from '#kernel';
import {
  ESCALATION_ORDER,
  type EscalationLevel,
  type ProposalContext,
  type ProposalEvent,
  type ProposalInput,
} from './proposal.types.js';

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
 * Proposal machine, version 1 (docs/architecture.md, "The proposal machine"). Pure: no clock, no I/O, no delayed
 * transitions. The "by role" column of the table lives here as guards over the event's actor, so that the
 * refusal and the list of allowed events come from one definition.
 */
export const proposalMachineV1 = setup({
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
        RETURN: { guard: 'byHomeAffairs', target: 'drafting', actions: 'recordReason' },
        REJECT: { guard: 'byHomeAffairs', target: 'rejected', actions: 'recordReason' },
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

export type ProposalMachine = typeof proposalMachineV1;
