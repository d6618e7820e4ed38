/**
 * Test support only (never exported from the barrel, excluded from the build): genuine hash-chained logs,
 * sealed the way the use cases seal them, so that verifier specs tamper with something real.
 */
import type { Actor, PersonRole } from '#kernel';
import { SYSTEM_ACTOR } from '#kernel';
import {
  MIGRATED_EVENT,
  restore,
  startProposal,
  step,
  toStored,
  upgradeSnapshot,
  type ProposalEvent,
  type ProposalInput,
  type ProposalSnapshot,
} from '#workflows/proposal';
import type { AuditedEvent, AuditedProposal } from '../audit-log.port.js';
import { eventHash, GENESIS_HASH, type ChainedEventBody } from '../event-hash.js';

export const UNIT = 'unit-a';

export const person = (role: PersonRole, unitId: string | null = UNIT): Actor => ({
  id: `${role}-1`,
  name: `Người ${role}`,
  roles: [role],
  unitId,
});

export const proposalInput = (proposalId: string): ProposalInput => ({
  proposalId,
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn A' },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20', basis: 'rescue' },
});

/** One line to seal after CREATED: a machine event (its fields beside type and actor), or a migration. */
export type LogStep =
  | { type: string; actor: Actor; fields?: Record<string, unknown>; rules?: unknown }
  | { type: typeof MIGRATED_EVENT; toVersion: number };

const DUE_AT = '2026-05-04T17:00:00.000Z';

/** The provincial pipeline of machine v1, with the actors its guards ask for: CREATED plus these six. */
export const V1_AWARD_WALK: readonly LogStep[] = [
  {
    type: 'UPDATE',
    actor: person('drafter'),
    fields: { changes: { nominee: { type: 'individual', name: 'Nguyễn Văn B' } } },
  },
  { type: 'SUBMIT', actor: person('drafter'), fields: { deadline: { rule: 'DX-4', dueAt: DUE_AT } } },
  {
    type: 'FORWARD',
    actor: person('unit_head'),
    fields: { deadline: { rule: 'DX-4', dueAt: DUE_AT } },
    rules: { checkpoint: 'forward', warnings: [] },
  },
  { type: 'RECOMMEND', actor: person('council', null), fields: { vote: { members: 9, for: 7, against: 2 } } },
  { type: 'AGREE', actor: person('home_affairs', null) },
  {
    type: 'APPROVE',
    actor: person('chairman', null),
    fields: { decision: { number: '123/QĐ-UBND', date: '2026-03-10', signedBy: 'Chủ tịch' } },
  },
];

export interface SealedLog {
  head: AuditedProposal;
  events: AuditedEvent[];
}

export interface SealOptions {
  machineVersion?: number;
  /** The instant of CREATED; each later line is an hour after the one before. */
  startAt?: string;
  creator?: Actor;
}

const HOUR = 3_600_000;

/** Seals CREATED and then every step, failing loudly if the machine refuses one (a fixture bug, not a test). */
export function sealProposalLog(proposalId: string, steps: readonly LogStep[] = V1_AWARD_WALK, options: SealOptions = {}): SealedLog {
  let machineVersion = options.machineVersion ?? 1;
  const start = Date.parse(options.startAt ?? '2026-03-02T03:00:00.000Z');
  const input = proposalInput(proposalId);
  let snapshot: ProposalSnapshot = restore(machineVersion, startProposal(machineVersion, input));
  const events: AuditedEvent[] = [];
  // Rows share nothing with each other or with the snapshot, as rows read from a database never do.
  const seal = (body: ChainedEventBody) => {
    const prevHash = events.length === 0 ? GENESIS_HASH : events[events.length - 1].hash;
    events.push(structuredClone({ ...body, prevHash, hash: eventHash(prevHash, body) }));
  };
  const at = (index: number) => new Date(start + index * HOUR).toISOString();

  seal({
    proposalId,
    seq: 1,
    type: 'CREATED',
    actor: options.creator ?? person('drafter'),
    at: at(0),
    payload: { ...input },
    machineVersion,
    state: String(snapshot.value),
  });
  steps.forEach((line, index) => {
    const seq = index + 2;
    if ('toVersion' in line) {
      const fromVersion = machineVersion;
      machineVersion = line.toVersion;
      snapshot = restore(machineVersion, upgradeSnapshot(toStored(snapshot), fromVersion, machineVersion));
      seal({
        proposalId,
        seq,
        type: MIGRATED_EVENT,
        actor: SYSTEM_ACTOR,
        at: at(index + 1),
        payload: { fromVersion, toVersion: machineVersion },
        machineVersion,
        state: String(snapshot.value),
      });
      return;
    }
    const fields = line.fields ?? {};
    const event = { ...fields, type: line.type, actor: line.actor, at: at(index + 1) } as ProposalEvent;
    const { next } = step(machineVersion, snapshot, event);
    if (next === snapshot) throw new Error(`fixture: machine v${machineVersion} refuses ${line.type} in ${String(snapshot.value)}`);
    snapshot = next;
    seal({
      proposalId,
      seq,
      type: line.type,
      actor: line.actor,
      at: event.at,
      payload: line.rules === undefined ? { ...fields } : { ...fields, rules: line.rules },
      machineVersion,
      state: String(snapshot.value),
    });
  });

  const last = events[events.length - 1];
  return {
    head: {
      id: proposalId,
      machineVersion,
      snapshot: structuredClone(toStored(snapshot)),
      version: events.length,
      lastSeq: last.seq,
      lastHash: last.hash,
    },
    events,
  };
}

/** Re-seals an event after changing it, keeping its prevHash: what an attacker who knows the algorithm does. */
export function reseal(event: AuditedEvent, changes: Partial<ChainedEventBody & { prevHash: string }> = {}): AuditedEvent {
  const changed = { ...event, ...changes };
  return { ...changed, hash: eventHash(changed.prevHash, changed) };
}

/** A copy deep enough that tampering with it never touches the original log. */
export const cloneLog = (log: SealedLog): SealedLog => structuredClone(log);
