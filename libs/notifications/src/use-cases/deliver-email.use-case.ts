import { Clock } from '#kernel';
import { Mailer } from '../ports/mailer.js';
import { DeliveryRepository } from '../ports/delivery.repository.js';
import { NoticeRepository } from '../ports/notice.repository.js';
import { attemptDelivery, type AttemptContext, type DeliveryOutcome } from './attempt-delivery.js';

/** Mails the notice to one address: the Vietnamese subject, the Vietnamese text followed by the English one. */
export class DeliverEmailUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly notices: NoticeRepository,
    /** Null when SMTP_URL is not configured (then no e-mail delivery is ever made, but one may be queued from before). */
    private readonly mailer: Mailer | null,
    private readonly clock: Clock,
  ) {}

  execute(deliveryId: string, context: AttemptContext): Promise<DeliveryOutcome> {
    return attemptDelivery(this.deliveries, this.clock, deliveryId, context, async (delivery) => {
      if (!this.mailer) return { ok: false, statusCode: null, error: 'SMTP_URL is not configured' };
      const notice = await this.notices.findById(delivery.noticeId);
      if (!notice || !delivery.recipient) return { ok: false, statusCode: null, error: 'the notice no longer exists' };
      await this.mailer.send({
        to: delivery.recipient,
        subject: notice.title,
        text: `${notice.body}\n\n---\n${notice.titleEn}\n\n${notice.bodyEn}\n`,
        messageId: `<${delivery.id}@khen-thuong>`,
        headers: { 'X-Delivery-Id': delivery.id, 'X-Event': notice.event },
      });
      return { ok: true, statusCode: null, error: null };
    });
  }
}
