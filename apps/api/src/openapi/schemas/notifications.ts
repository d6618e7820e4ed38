import { ApiProperty } from '@nestjs/swagger';
import type { DeadlineRuleId, InboxNoticeBody, InboxPageBody, LiveNoticeBody, MarkAllReadBody, NoticeEventType, UnreadCountBody } from '#contracts';
import type { Holds, SameFields } from '../contract-check.js';
import { DEADLINE_RULE_IDS, NOTICE_EVENTS } from '../enums.js';

/** A notice as one signed-in person sees it in the inbox. */
export class InboxNoticeResponse implements InboxNoticeBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ type: 'integer', description: 'The committed event of the proposal that made the notice' })
  seq!: number;

  @ApiProperty({ enum: NOTICE_EVENTS })
  event!: NoticeEventType;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  nominee!: string;

  @ApiProperty({ enum: DEADLINE_RULE_IDS, nullable: true })
  rule!: DeadlineRuleId | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the event was committed: the inbox is ordered by it' })
  at!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'Vietnamese' })
  title!: string;

  @ApiProperty({ description: 'Vietnamese' })
  body!: string;

  @ApiProperty()
  titleEn!: string;

  @ApiProperty()
  bodyEn!: string;

  @ApiProperty({ description: 'Read by you (read state is per person)' })
  read!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class InboxPageResponse implements InboxPageBody {
  @ApiProperty({ type: [InboxNoticeResponse] })
  items!: InboxNoticeResponse[];

  @ApiProperty({ type: 'integer', description: 'Your unread notices in all, not only on this page' })
  unread!: number;

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class UnreadCountResponse implements UnreadCountBody {
  @ApiProperty({ type: 'integer' })
  unread!: number;
}

export class MarkAllReadResponse implements MarkAllReadBody {
  @ApiProperty({ type: 'integer', description: 'Notices this request marked read for you' })
  marked!: number;

  @ApiProperty({ type: 'integer', description: 'Your unread notices after it (one that arrived meanwhile stays unread)' })
  unread!: number;
}

/** The `data` of a `notice` message on the event stream: enough for a bell and a toast. */
export class LiveNoticeResponse implements LiveNoticeBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTICE_EVENTS })
  event!: NoticeEventType;

  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  nominee!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  titleEn!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export type NotificationsMirror = [
  Holds<SameFields<InboxNoticeResponse, InboxNoticeBody>>,
  Holds<SameFields<InboxPageResponse, InboxPageBody>>,
  Holds<SameFields<UnreadCountResponse, UnreadCountBody>>,
  Holds<SameFields<MarkAllReadResponse, MarkAllReadBody>>,
  Holds<SameFields<LiveNoticeResponse, LiveNoticeBody>>,
];
