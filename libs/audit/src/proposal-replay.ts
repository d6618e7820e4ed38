import type { Actor } from '#kernel';
import {
  MIGRATED_EVENT,
  ProposalReplayer,
  toStored,
  upgradeSnapshot,
  type MigratedPayload,
  type ProposalContext,
  type ProposalEvent,
  type ProposalInput,
  type ProposalSnapshot,
} from '#workflows/proposal';
import type { AuditedEvent } from './audit-log.port.js';
import { sameCanonicalJson } from './canonical-json.js';
import { isDossierEvent } from './dossier-events.js';

export const CREATED_EVENT = 'CREATED';

/** Where to stop: after the event with this seq, and/or after the last event at or before this instant. */
export interface ReplayStop {
  seq?: number;
  at?: string;
}

/** The line the machine could not replay, and why, in words for an auditor. */
export interface ReplayFailure {
  seq: number;
  message: string;
}

export interface ReplayResult {
  /** The state after the last event applied; null when none was (the stop came before CREATED, or it failed). */
  state: string | null;
  context: ProposalContext | null;
  /** The seq of the last event applied, 0 when none was. */
  seq: number;
  /** The machine version the last applied event was written under. */
  machineVersion: number | null;
  /** Set when an event could not be replayed: the fields above then describe the fold just before it. */
  failure: ReplayFailure | null;
}

/** Anything shaped like a stored snapshot (the row's column is untrusted, so nothing more is assumed). */
export interface SnapshotLike {
  value: unknown;
  context: unknown;
}

/**
 * The proposal after the events applied so far. The replayer moves on with each event; `snapshot` stays what it
 * was after this fold's last event, so a failure can describe the fold just before the line that failed.
 */
interface Fold {
  replayer: ProposalReplayer;
  snapshot: ProposalSnapshot;
  machineVersion: number;
}

const foldOf = (replayer: ProposalReplayer): Fold => ({ replayer, snapshot: replayer.snapshot, machineVersion: replayer.machineVersion });

/**
 * Folds a proposal's events (ordered by seq) through the machine version each was written under, the way the
 * commands produced them, with every action the machine asks for discarded. The fold stops at the first event
 * past `stop`: a log is a sequence, so an event is never skipped to reach a later one.
 *
 * Beyond what the machine throws, a line is a failure when the machine refuses it (the command would have
 * been refused, so it cannot have been logged) or when it reaches another state than the one the line sealed.
 */
export function replayTo(events: readonly AuditedEvent[], stop: ReplayStop = {}): ReplayResult {
  const stopAt = stop.at === undefined ? undefined : instant(stop.at);
  let fold: Fold | null = null;
  let seq = 0;
  for (const event of events) {
    if (stop.seq !== undefined && event.seq > stop.seq) break;
    if (stopAt !== undefined && Date.parse(event.at) > stopAt) break;
    try {
      fold = apply(fold, event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...resultOf(fold, seq), failure: { seq: event.seq, message } };
    }
    seq = event.seq;
  }
  return { ...resultOf(fold, seq), failure: null };
}

/** Whether replaying every event reproduces `stored` exactly (key order aside); a failed replay never does. */
export function replaysToStored(events: readonly AuditedEvent[], stored: SnapshotLike): boolean {
  const replayed = replayTo(events);
  return replayed.failure === null && replayed.state !== null && snapshotsMatch(replayed, stored);
}

/** Compares `{value, context}` only, through canonical JSON, so that the order keys came back in never matters. */
export function snapshotsMatch(replayed: Pick<ReplayResult, 'state' | 'context'>, stored: SnapshotLike): boolean {
  return sameCanonicalJson({ value: replayed.state, context: replayed.context }, { value: stored.value, context: stored.context });
}

function apply(fold: Fold | null, event: AuditedEvent): Fold {
  if (event.type === CREATED_EVENT) {
    if (fold) throw new Error(`a second ${CREATED_EVENT} line`);
    const input = event.payload as ProposalInput;
    if (input?.proposalId !== event.proposalId) throw new Error(`${CREATED_EVENT} is for another proposal`);
    return landed(foldOf(ProposalReplayer.start(event.machineVersion, input)), event);
  }
  if (!fold) throw new Error(`the log does not start with ${CREATED_EVENT}`);

  // A document added to or removed from the dossier is sealed in the chain but moves no stage.
  if (isDossierEvent(event.type)) {
    if (event.machineVersion !== fold.machineVersion) {
      throw new Error(`${event.type} is logged under v${event.machineVersion} while the proposal is on v${fold.machineVersion}`);
    }
    return landed(fold, event);
  }

  if (event.type === MIGRATED_EVENT) {
    const { fromVersion, toVersion } = (event.payload ?? {}) as Partial<MigratedPayload>;
    if (fromVersion !== fold.machineVersion || toVersion !== event.machineVersion) {
      throw new Error(
        `${MIGRATED_EVENT} from v${fromVersion} to v${toVersion} does not follow v${fold.machineVersion} ` +
          `or is not logged under v${toVersion}`,
      );
    }
    const upgraded = upgradeSnapshot(toStored(fold.snapshot), fromVersion, toVersion);
    return landed(foldOf(ProposalReplayer.resume(toVersion, upgraded)), event);
  }

  // One replayer carries the proposal from line to line; it is only replaced when the version changes.
  const replayer =
    event.machineVersion === fold.machineVersion
      ? fold.replayer
      : ProposalReplayer.resume(event.machineVersion, toStored(fold.snapshot));
  const current = replayer.snapshot;
  // The sealed fields go last: a payload key can never stand in for who acted, when, or what was sent.
  const machineEvent = {
    ...(event.payload as object),
    type: event.type,
    actor: event.actor as Actor,
    at: event.at,
  } as ProposalEvent;
  if (!replayer.send(machineEvent)) {
    throw new Error(`machine v${event.machineVersion} refuses ${event.type} in ${String(current.value)}`);
  }
  return landed(foldOf(replayer), event);
}

function landed(fold: Fold, event: AuditedEvent): Fold {
  if (fold.snapshot.value !== event.state) {
    throw new Error(`${event.type} reaches ${String(fold.snapshot.value)} but the log says ${event.state}`);
  }
  return fold;
}

function resultOf(fold: Fold | null, seq: number): Omit<ReplayResult, 'failure'> {
  if (!fold) return { state: null, context: null, seq: 0, machineVersion: null };
  const stored = toStored(fold.snapshot);
  return { state: stored.value, context: stored.context, seq, machineVersion: fold.machineVersion };
}

function instant(iso: string): number {
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return parsed;
}
