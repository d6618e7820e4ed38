import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Clock, DomainError, SYSTEM_ACTOR } from '#kernel';
import { ESCALATION_ORDER, type EscalationLevel, type ProposalEventType } from '#workflows/proposal';
import { TIMER_LEVEL, type TimerKind } from '../deadline-timers.policy.js';
import { ProposalRepository, type ProposalWriteTx } from '../ports/proposal.repository.js';
import { DEADLINE_OPEN_STATES, isDeadlineOpen } from '../proposal-deadline.policy.js';
import type { ProposalRecord } from '../proposal.records.js';
import { ApplyProposalEventUseCase } from './apply-proposal-event.use-case.js';

export interface TimerFiring {
  proposalId: string;
  kind: TimerKind;
  /** The deadline the timer was armed for; a deadline that has moved since makes this firing stale. */
  dueAt: string;
}

/** What one firing did: the events it sent to its own proposal, and how much of its due instant it swept. */
export interface FiringOutcome {
  sent: ProposalEventType[];
  /** Events sent to the other proposals whose timer of this kind is due at the same instant. */
  swept: { proposals: number; events: number };
  /** Why the sweep failed, when it did: this job then fired its own proposal alone. */
  sweepError?: string;
}

const below = (current: EscalationLevel, level: EscalationLevel) => ESCALATION_ORDER.indexOf(current) < ESCALATION_ORDER.indexOf(level);

/** Proposals fired per transaction during a sweep: one lock and one commit for many events. */
const SWEEP_BATCH = 250;
/** How long a sweep may keep the event loop before letting it turn (BullMQ's job locks last 10 s). */
const SWEEP_TURN_MS = 1_000;
/** A finished sweep is remembered this long, so that the bucket's remaining jobs only check their own row. */
const SWEEP_MEMORY_MS = 60_000;

interface SweepInstant {
  kind: TimerKind;
  dueAt: string;
  /** Reminders only: the rule whose proposals share the moment; null for every rule. */
  rule: 'DX-4' | 'TH-5' | null;
}

interface Sweep {
  done: Promise<Map<string, ProposalEventType[]>>;
  finishedAt?: number;
}

/**
 * A timer job re-reads the deadline row before acting, so that a duplicate, late or stale firing changes
 * nothing and logs nothing. Events go through the same command path as a person's, as the `system` actor.
 *
 * Timers come in storms: every open proposal of a campaign shares its TH-5 deadline, so thousands of jobs
 * fall due in the same second. One job per proposal, each with its own transaction, spends most of its time
 * in the queue's round trips and the database's commits. So the first job of a due instant to run sweeps
 * the whole instant in a few large transactions (the rows are the truth; the jobs are only alarms); the
 * instant's other jobs, in this process, wait for that sweep and then find their own row done. A job in
 * another process may sweep the same instant at the same time: every proposal is re-read inside the
 * transaction that fires it, so the second sweep finds the work done, and a compare-and-set loser is left to
 * its own job.
 */
export class FireDeadlineTimerUseCase {
  private readonly sweeps = new Map<string, Sweep>();

