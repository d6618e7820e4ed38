import type { Actor } from '#kernel';
import { audienceLabel, audiencesOf } from '../audiences.policy.js';
import type { NoticeRecord } from '../notice.records.js';
import { NoticeChannel, type NoticeSignal } from '../ports/notice-channel.js';

export const signalOf = (notice: NoticeRecord): NoticeSignal => ({
  id: notice.id,
  event: notice.event,
  proposalId: notice.proposalId,
  unitId: notice.unitId,
  nominee: notice.nominee,
  title: notice.title,
  titleEn: notice.titleEn,
  at: notice.at,
  audiences: notice.audiences,
});

/** What one signed-in person is told live: the notices addressed to one of their audiences, as the inbox counts them. */
export class LiveNotices {
  constructor(private readonly channel: NoticeChannel) {}

  follow(actor: Actor, listener: (signal: Omit<NoticeSignal, 'audiences'>) => void): () => void {
    const mine = new Set(audiencesOf(actor).map(audienceLabel));
    if (mine.size === 0) return () => undefined;
    return this.channel.subscribe(({ audiences, ...signal }) => {
      if (audiences.some((audience) => mine.has(audienceLabel(audience)))) listener(signal);
    });
  }
}
