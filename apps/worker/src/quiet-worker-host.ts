import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';

/**
 * A BullMQ worker emits 'error' when Redis loses a job under it (a flush, a failover); unheard, Node prints
 * it as an unhandled error. The job comes back through the reconciler or the stalled check, so a warning
 * is enough.
 */
export abstract class QuietWorkerHost extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`Queue worker error (the job will be retried or re-armed): ${error.message}`);
  }
}
