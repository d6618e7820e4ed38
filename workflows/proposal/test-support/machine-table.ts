import type { PersonRole } from '#kernel';
import { PERSON_EVENT_TYPES, TIMER_EVENT_TYPES, type ProposalEventType, type ProposalState } from '../proposal.types.js';

/**
 * docs/architecture.md's machine table (state × event → who may send it, and where it leads), written out once
 * and by hand. It is the oracle the machines are checked against (proposal-v1/v2.machine.spec.ts) and the one
 * the end-to-end suites check the API against (test/support/machine-table.ts): never derive it from the
 * machines, or they would be checked against themselves. The types are the machine's only so that a misspelt
 * state, event or role does not compile.
 *
 * Version 2 is version 1 plus home affairs asking the unit for missing documents (ISSUE 5): the new stage
 * `supplementRequested`, and REQUEST_SUPPLEMENT from `homeAffairsAgreement`.
 */

/** The columns of the table: the events people send. The timer events come from the system in every open stage. */
export const TABLE_EVENT_TYPES = PERSON_EVENT_TYPES;
export type TableEventType = (typeof TABLE_EVENT_TYPES)[number];
export const TABLE_TIMER_EVENT_TYPES = TIMER_EVENT_TYPES;

/** The open stages of the latest version, in the order of the pipeline. */
export const OPEN_STATES = [
  'drafting',
  'unitDecision',
  'councilScreening',
  'homeAffairsAgreement',
  'supplementRequested',
  'chairmanDecision',
] as const satisfies readonly ProposalState[];
export const FINAL_STATES = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'] as const satisfies readonly ProposalState[];

export type TableState = (typeof OPEN_STATES)[number] | (typeof FINAL_STATES)[number];
/** Version 1 never had the stage version 2 added. */
export type V1State = Exclude<TableState, 'supplementRequested'>;

/** One cell: the roles that may send the event in that state (a unit role only in its own unit), and the state it leads to. */
export interface TableCell<S extends string = TableState> {
  by: readonly PersonRole[];
  to: S;
}
/** A state's row: a cell per event a person may send there (any other event, timers included, has none). */
export type TableRow<S extends string = TableState> = Partial<Record<ProposalEventType, TableCell<S>>>;
export type MachineTable<S extends string = TableState> = Record<S, TableRow<S>>;

const UNIT_MEMBERS: readonly PersonRole[] = ['drafter', 'unit_head'];
const SIGNERS: readonly PersonRole[] = ['chairman', 'vice_chairman'];

export const MACHINE_TABLE_V1: MachineTable<V1State> = {
  drafting: {
    UPDATE: { by: UNIT_MEMBERS, to: 'drafting' },
    SUBMIT: { by: UNIT_MEMBERS, to: 'unitDecision' },
    WITHDRAW: { by: UNIT_MEMBERS, to: 'withdrawn' },
  },
  unitDecision: {
    AWARD_AT_UNIT: { by: ['unit_head'], to: 'awardedByUnit' },
    FORWARD: { by: ['unit_head'], to: 'councilScreening' },
    RETURN: { by: ['unit_head'], to: 'drafting' },
    REJECT: { by: ['unit_head'], to: 'rejected' },
    WITHDRAW: { by: ['unit_head'], to: 'withdrawn' },
  },
  councilScreening: {
    RECOMMEND: { by: ['council'], to: 'homeAffairsAgreement' },
    RETURN: { by: ['council'], to: 'drafting' },
    REJECT: { by: ['council'], to: 'rejected' },
  },
  homeAffairsAgreement: {
    AGREE: { by: ['home_affairs'], to: 'chairmanDecision' },
    RETURN: { by: ['home_affairs'], to: 'drafting' },
    REJECT: { by: ['home_affairs'], to: 'rejected' },
  },
  chairmanDecision: {
    APPROVE: { by: SIGNERS, to: 'awarded' },
    RETURN: { by: SIGNERS, to: 'homeAffairsAgreement' },
    REJECT: { by: SIGNERS, to: 'rejected' },
  },
  awarded: {},
  awardedByUnit: {},
  rejected: {},
  withdrawn: {},
};

/** What version 2 adds to version 1: written here as additions, so that the two cannot drift apart elsewhere. */
export const V2_ADDITIONS = {
  homeAffairsAgreement: {
    REQUEST_SUPPLEMENT: { by: ['home_affairs'], to: 'supplementRequested' },
  },
  supplementRequested: {
    SUPPLEMENT: { by: UNIT_MEMBERS, to: 'homeAffairsAgreement' },
    REJECT: { by: ['home_affairs'], to: 'rejected' },
    WITHDRAW: { by: ['unit_head'], to: 'withdrawn' },
  },
} as const satisfies Partial<MachineTable>;

export const MACHINE_TABLE_V2: MachineTable = {
  ...MACHINE_TABLE_V1,
  homeAffairsAgreement: { ...MACHINE_TABLE_V1.homeAffairsAgreement, ...V2_ADDITIONS.homeAffairsAgreement },
  supplementRequested: V2_ADDITIONS.supplementRequested,
};

/** The table of each machine version. */
export const MACHINE_TABLES = { 1: MACHINE_TABLE_V1, 2: MACHINE_TABLE_V2 } as const;

