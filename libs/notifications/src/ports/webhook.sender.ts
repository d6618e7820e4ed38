export interface WebhookAnswer {
  status: number;
  /** The start of the answer's body, for the delivery log. */
  snippet: string;
}

/** Sends one HTTP POST; throws when no answer comes (refused, timed out). Any status is an answer. */
export abstract class WebhookSender {
  abstract post(url: string, body: string, headers: Record<string, string>): Promise<WebhookAnswer>;
}
