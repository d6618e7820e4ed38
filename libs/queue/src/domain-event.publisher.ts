import { Queue, type JobsOptions } from 'bullmq';
import { bullConnection } from './redis-connection.js';
import type { JobMessage, JobName, JobRegistry } from './job-contracts.js';
import { JOB_QUEUE, jobIdFor, jobOptionsFor, type JobTuning } from './job-registry.js';
import type { QueueName } from './queue-names.js';

/** A message to publish: its topic is a job name of the registry, and its payload that job's payload. */
export type PublishableMessage = JobMessage;

/** Puts committed outbox messages on their queues, with the IDs and options the registry decides. */
export class DomainEventPublisher {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly tuning: JobTuning = {},
  ) {}

  async publish(messages: readonly PublishableMessage[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: JobName; data: JobRegistry[JobName]; opts: JobsOptions }[]>();
    for (const { topic: name, key, payload } of messages) {
      const queue = JOB_QUEUE[name];
      // Unreachable for typed messages (the outbox store checks the topics it reads back); kept as the last word.
      if (!queue) throw new Error(`Outbox topic ${name} has no queue in the job registry`);
      const jobs = byQueue.get(queue) ?? [];
      jobs.push({ name, data: payload, opts: { ...jobOptionsFor(name, this.tuning), jobId: jobIdFor(name, key) } });
      byQueue.set(queue, jobs);
    }
    for (const [queue, jobs] of byQueue) await this.queue(queue).addBulk(jobs);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: bullConnection(this.redisUrl), prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
