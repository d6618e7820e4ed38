import { QuietWorkerHost } from '../quiet-worker-host.js';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, WORKER_OPTIONS, type JobRegistry } from '#queue';
import { dispatchJob, HandlesJob, JobProcessor } from '../job-handlers.js';
import { DeadlineTimerScheduler } from './deadline-timer.scheduler.js';

/** Re-arms timers: every minute (job scheduler), after a ceremony moved, after an official calendar loaded. */
@JobProcessor(QUEUES.deadlineMaintenance, WORKER_OPTIONS.deadlineMaintenance)
export class DeadlineMaintenanceProcessor extends QuietWorkerHost {

  constructor(@Inject(DeadlineTimerScheduler) private readonly scheduler: DeadlineTimerScheduler) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('deadlines.reconcile')
  async reconcile(job: Job<JobRegistry['deadlines.reconcile']>) {
    const result = await this.scheduler.reconcile(job.data.campaignId);
    if (result.armed > 0) this.logger.log(`${job.data.reason ?? 'reconcile'}: armed ${result.armed} timer jobs (${result.examined} open deadlines)`);
    return result;
  }
}
