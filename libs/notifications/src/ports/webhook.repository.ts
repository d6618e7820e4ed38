import type { NoticeEventType, WebhookRecord } from '../notice.records.js';

export abstract class WebhookRepository {
  abstract create(webhook: WebhookRecord): Promise<void>;
  abstract findById(id: string): Promise<WebhookRecord | null>;
  abstract list(): Promise<WebhookRecord[]>;
  /** The webhooks that asked for this event. */
  abstract subscribedTo(event: NoticeEventType): Promise<WebhookRecord[]>;
}
