/** Every queue the system uses, in one place. */
export const QUEUES = {
  /** Committed domain events, relayed from the outbox after commit. */
  domainEvents: 'domain-events',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
