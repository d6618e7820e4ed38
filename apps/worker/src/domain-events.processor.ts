import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QUEUES, type JobName, type JobRegistry } from '#queue';

/**
 * Consumes committed domain events. Today it only acknowledges them; notices and deadline timers subscribe
 * here as they arrive, each as its own handler.
 */
@Processor(QUEUES.domainEvents)
export class DomainEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(DomainEventsProcessor.name);

  async process(job: Job<JobRegistry[JobName], unknown, JobName>): Promise<{ handled: JobName }> {
    this.logger.debug(`${job.name} ${JSON.stringify(job.data)}`);
    return { handled: job.name };
  }
}
