import type { OutboxMessage, Page } from '#proposals';
import type { Audience, DeliveryRecord, InboxItem, NoticeRecord } from '../notice.records.js';

export abstract class NoticeRepository {
  abstract exists(key: string): Promise<boolean>;
  /**
   * Writes the notice, its audiences (the inbox deliveries), its other deliveries and the outbox messages
   * that will queue them, in one transaction. False, writing nothing, when a notice with the key exists.
   */
  abstract store(notice: NoticeRecord, deliveries: DeliveryRecord[], outbox: OutboxMessage[]): Promise<boolean>;
  abstract findById(id: string): Promise<NoticeRecord | null>;
  /** Notices addressed to any of `audiences`, newest first, each with `userId`'s read state. */
  abstract inbox(audiences: Audience[], userId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>>;
  abstract unreadCount(audiences: Audience[], userId: string): Promise<number>;
  /** Marks the notice read for `userId` (the first time counts); null when none of `audiences` may see it. */
  abstract markRead(noticeId: string, audiences: Audience[], userId: string, at: string): Promise<InboxItem | null>;
  /** Marks every notice visible to these audiences read for this person; returns how many it marked. */
  abstract markAllRead(audiences: Audience[], userId: string, at: string): Promise<number>;
}
