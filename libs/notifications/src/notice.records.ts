import type { Role } from '#kernel';

/** The committed events that produce a notice: the deadline timers' events, sent by the worker as `system`. */
export const NOTICE_EVENT_TYPES = ['DEADLINE_REMINDER', 'DEADLINE_MISSED', 'ESCALATE'] as const;
export type NoticeEventType = (typeof NOTICE_EVENT_TYPES)[number];

export const isNoticeEvent = (type: string): type is NoticeEventType => (NOTICE_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Who a notice is for. There is no user directory: a notice names roles (of one unit, for the unit roles),
 * and whoever signs in with a matching role sees it.
 */
export interface Audience {
  role: Role;
  /** The unit, for drafter and unit_head; null for the provincial roles. */
  unitId: string | null;
}

/** The same text in Vietnamese (what officials read) and English. */
export interface NoticeText {
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
}

/** One notice: one committed timer event of one proposal, addressed to its audiences. */
export interface NoticeRecord extends NoticeText {
  id: string;
  /** `${proposalId}:${seq}`: a committed event makes at most one notice, however often its job runs. */
  key: string;
  proposalId: string;
  seq: number;
  event: NoticeEventType;
  unitId: string;
  nominee: string;
  rule: 'DX-4' | 'TH-5' | null;
  dueDate: string | null;
  dueAt: string | null;
  /** When the event was committed (ISO-8601 UTC): the inbox is ordered by it. */
  at: string;
  audiences: Audience[];
  createdAt: string;
}

/** A notice as one signed-in user sees it in the inbox. */
export interface InboxItem extends Omit<NoticeRecord, 'key' | 'audiences'> {
  read: boolean;
  readAt: string | null;
}

export type DeliveryChannel = 'webhook' | 'email';

/** pending until accepted (`delivered`) or until the last attempt failed (`dead`: the dead-letter state). */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One notice to one recipient over one channel; its key is unique, so a retry cannot make a second one. */
export interface DeliveryRecord {
  id: string;
  /** `${proposalId}:${seq}:${channel}:${webhookId | address}` */
  key: string;
  noticeId: string;
  channel: DeliveryChannel;
  webhookId: string | null;
  recipient: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

/** One try of a delivery, as the delivery log shows it. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status (webhooks); null when no answer came or for e-mail. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  outcome: 'delivered' | 'retry' | 'dead';
}

export interface WebhookRecord {
  id: string;
  url: string;
  events: NoticeEventType[];
  /** Kept to sign each body; never shown again after registration. */
  secret: string;
  createdBy: string;
  createdAt: string;
  /** Set when an administrator took it down: no new notice goes to it; its log stays. */
  disabledAt: string | null;
  disabledBy: string | null;
}

export type WebhookView = Omit<WebhookRecord, 'secret'>;
