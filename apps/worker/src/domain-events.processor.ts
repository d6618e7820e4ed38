import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ComposeNoticeUseCase } from '#notifications';
import { QUEUES, type JobRegistry } from '#queue';
import { TIMER_EVENT_TYPES } from '#workflows/proposal';
import { DeadlineTimerScheduler } from './deadlines/deadline-timer.scheduler.js';
import { QuietWorkerHost } from './quiet-worker-host.js';

type DomainEventJob = Job<JobRegistry['proposal.created'] | JobRegistry['proposal.transitioned'], unknown, 'proposal.created' | 'proposal.transitioned'>;

/**
 * Consumes committed domain events: after any change to a proposal its deadline timers are armed, or dropped
 * when it has left the stages its deadline guards. A committed timer event also makes its notice (once,
 * however often this job runs).
 */
@Processor(QUEUES.domainEvents)
export class DomainEventsProcessor extends QuietWorkerHost {
  constructor(
    @Inject(DeadlineTimerScheduler) private readonly timers: DeadlineTimerScheduler,
    @Inject(ComposeNoticeUseCase) private readonly notices: ComposeNoticeUseCase,
  ) {
    super();
  }

  async process(job: DomainEventJob): Promise<{ handled: string }> {
    // A timer's own event changes neither the deadline nor the stage: its sibling timers are already armed.
    const fromTimer = (TIMER_EVENT_TYPES as readonly string[]).includes((job.data as { type?: string }).type ?? '');
    if (!fromTimer) await this.timers.sync(job.data.proposalId);
    if (job.name === 'proposal.transitioned') await this.notices.execute(job.data as JobRegistry['proposal.transitioned']);
    return { handled: job.name };
  }
}
