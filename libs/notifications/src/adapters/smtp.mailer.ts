import nodemailer, { type Transporter } from 'nodemailer';
import { Mailer, type MailMessage } from '../ports/mailer.js';

/** Mail through the SMTP server SMTP_URL names (smtp:// or smtps://, credentials in the URL). */
export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
      headers: message.headers,
    });
  }

  close(): void {
    this.transport.close();
  }
}
