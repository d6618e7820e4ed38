import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a webhook delivery; receivers check X-Signature against the raw body with their secret. */
export const WEBHOOK_HEADERS = {
  signature: 'X-Signature',
  deliveryId: 'X-Delivery-Id',
  timestamp: 'X-Timestamp',
  event: 'X-Event',
} as const;

/** `sha256=<hex>`: HMAC-SHA256 of the exact bytes sent, keyed with the webhook's secret. */
export const signWebhookBody = (rawBody: string | Buffer, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhookSignature(rawBody: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
