import type { DeadlineRuleId } from './proposals.js';

/** The committed timer events that make a notice. */
export type NoticeEventType = 'DEADLINE_REMINDER' | 'DEADLINE_MISSED' | 'ESCALATE';

/** A notice as one signed-in person sees it in the inbox (GET /api/notifications, POST …/:id/read). */
export interface InboxNoticeBody {
  id: string;
  proposalId: string;
  seq: number;
  event: NoticeEventType;
  unitId: string;
  nominee: string;
  rule: DeadlineRuleId | null;
  dueDate: string | null;
  dueAt: string | null;
  /** When the event was committed: the inbox is ordered by it. */
  at: string;
  createdAt: string;
  /** Vietnamese, what officials read; `titleEn` and `bodyEn` the same in English. */
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  read: boolean;
  readAt: string | null;
}

/** GET /api/notifications: a page of notices, and how many of the person's notices are unread in all. */
export interface InboxPageBody {
  items: InboxNoticeBody[];
  unread: number;
  nextCursor: string | null;
}

/** GET /api/notifications/unread-count. */
export interface UnreadCountBody {
  unread: number;
}

/** POST /api/notifications/read-all: how many notices this marked read, and what is still unread after it. */
export interface MarkAllReadBody extends UnreadCountBody {
  marked: number;
}

/**
 * The `data` of a `notice` message on GET /api/notifications/stream (server-sent events): enough for a bell and
 * a toast; the inbox holds the rest. The server may send more fields (whom the notice is for).
 */
export interface LiveNoticeBody {
  id: string;
  event: NoticeEventType;
  proposalId: string;
  unitId: string;
  nominee: string;
  title: string;
  titleEn: string;
  at: string;
}
