/** Every queue the system uses, in one place. */
export const QUEUES = {
  /** Committed domain events, relayed from the outbox after commit. */
  domainEvents: 'domain-events',
  /** Delayed deadline timers: reminder, missed, escalation (DX-4, TH-5). */
  deadlineTimers: 'deadline-timers',
  /** Re-arming timers: after a reschedule, a loaded calendar, and every minute against lost jobs. */
  deadlineMaintenance: 'deadline-maintenance',
  /** Notice deliveries over webhooks and e-mail, each retried with backoff until accepted or dead-lettered. */
  noticeDeliveries: 'notice-deliveries',
  /** Signed checkpoints of the audit log, on a schedule (AUDIT_CHECKPOINT_EVERY_MS). */
  auditCheckpoints: 'audit-checkpoints',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