  constructor(
    private readonly proposals: ProposalRepository,
    private readonly apply: ApplyProposalEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(firing: TimerFiring): Promise<FiringOutcome> {
    let swept = new Map<string, ProposalEventType[]>();
    let sweepError: string | undefined;
    try {
      const instant = await this.instantOf(firing);
      if (instant) swept = await this.sweepOnce(instant);
    } catch (error) {
      // One proposal the sweep cannot handle must not cost the others their timers, nor this job its own:
      // the sweep's transaction rolled back, and this job goes on alone (its result says why).
      sweepError = (error as Error).message;
    }
    const mine = swept.get(firing.proposalId);
    const others = [...swept].filter(([id]) => id !== firing.proposalId);
    const outcome = { proposals: others.length, events: others.reduce((n, [, sent]) => n + sent.length, 0) };
    // Not swept (already done, moved, or lost a race to a person's command): this job's own check decides.
    const sent = mine ?? (await this.fireOwn(firing));
    return sweepError === undefined ? { sent, swept: outcome } : { sent, swept: outcome, sweepError };
  }

  /**
   * Which proposals share this firing's moment. The deadline and the escalation timers of a deadline ending at
   * `dueAt` fire at the same moment whatever its rule; a reminder does not (DX-4: 3 days before, TH-5: 5
   * working days before), so a reminder sweeps only the proposals under its own proposal's rule.
   */
  private async instantOf(firing: TimerFiring): Promise<SweepInstant | null> {
    if (firing.kind !== 'reminder') return { kind: firing.kind, dueAt: firing.dueAt, rule: null };
    const own = await this.proposals.findById(firing.proposalId);
    if (own?.deadline?.dueAt !== firing.dueAt) return null;
    return { kind: firing.kind, dueAt: firing.dueAt, rule: own.deadline.rule };
  }

  /** Joins the sweep of this moment, or starts it; only the job that ran it gets its results. */
  private async sweepOnce(instant: SweepInstant): Promise<Map<string, ProposalEventType[]>> {
    const key = `${instant.kind}|${instant.rule ?? '*'}|${instant.dueAt}`;
    // Bookkeeping of this process's memory, not the domain's time: a monotonic clock, not the Clock port.
    const now = performance.now();
    for (const [k, sweep] of this.sweeps) {
      if (sweep.finishedAt !== undefined && now - sweep.finishedAt > SWEEP_MEMORY_MS) this.sweeps.delete(k);
    }
    const existing = this.sweeps.get(key);
    if (existing) {
      await existing.done.catch(() => undefined);
      return new Map();
    }
    const sweep: Sweep = { done: this.sweep(instant) };
    this.sweeps.set(key, sweep);
    try {
      return await sweep.done;
    } catch (error) {
      // The jobs fall back to firing one by one; the next job of the moment may try the sweep again.
      this.sweeps.delete(key);
      throw error;
    } finally {
      sweep.finishedAt = performance.now();
    }
  }

  private async sweep({ kind, dueAt, rule }: SweepInstant): Promise<Map<string, ProposalEventType[]>> {
    const sent = new Map<string, ProposalEventType[]>();
    const level = TIMER_LEVEL[kind];
    const pending = ESCALATION_ORDER.filter((current) => below(current, kind === 'escalation' ? TIMER_LEVEL.escalation : level));
    let ranSince = performance.now();
    for (let after = ''; ; ) {
      // On SQLite every await here settles at once: without a turn of the event loop now and then, a large
      // storm would hold up BullMQ's lock renewals (and, in one process, the API) until it ended. Not after
      // every batch, though: each turn lets the notices of the events just logged be composed, and the storm
      // measured a p99 of 2.2 s turn 3 s.
      if (performance.now() - ranSince > SWEEP_TURN_MS) {
        await yieldToEventLoop();
        ranSince = performance.now();
      }
      const ids = await this.proposals.dueAtInstant(dueAt, DEADLINE_OPEN_STATES, pending, after, SWEEP_BATCH, rule);
      if (ids.length === 0) return sent;
      await this.proposals.transaction(async (tx) => {
        for (const record of await tx.loadMany(ids)) {
          const events = await this.fireRecord(tx, record, { proposalId: record.id, kind, dueAt }).catch(skipConflict);
          if (events.length > 0) sent.set(record.id, events);
        }
      });
      after = ids[ids.length - 1];
    }
  }

  private async fireOwn(firing: TimerFiring): Promise<ProposalEventType[]> {
    // After a storm the instant's remaining jobs all find their work done: a plain read says so without
    // taking the write lock and committing an empty transaction.
    const seen = await this.proposals.findById(firing.proposalId);
    if (!seen || this.eventsDue(seen, firing).length === 0) return [];
    // Two timers of one proposal may fire together; the loser of the compare-and-set reads again and finds
    // the work done.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.proposals.transaction((tx) => this.fireWithin(tx, firing));
      } catch (error) {
        if (!isConflict(error) || attempt === 3) throw error;
      }
    }
  }

  private async fireWithin(tx: ProposalWriteTx, firing: TimerFiring): Promise<ProposalEventType[]> {
    const record = await tx.load(firing.proposalId);
    return record ? this.fireRecord(tx, record, firing) : [];
  }

  /** `record` must have been read inside `tx`, so that what it says still holds when the events are written. */
  private async fireRecord(tx: ProposalWriteTx, record: ProposalRecord, firing: TimerFiring): Promise<ProposalEventType[]> {
    const events = this.eventsDue(record, firing);
    for (const type of events) record = await this.apply.applyTo(tx, record, SYSTEM_ACTOR, { type });
    return events;
  }

  /** What the timer still has to say to this proposal as it is now: nothing, once it has been said. */
  private eventsDue(record: ProposalRecord, firing: TimerFiring): ProposalEventType[] {
    // A deadline already met (a unit's own award, submitted in time, waiting for its head) has nothing to say.
    if (!isDeadlineOpen(record) || record.deadline?.dueAt !== firing.dueAt) return [];
    const events: ProposalEventType[] = [];
    if (firing.kind === 'reminder') {
      // A reminder that arrives after the deadline has nothing left to remind of: the missed timer speaks.
      if (record.escalation === 'none' && this.clock.now().toISOString() < firing.dueAt) events.push('DEADLINE_REMINDER');
    } else {
      // An escalation that fires before the missed notice (both overdue at once) sends the missed one first.
      if (below(record.escalation, TIMER_LEVEL.missed)) events.push('DEADLINE_MISSED');
      if (firing.kind === 'escalation' && below(record.escalation, TIMER_LEVEL.escalation)) events.push('ESCALATE');
    }
    return events;
  }
}

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'VERSION_CONFLICT';

/** In a sweep, a proposal someone else changed first is left to its own job, which re-reads it. */
function skipConflict(error: unknown): ProposalEventType[] {
  if (isConflict(error)) return [];
  throw error;
}
