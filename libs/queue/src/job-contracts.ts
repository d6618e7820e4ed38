/**
 * The job contracts, and nothing that runs a queue: no bullmq, no Redis, no import at all. Producers that must
 * know no queue (the use cases of libs/proposals write outbox rows) type their messages against this file;
 * job-registry.ts adds the queues and options, the publisher and the processors the rest.
 */

/** Every job name with its payload type: producers and processors agree through this map. */
export interface JobRegistry {
  'proposal.created': { proposalId: string; seq: number; state: string; at: string };
  'proposal.transitioned': { proposalId: string; seq: number; type: string; from: string; to: string; at: string };
  'deadline.fire': { proposalId: string; kind: 'reminder' | 'missed' | 'escalation'; dueAt: string };
  /** Re-arm the timers of one campaign's open proposals, or of all open proposals when no campaign is named. */
  'deadlines.reconcile': { campaignId?: string; reason: string };
  /** One notice to one webhook or one e-mail address (a row of notice_deliveries). */
  'notice.webhook': { deliveryId: string };
  'notice.email': { deliveryId: string };
  /** Sign a checkpoint of the whole audit log and keep it. */
  'audit.checkpoint': { reason: string };
}

export type JobName = keyof JobRegistry;

/**
 * One message for a job of `K`, as the outbox stores it and the publisher adds it: a union with one member per
 * name, so that the topic decides the payload's type.
 */
export type JobMessage<K extends JobName = JobName> = { [N in K]: { topic: N; key: string; payload: JobRegistry[N] } }[K];

/**
 * The jobs that go through the outbox, written in the transaction of the change that asks for them. Timer
 * firings (`deadline.fire`, delayed) and checkpoints (`audit.checkpoint`, on a schedule) are added by the worker
 * itself and never do: the publisher adds jobs without a delay.
 */
export const OUTBOX_TOPICS = [
  'proposal.created',
  'proposal.transitioned',
  'deadlines.reconcile',
  'notice.webhook',
  'notice.email',
] as const satisfies readonly JobName[];

export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/** An outbox row as the outbox stores it: its topic, a key that makes its job ID, and the job's payload. */
export type OutboxJobMessage = JobMessage<OutboxTopic>;

/** For rows read back from the database, where a topic is a string until checked. */
export const isOutboxTopic = (topic: string): topic is OutboxTopic => (OUTBOX_TOPICS as readonly string[]).includes(topic);
