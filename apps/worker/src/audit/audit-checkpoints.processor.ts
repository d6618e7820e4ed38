import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditCheckpoints } from '#audit';
import { QUEUES, WORKER_OPTIONS, type JobRegistry } from '#queue';
import { dispatchJob, HandlesJob, JobProcessor } from '../job-handlers.js';
import { QuietWorkerHost } from '../quiet-worker-host.js';

/** Signs and keeps a checkpoint of the whole log; the result names it, for the queue board. */
@JobProcessor(QUEUES.auditCheckpoints, WORKER_OPTIONS.auditCheckpoints)
export class AuditCheckpointsProcessor extends QuietWorkerHost {
  constructor(@Inject(AuditCheckpoints) private readonly checkpoints: AuditCheckpoints) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('audit.checkpoint')
  async checkpoint(job: Job<JobRegistry['audit.checkpoint']>) {
    const { checkpoint } = await this.checkpoints.create({ keepHeads: false });
    this.logger.log(`${job.data.reason}: checkpoint ${checkpoint.id} signs ${checkpoint.events} events of ${checkpoint.proposals} proposals`);
    return { id: checkpoint.id, upTo: checkpoint.upTo, events: checkpoint.events, merkleRoot: checkpoint.merkleRoot };
  }
}
