import { randomUUID } from 'node:crypto';
import { Clock, DomainError, type Actor } from '#kernel';
import { isNoticeEvent, NOTICE_EVENT_TYPES, type NoticeEventType, type WebhookRecord, type WebhookView } from '../notice.records.js';
import { DeliveryRepository, type DeliveryLogEntry } from '../ports/delivery.repository.js';
import { WebhookRepository } from '../ports/webhook.repository.js';

export interface RegisterWebhook {
  url: string;
  events: string[];
  secret: string;
}

export const WEBHOOK_SECRET_MIN = 16;

const view = ({ secret: _secret, ...rest }: WebhookRecord): WebhookView => rest;

/** Webhooks an administrator registers, and their delivery logs. */
export class WebhookUseCases {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveryLog: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  /** The HTTP edge validates too; this holds for every caller. */
  async register(actor: Actor, input: RegisterWebhook): Promise<WebhookView> {
    const errors: { field: string; message: string }[] = [];
    let protocol = '';
    try {
      protocol = new URL(input.url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') errors.push({ field: 'url', message: 'url must be an http:// or https:// URL' });
    if (input.events.length === 0 || !input.events.every(isNoticeEvent)) {
      errors.push({ field: 'events', message: `events must list some of ${NOTICE_EVENT_TYPES.join(', ')}` });
    }
    if (input.secret.length < WEBHOOK_SECRET_MIN) {
      errors.push({ field: 'secret', message: `secret must be at least ${WEBHOOK_SECRET_MIN} characters long` });
    }
    if (errors.length > 0) throw new DomainError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), { errors });

    const webhook: WebhookRecord = {
      id: randomUUID(),
      url: input.url,
      events: NOTICE_EVENT_TYPES.filter((event) => input.events.includes(event)) as NoticeEventType[],
      secret: input.secret,
      createdBy: actor.id,
      createdAt: this.clock.now().toISOString(),
      disabledAt: null,
      disabledBy: null,
    };
    await this.webhooks.create(webhook);
    return view(webhook);
  }

  async list(): Promise<WebhookView[]> {
    return (await this.webhooks.list()).map(view);
  }

  /**
   * Takes a webhook down: no new notice is addressed to it and its pending deliveries are dead-lettered at
   * their next attempt; what was sent stays in its log. Disabling twice is harmless.
   */
  async disable(actor: Actor, webhookId: string): Promise<WebhookView> {
    if (!(await this.webhooks.disable(webhookId, actor.id, this.clock.now().toISOString()))) {
      throw new DomainError('NOT_FOUND', `Webhook ${webhookId} does not exist`, { id: webhookId });
    }
    return view((await this.webhooks.findById(webhookId))!);
  }

  async deliveries(webhookId: string, limit = 100): Promise<DeliveryLogEntry[]> {
    if (!(await this.webhooks.findById(webhookId))) {
      throw new DomainError('NOT_FOUND', `Webhook ${webhookId} does not exist`, { id: webhookId });
    }
    return this.deliveryLog.forWebhook(webhookId, limit);
  }
}
