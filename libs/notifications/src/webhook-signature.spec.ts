import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'DEADLINE_MISSED', nominee: 'Trần Thị Bình' });
  const secret = 'a-secret-of-24-characters';

  it('is sha256=<hex> of HMAC-SHA256 over the raw body', () => {
    expect(signWebhookBody(body, secret)).toBe(`sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`);
  });

  it('verifies with the secret, and not with another secret, another body or no header', () => {
    const signature = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(body, secret, signature)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(body), secret, signature)).toBe(true);
    expect(verifyWebhookSignature(body, `${secret}x`, signature)).toBe(false);
    expect(verifyWebhookSignature(body.replace('Bình', 'Binh'), secret, signature)).toBe(false);
    expect(verifyWebhookSignature(body, secret, undefined)).toBe(false);
    expect(verifyWebhookSignature(body, secret, 'sha256=00')).toBe(false);
  });
});
