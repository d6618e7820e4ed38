import { ApiProperty } from '@nestjs/swagger';
import type { ItemsBody, NoticeEventType } from '#contracts';
import type { DeliveryAttempt, DeliveryChannel, DeliveryLogEntry, DeliveryStatus, WebhookView } from '#notifications';
import type { Holds, SameFields } from '../contract-check.js';
import { ATTEMPT_OUTCOMES, DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTICE_EVENTS } from '../enums.js';

/** A registered webhook; its secret is never shown after registration. */
export class WebhookResponse implements WebhookView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.example.vn/khen-thuong' })
  url!: string;

  @ApiProperty({ enum: NOTICE_EVENTS, isArray: true })
  events!: NoticeEventType[];

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set once taken down: nothing more is sent to it' })
  disabledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  disabledBy!: string | null;
}

export class WebhookListResponse implements ItemsBody<WebhookView> {
  @ApiProperty({ type: [WebhookResponse] })
  items!: WebhookResponse[];
}

export class DeliveryAttemptResponse implements DeliveryAttempt {
  @ApiProperty({ type: 'integer' })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's HTTP status; null when no answer came" })
  statusCode!: number | null;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;

  @ApiProperty({ type: 'integer' })
  durationMs!: number;

  @ApiProperty({ enum: ATTEMPT_OUTCOMES })
  outcome!: DeliveryAttempt['outcome'];
}

/** One notice delivered (or not) to the webhook: its state and every attempt. */
export class DeliveryLogEntryResponse implements DeliveryLogEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  key!: string;

  @ApiProperty({ format: 'uuid' })
  noticeId!: string;

  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: DeliveryChannel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  webhookId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  recipient!: string | null;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'dead: the last attempt failed (the dead-letter state)' })
  status!: DeliveryStatus;

  @ApiProperty({ type: 'integer' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ enum: NOTICE_EVENTS })
  event!: NoticeEventType;

  @ApiProperty({ type: [DeliveryAttemptResponse] })
  log!: DeliveryAttemptResponse[];
}

export class DeliveryLogResponse implements ItemsBody<DeliveryLogEntry> {
  @ApiProperty({ type: [DeliveryLogEntryResponse] })
  items!: DeliveryLogEntryResponse[];
}

export type WebhooksMirror = [
  Holds<SameFields<WebhookResponse, WebhookView>>,
  Holds<SameFields<DeliveryAttemptResponse, DeliveryAttempt>>,
  Holds<SameFields<DeliveryLogEntryResponse, DeliveryLogEntry>>,
];
