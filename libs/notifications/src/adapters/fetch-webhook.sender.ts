import { WebhookSender, type WebhookAnswer } from '../ports/webhook.sender.js';

const SNIPPET_CHARS = 200;

/**
 * Node's fetch. A receiver that does not answer within the timeout is a failed attempt, like a refused
 * connection. Redirects are not followed: a 3xx is an answer, not an acceptance, and the body is never sent
 * on to a host the administrator did not register.
 */
export class FetchWebhookSender extends WebhookSender {
  constructor(private readonly timeoutMs = 10_000) {
    super();
  }

  async post(url: string, body: string, headers: Record<string, string>): Promise<WebhookAnswer> {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'User-Agent': 'khen-thuong-webhooks/1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text().catch(() => '');
    return { status: response.status, snippet: text.slice(0, SNIPPET_CHARS) };
  }
}
