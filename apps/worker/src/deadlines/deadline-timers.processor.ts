import { QuietWorkerHost } from '../quiet-worker-host.js';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { FireDeadlineTimerUseCase, type FiringOutcome } from '#proposals';
import { QUEUES, WORKER_OPTIONS, type JobRegistry } from '#queue';
import { dispatchJob, HandlesJob, JobProcessor } from '../job-handlers.js';

/** Fires a deadline timer; the use case decides whether there is anything left to do. */
@JobProcessor(QUEUES.deadlineTimers, WORKER_OPTIONS.deadlineTimers)
export class DeadlineTimersProcessor extends QuietWorkerHost {
  constructor(@Inject(FireDeadlineTimerUseCase) private readonly fire: FireDeadlineTimerUseCase) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('deadline.fire')
  fireTimer(job: Job<JobRegistry['deadline.fire']>): Promise<FiringOutcome> {
    return this.fire.execute(job.data);
  }
}
