export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable across retries of one delivery, so that a mail server or client can drop a repeat. */
  messageId: string;
  headers: Record<string, string>;
}

/** Sends one message; throws when the server does not accept it. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}
