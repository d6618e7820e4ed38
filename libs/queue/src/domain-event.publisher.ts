import { Queue } from 'bullmq';
import { bullConnection } from './redis-connection.js';
import { JOB_QUEUE, jobIdFor, jobOptionsFor, type JobName, type JobRegistry, type JobTuning } from './job-registry.js';
import type { QueueName } from './queue-names.js';

export interface PublishableMessage {
  topic: string;
  key: string;
  payload: Record<string, unknown>;
}

/** Puts committed outbox messages on their queues, with the IDs and options the registry decides. */
export class DomainEventPublisher {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly tuning: JobTuning = {},
  ) {}

  async publish(messages: PublishableMessage[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: JobName; data: JobRegistry[JobName]; opts: object }[]>();
    for (const message of messages) {
      const name = message.topic as JobName;
      const queue = JOB_QUEUE[name];
      if (!queue) throw new Error(`Outbox topic ${message.topic} has no queue in the job registry`);
      const jobs = byQueue.get(queue) ?? [];
      jobs.push({
        name,
        data: message.payload as unknown as JobRegistry[JobName],
        opts: { ...jobOptionsFor(name, this.tuning), jobId: jobIdFor(name, message.key) },
      });
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
