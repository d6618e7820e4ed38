import type { DeliveryAttempt, DeliveryRecord, DeliveryStatus, NoticeEventType } from '../notice.records.js';

/** A delivery as the webhook's delivery log lists it: what was sent and every attempt. */
export interface DeliveryLogEntry extends DeliveryRecord {
  proposalId: string;
  event: NoticeEventType;
  log: DeliveryAttempt[];
}

export abstract class DeliveryRepository {
  abstract findById(id: string): Promise<DeliveryRecord | null>;
  /**
   * Appends the attempt to the log and moves a pending delivery to what the attempt decided, in one
   * transaction. Returns the delivery's status afterwards.
   */
  abstract recordAttempt(deliveryId: string, attempt: DeliveryAttempt): Promise<DeliveryStatus | null>;
  /** A webhook's deliveries, newest first, each with its attempts in order. */
  abstract forWebhook(webhookId: string, limit: number): Promise<DeliveryLogEntry[]>;
}
