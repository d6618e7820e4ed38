import type { JobsOptions } from 'bullmq';
import { QUEUES, type QueueName } from './queue-names.js';

/** Every job name with its payload type and its queue: producers and processors agree through this map. */
export interface JobRegistry {
  'proposal.created': { proposalId: string; seq: number; state: string; at: string };
  'proposal.transitioned': { proposalId: string; seq: number; type: string; from: string; to: string; at: string };
}

export type JobName = keyof JobRegistry;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'proposal.created': QUEUES.domainEvents,
  'proposal.transitioned': QUEUES.domainEvents,
};

/** Job options are decided here and nowhere else. */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  'proposal.created': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
  'proposal.transitioned': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
};

export const isJobName = (topic: string): topic is JobName => topic in JOB_QUEUE;

/**
 * Deterministic job IDs make a relayed message idempotent: relaying it twice (a crash between adding the job
 * and marking the row) adds one job. BullMQ reserves ':' in custom IDs.
 */
export const jobIdFor = (name: JobName, key: string) => `${name}.${key}`.replace(/:/g, '.');
