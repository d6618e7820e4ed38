import { Processor } from '@nestjs/bullmq';
import { QuietWorkerHost } from './quiet-worker-host.js';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ComposeNoticeUseCase } from '#notifications';
import { QUEUES, type JobRegistry } from '#queue';
import { DeadlineTimerScheduler } from './deadlines/deadline-timer.scheduler.js';

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
    await this.timers.sync(job.data.proposalId);
    if (job.name === 'proposal.transitioned') await this.notices.execute(job.data as JobRegistry['proposal.transitioned']);
    return { handled: job.name };
  }
}
