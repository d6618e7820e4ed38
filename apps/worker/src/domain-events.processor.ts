import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ComposeNoticeUseCase } from '#notifications';
import { QUEUES, type JobRegistry } from '#queue';
import { TIMER_EVENT_TYPES } from '#workflows/proposal';
import { DeadlineTimerScheduler } from './deadlines/deadline-timer.scheduler.js';
import { dispatchJob, HandlesJob, JobProcessor } from './job-handlers.js';
import { QuietWorkerHost } from './quiet-worker-host.js';

/**
 * Consumes committed domain events: after any change to a proposal its deadline timers are armed, or dropped
 * when it has left the stages its deadline guards. A committed timer event also makes its notice (once,
 * however often this job runs).
 */
@JobProcessor(QUEUES.domainEvents)
export class DomainEventsProcessor extends QuietWorkerHost {
  constructor(
    @Inject(DeadlineTimerScheduler) private readonly timers: DeadlineTimerScheduler,
    @Inject(ComposeNoticeUseCase) private readonly notices: ComposeNoticeUseCase,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('proposal.created')
  async created(job: Job<JobRegistry['proposal.created']>): Promise<{ handled: string }> {
    await this.timers.sync(job.data.proposalId);
    return { handled: job.name };
  }

  @HandlesJob('proposal.transitioned')
  async transitioned(job: Job<JobRegistry['proposal.transitioned']>): Promise<{ handled: string }> {
    // A timer's own event changes neither the deadline nor the stage: its sibling timers are already armed.
    const fromTimer = (TIMER_EVENT_TYPES as readonly string[]).includes(job.data.type);
    if (!fromTimer) await this.timers.sync(job.data.proposalId);
    await this.notices.execute(job.data);
    return { handled: job.name };
  }
}
