import { Clock, DomainError, type Actor } from '#kernel';
import { audiencesOf } from '../audiences.policy.js';
import type { InboxItem } from '../notice.records.js';
import { NoticeRepository } from '../ports/notice.repository.js';

export interface InboxPage {
  items: InboxItem[];
  /** Unread notices of this user in all, not only on this page. */
  unread: number;
  nextCursor: string | null;
}

/**
 * The in-app inbox: the notices addressed to one of the caller's roles (for drafter and unit head, of their
 * unit), newest first. Read state belongs to the person (the token's `sub`), not to the role.
 */
export class InboxQueries {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: { cursor?: string; limit?: number } = {}): Promise<InboxPage> {
    const audiences = audiencesOf(actor);
    const [page, unread] = await Promise.all([
      this.notices.inbox(audiences, actor.id, query.cursor ?? null, query.limit ?? 50),
      this.notices.unreadCount(audiences, actor.id),
    ]);
    return { items: page.items, unread, nextCursor: page.nextCursor };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.notices.unreadCount(audiencesOf(actor), actor.id) };
  }

  /** "Đánh dấu tất cả là đã đọc": every notice the caller can see, read now; what is still unread after. */
  async markAllRead(actor: Actor): Promise<{ marked: number; unread: number }> {
    const audiences = audiencesOf(actor);
    const marked = await this.notices.markAllRead(audiences, actor.id, this.clock.now().toISOString());
    return { marked, unread: await this.notices.unreadCount(audiences, actor.id) };
  }

  async markRead(actor: Actor, noticeId: string): Promise<InboxItem> {
    const item = await this.notices.markRead(noticeId, audiencesOf(actor), actor.id, this.clock.now().toISOString());
    // A notice for someone else is reported as absent: its existence is not the caller's business.
    if (!item) throw new DomainError('NOT_FOUND', `Notice ${noticeId} does not exist`, { id: noticeId });
    return item;
  }
}
