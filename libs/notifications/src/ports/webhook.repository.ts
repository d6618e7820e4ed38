import type { NoticeEventType, WebhookRecord } from '../notice.records.js';

export abstract class WebhookRepository {
  abstract create(webhook: WebhookRecord): Promise<void>;
  abstract findById(id: string): Promise<WebhookRecord | null>;
  abstract list(): Promise<WebhookRecord[]>;
  /** The enabled webhooks that asked for this event. */
  abstract subscribedTo(event: NoticeEventType): Promise<WebhookRecord[]>;
  /** Marks it disabled (once: a second call changes nothing); false when there is no such webhook. */
  abstract disable(id: string, by: string, at: string): Promise<boolean>;
}
