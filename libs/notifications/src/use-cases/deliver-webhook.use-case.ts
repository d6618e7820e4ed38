import { Clock } from '#kernel';
import { DeliveryRepository } from '../ports/delivery.repository.js';
import { NoticeRepository } from '../ports/notice.repository.js';
import { WebhookRepository } from '../ports/webhook.repository.js';
import { WebhookSender } from '../ports/webhook.sender.js';
import { webhookBody } from '../webhook-payload.js';
import { signWebhookBody, WEBHOOK_HEADERS } from '../webhook-signature.js';
import { attemptDelivery, type AttemptContext, type DeliveryOutcome } from './attempt-delivery.js';

/**
 * POSTs the notice to one webhook, signed with its secret. Any 2xx answer accepts the delivery; any other
 * answer, or none, is a failed attempt that the queue retries with exponential backoff.
 */
export class DeliverWebhookUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly notices: NoticeRepository,
    private readonly webhooks: WebhookRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
  ) {}

  async execute(deliveryId: string, context: AttemptContext): Promise<DeliveryOutcome> {
    const delivery = await this.deliveries.findById(deliveryId);
    const webhook = delivery?.webhookId ? await this.webhooks.findById(delivery.webhookId) : null;
    // A webhook taken down gets nothing more: this attempt is its last, and it is not made.
    const disabled = webhook?.disabledAt != null;
    return attemptDelivery(this.deliveries, this.clock, deliveryId, disabled ? { lastAttempt: true } : context, async (delivery) => {
      if (disabled) return { ok: false, statusCode: null, error: 'the webhook was disabled' };
      const notice = await this.notices.findById(delivery.noticeId);
      if (!notice || !webhook) return { ok: false, statusCode: null, error: 'the notice or the webhook no longer exists' };
      const body = webhookBody(notice, delivery);
      const answer = await this.sender.post(webhook.url, body, {
        'Content-Type': 'application/json; charset=utf-8',
        [WEBHOOK_HEADERS.signature]: signWebhookBody(body, webhook.secret),
        [WEBHOOK_HEADERS.deliveryId]: delivery.id,
        [WEBHOOK_HEADERS.timestamp]: this.clock.now().toISOString(),
        [WEBHOOK_HEADERS.event]: notice.event,
      });
      const ok = answer.status >= 200 && answer.status < 300;
      return { ok, statusCode: answer.status, error: ok ? null : `HTTP ${answer.status}${answer.snippet ? `: ${answer.snippet}` : ''}` };
    });
  }
}
