import { eventHash } from '#audit';
import { Clock, DomainError, type Actor } from '#kernel';
import {
  acceptedEventTypes,
  allowedEventTypes,
  restore,
  step,
  toStored,
  TIMER_EVENT_TYPES,
  type ProposalEvent,
  type ProposalEventType,
} from '#workflows/proposal';
import { oncePerKey, type IdempotencyToken } from '../idempotency.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { assertCanSeeUnit } from '../proposal-access.policy.js';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';
import { toProposalView, type ProposalView } from '../proposal.view.js';

/** An event as a caller sends it: the type and its inputs. Who and when are added here, never by the caller. */
export type EventRequest = { type: ProposalEventType } & Record<string, unknown>;

export interface ApplyEventOptions {
  /** The version the caller last saw (If-Match); a different current version is a conflict. */
  expectedVersion?: number;
  idempotency?: IdempotencyToken;
}

/**
 * How a command runs (DESIGN.md): load, `transition`, then in one transaction the chained event, the
 * compare-and-set of the snapshot and the outbox rows. A lost race is a VERSION_CONFLICT, never an overwrite.
 */
export class ApplyProposalEventUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly clock: Clock,
  ) {}

  async execute(proposalId: string, actor: Actor, request: EventRequest, options: ApplyEventOptions = {}) {
    return this.proposals.transaction(async (tx) => {
      const current = await tx.load(proposalId);
      if (!current) throw new DomainError('NOT_FOUND', `Proposal ${proposalId} does not exist`, { id: proposalId });
      assertCanSeeUnit(actor, current.unitId);

      return oncePerKey(tx, actor.id, options.idempotency, 200, async (): Promise<ProposalView> => {
        if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
          throw conflict(current);
        }
        const { next, event } = this.decide(current, actor, request);
        const stored = toStored(next);
        const { actor: _actor, at, type, ...payload } = event;
        const body = {
          proposalId,
          seq: current.lastSeq + 1,
          type,
          actor,
          at,
          payload,
          machineVersion: current.machineVersion,
          state: stored.value,
        };
        const logged: LoggedEvent = { ...body, prevHash: current.lastHash, hash: eventHash(current.lastHash, body) };
        const updated: ProposalRecord = {
          ...current,
          awardForm: stored.context.awardForm,
          state: stored.value,
          snapshot: stored,
          version: current.version + 1,
          escalation: stored.context.escalation,
          lastSeq: logged.seq,
          lastHash: logged.hash,
          updatedAt: at,
        };
        const won = await tx.advance(updated, current.version, logged, [
          {
            topic: 'proposal.transitioned',
            key: `${proposalId}:${logged.seq}`,
            payload: { proposalId, seq: logged.seq, type, from: current.state, to: stored.value, at },
          },
        ]);
        if (!won) throw conflict(current);
        return toProposalView(updated, actor);
      });
    });
  }

  private decide(current: ProposalRecord, actor: Actor, request: EventRequest) {
    const snapshot = restore(current.machineVersion, current.snapshot);
    const event = { ...request, actor, at: this.clock.now().toISOString() } as ProposalEvent;
    const isTimer = (TIMER_EVENT_TYPES as readonly string[]).includes(request.type);
    const personAsksForTimer = isTimer && !actor.roles.includes('system');
    if (!acceptedEventTypes(snapshot).includes(request.type) || personAsksForTimer) {
      throw new DomainError('INVALID_TRANSITION', `${request.type} is not possible while the proposal is in ${current.state}`, {
        state: current.state,
        allowed: allowedEventTypes(snapshot, actor),
      });
    }
    if (!snapshot.can(event)) {
      throw new DomainError('FORBIDDEN', `Your roles do not allow ${request.type} in ${current.state}`, {
        state: current.state,
        allowed: allowedEventTypes(snapshot, actor),
      });
    }
    return { next: step(current.machineVersion, snapshot, event).next, event };
  }
}

const conflict = (current: ProposalRecord) =>
  new DomainError('VERSION_CONFLICT', 'Someone acted on this proposal first; reload it and try again', {
    currentVersion: current.version,
  });
