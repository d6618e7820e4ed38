import type { DeliveryRecord, NoticeRecord } from './notice.records.js';

/**
 * The JSON a webhook receives. It is built from stored rows only, so every attempt of one delivery sends the
 * same bytes (receivers may deduplicate on `deliveryId`, which is also the X-Delivery-Id header).
 */
export function webhookBody(notice: NoticeRecord, delivery: Pick<DeliveryRecord, 'id'>): string {
  return JSON.stringify({
    deliveryId: delivery.id,
    event: notice.event,
    notice: {
      id: notice.id,
      proposalId: notice.proposalId,
      seq: notice.seq,
      event: notice.event,
      at: notice.at,
      unitId: notice.unitId,
      nominee: notice.nominee,
      deadline: notice.rule ? { rule: notice.rule, dueDate: notice.dueDate, dueAt: notice.dueAt } : null,
      title: notice.title,
      body: notice.body,
      titleEn: notice.titleEn,
      bodyEn: notice.bodyEn,
      audiences: notice.audiences,
    },
  });
}
