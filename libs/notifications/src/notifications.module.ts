import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { Clock } from '#kernel';
import { ProposalRepository, UnitRepository } from '#proposals';
import { FetchWebhookSender } from './adapters/fetch-webhook.sender.js';
import { RedisNoticeChannel } from './adapters/redis-notice.channel.js';
import { SmtpMailer } from './adapters/smtp.mailer.js';
import { EmailDirectory } from './email-directory.js';
import { DeliveryRepository } from './ports/delivery.repository.js';
import { Mailer } from './ports/mailer.js';
import { NoticeChannel } from './ports/notice-channel.js';
import { NoticeRepository } from './ports/notice.repository.js';
import { WebhookRepository } from './ports/webhook.repository.js';
import { WebhookSender } from './ports/webhook.sender.js';
import { AbandonDeliveryUseCase } from './use-cases/abandon-delivery.use-case.js';
import { ComposeNoticeUseCase } from './use-cases/compose-notice.use-case.js';
import { DeliverEmailUseCase } from './use-cases/deliver-email.use-case.js';
import { DeliverWebhookUseCase } from './use-cases/deliver-webhook.use-case.js';
import { InboxQueries } from './use-cases/inbox.queries.js';
import { LiveNotices } from './use-cases/live-notices.js';
import { WebhookUseCases } from './use-cases/webhook.use-cases.js';

/** The mailer, or null (the token's value) when SMTP_URL is not configured. */
const MAILER = Symbol('MAILER');

/**
 * The notice use cases, wired; the only file of this library that knows Nest. Storage ports come from the
 * persistence module the application imports; the channels (HTTP, SMTP) are bound here from configuration.
 */
@Module({
  providers: [
    { provide: WebhookSender, useFactory: () => new FetchWebhookSender() },
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer | null =>
        config.notices.smtpUrl ? new SmtpMailer(config.notices.smtpUrl, config.notices.smtpFrom) : null,
    },
    {
      provide: NoticeChannel,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RedisNoticeChannel(config.redisUrl, `${config.queuePrefix}:notices`),
    },
    {
      provide: ComposeNoticeUseCase,
      inject: [ProposalRepository, UnitRepository, NoticeRepository, WebhookRepository, Clock, APP_CONFIG, NoticeChannel],
      useFactory: (
        p: ProposalRepository,
        u: UnitRepository,
        n: NoticeRepository,
        w: WebhookRepository,
        clock: Clock,
        config: AppConfig,
        live: NoticeChannel,
      ) => new ComposeNoticeUseCase(p, u, n, w, clock, config.notices.smtpUrl ? new EmailDirectory(config.notices.emails) : null, live),
    },
    { provide: LiveNotices, inject: [NoticeChannel], useFactory: (channel: NoticeChannel) => new LiveNotices(channel) },
    {
      provide: DeliverWebhookUseCase,
      inject: [DeliveryRepository, NoticeRepository, WebhookRepository, WebhookSender, Clock],
      useFactory: (d: DeliveryRepository, n: NoticeRepository, w: WebhookRepository, sender: WebhookSender, clock: Clock) =>
        new DeliverWebhookUseCase(d, n, w, sender, clock),
    },
    {
      provide: DeliverEmailUseCase,
      inject: [DeliveryRepository, NoticeRepository, MAILER, Clock],
      useFactory: (d: DeliveryRepository, n: NoticeRepository, mailer: Mailer | null, clock: Clock) => new DeliverEmailUseCase(d, n, mailer, clock),
    },
    {
      provide: AbandonDeliveryUseCase,
      inject: [DeliveryRepository, Clock],
      useFactory: (d: DeliveryRepository, clock: Clock) => new AbandonDeliveryUseCase(d, clock),
    },
    { provide: InboxQueries, inject: [NoticeRepository, Clock], useFactory: (n: NoticeRepository, clock: Clock) => new InboxQueries(n, clock) },
    {
      provide: WebhookUseCases,
      inject: [WebhookRepository, DeliveryRepository, Clock],
      useFactory: (w: WebhookRepository, d: DeliveryRepository, clock: Clock) => new WebhookUseCases(w, d, clock),
    },
  ],
  exports: [LiveNotices, ComposeNoticeUseCase, DeliverWebhookUseCase, DeliverEmailUseCase, AbandonDeliveryUseCase, InboxQueries, WebhookUseCases],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(
    @Inject(MAILER) private readonly mailer: Mailer | null,
    @Inject(NoticeChannel) private readonly channel: NoticeChannel,
  ) {}

  /** An SMTP transport or a Redis subscription may hold a connection open; neither may keep the process alive. */
  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
    if (this.channel instanceof RedisNoticeChannel) this.channel.close();
  }
}
