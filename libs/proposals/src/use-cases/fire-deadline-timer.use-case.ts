import { Clock, DomainError, SYSTEM_ACTOR } from '#kernel';
import { ESCALATION_ORDER, type EscalationLevel, type ProposalEventType } from '#workflows/proposal';
import { TIMER_LEVEL, type TimerKind } from '../deadline-timers.policy.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { DEADLINE_OPEN_STATES } from '../proposal-deadline.policy.js';
import { ApplyProposalEventUseCase } from './apply-proposal-event.use-case.js';

export interface TimerFiring {
  proposalId: string;
  kind: TimerKind;
  /** The deadline the timer was armed for; a deadline that has moved since makes this firing stale. */
  dueAt: string;
}

const below = (current: EscalationLevel, level: EscalationLevel) => ESCALATION_ORDER.indexOf(current) < ESCALATION_ORDER.indexOf(level);

/**
 * A timer job re-reads the deadline row before acting, so that a duplicate, late or stale firing changes
 * nothing and logs nothing. Events go through the same command path as a person's, as the `system` actor.
 */
export class FireDeadlineTimerUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly apply: ApplyProposalEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(firing: TimerFiring): Promise<ProposalEventType[]> {
    // Two timers of one proposal may fire together; the loser of the compare-and-set reads again and finds
    // the work done.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fireOnce(firing);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'VERSION_CONFLICT') || attempt === 3) throw error;
      }
    }
  }

  private async fireOnce(firing: TimerFiring): Promise<ProposalEventType[]> {
    const record = await this.proposals.findById(firing.proposalId);
    if (!record || !DEADLINE_OPEN_STATES.includes(record.state) || record.deadline?.dueAt !== firing.dueAt) return [];

    const events: ProposalEventType[] = [];
    if (firing.kind === 'reminder') {
      // A reminder that arrives after the deadline has nothing left to remind of: the missed timer speaks.
      if (record.escalation === 'none' && this.clock.now().toISOString() < firing.dueAt) events.push('DEADLINE_REMINDER');
    } else {
      // An escalation that fires before the missed notice (both overdue at once) sends the missed one first.
      if (below(record.escalation, TIMER_LEVEL.missed)) events.push('DEADLINE_MISSED');
      if (firing.kind === 'escalation' && below(record.escalation, TIMER_LEVEL.escalation)) events.push('ESCALATE');
    }
    let version = record.version;
    for (const type of events) {
      version = (await this.apply.execute(record.id, SYSTEM_ACTOR, { type }, { expectedVersion: version })).body.version;
    }
    return events;
  }
}
