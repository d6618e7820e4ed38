import type { Audience, NoticeEventType } from '../notice.records.js';

/** What a live subscriber hears about a new notice: enough for a bell and a toast; the inbox holds the rest. */
export interface NoticeSignal {
  id: string;
  event: NoticeEventType;
  proposalId: string;
  unitId: string;
  nominee: string;
  title: string;
  titleEn: string;
  at: string;
  audiences: Audience[];
}

/**
 * Tells every running API process that a notice was stored, so that open consoles update at once. It is a
 * nudge, not a delivery: a signal lost while a console was disconnected is made good by the unread count
 * the console fetches again when it reconnects.
 */
export abstract class NoticeChannel {
  abstract publish(signal: NoticeSignal): Promise<void>;
  /** Calls `listener` for every signal published by any process until the returned function is called. */
  abstract subscribe(listener: (signal: NoticeSignal) => void): () => void;
}
