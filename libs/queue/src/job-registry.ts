import type { JobsOptions } from 'bullmq';
import type { JobName, JobRegistry } from './job-contracts.js';
import { QUEUES, type QueueName } from './queue-names.js';

/** The queue of every job name (JobRegistry, in job-contracts.ts, gives its payload). */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  'proposal.created': QUEUES.domainEvents,
  'proposal.transitioned': QUEUES.domainEvents,
  'deadline.fire': QUEUES.deadlineTimers,
  'deadlines.reconcile': QUEUES.deadlineMaintenance,
  'notice.webhook': QUEUES.noticeDeliveries,
  'notice.email': QUEUES.noticeDeliveries,
  'audit.checkpoint': QUEUES.auditCheckpoints,
};

/** Job options are decided here and nowhere else. */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  'proposal.created': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
  'proposal.transitioned': { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
  // Kept a day after completion, for the queue board and for tests to read what a firing sent. The
  // reconciler arms only timers the proposal still needs, and replaces a finished job that it still needs.
  'deadline.fire': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 86_400 },
    removeOnFail: { age: 30 * 86_400 },
  },
  'deadlines.reconcile': { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 1000 },
  // The failure of the last attempt dead-letters the delivery (its row says so; the failed job stays a month).
  // The base delay is DELIVERY_BACKOFF_MS, through jobOptionsFor: 5 s gives 5, 10, 20 … 320 s between attempts.
  'notice.webhook': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 7 * 86_400 },
    removeOnFail: { age: 30 * 86_400 },
  },
  'notice.email': {
    attempts: 6,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 7 * 86_400 },
    removeOnFail: { age: 30 * 86_400 },
  },
  // A missed checkpoint is worth a few retries, then a failed job on the board for an operator to see.
  'audit.checkpoint': { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 100, removeOnFail: 100 },
};

/** What configuration may change in JOB_OPTIONS; nothing else does. */
export interface JobTuning {
  /** DELIVERY_BACKOFF_MS: the base delay of notice deliveries' exponential backoff. */
  deliveryBackoffMs?: number;
}

/** The options a job is added with: JOB_OPTIONS, with the configured tuning applied. */
export function jobOptionsFor(name: JobName, tuning: JobTuning = {}): JobsOptions {
  const options = JOB_OPTIONS[name];
  if ((name === 'notice.webhook' || name === 'notice.email') && tuning.deliveryBackoffMs !== undefined) {
    return { ...options, backoff: { type: 'exponential', delay: tuning.deliveryBackoffMs } };
  }
  return options;
}

/** A timer's job ID names its proposal, kind and the deadline it was armed for: a moved deadline gets new jobs. */
export const timerJobId = (firing: JobRegistry['deadline.fire']) =>
  jobIdFor('deadline.fire', `${firing.kind}.${firing.proposalId}.${firing.dueAt.replace(/[^0-9]/g, '')}`);

/**
 * Deterministic job IDs make a relayed message idempotent: relaying it twice (a crash between adding the job
 * and marking the row) adds one job. BullMQ reserves ':' in custom IDs.
 */
export const jobIdFor = (name: JobName, key: string) => `${name}.${key}`.replace(/:/g, '.');

/**
 * Worker settings per queue, decided here next to the job options. Timer jobs are short: a 10 s lock and a
 * 5 s stalled check bring a job back within seconds when its worker is killed (BullMQ's defaults: 30 s each),
 * and several run at once so that a storm of deadlines due together is not handled one by one.
 */
export const WORKER_OPTIONS = {
  deadlineTimers: { concurrency: 16, lockDuration: 10_000, stalledInterval: 5_000 },
  deadlineMaintenance: { concurrency: 1, lockDuration: 60_000, stalledInterval: 30_000 },
  // A checkpoint walks the whole log (seconds per million events): one at a time, with room for a long walk.
  auditCheckpoints: { concurrency: 1, lockDuration: 120_000, stalledInterval: 60_000 },
} as const;
