import { OnWorkerEvent } from '@nestjs/bullmq';
import { QuietWorkerHost } from './quiet-worker-host.js';
import { Inject } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AbandonDeliveryUseCase, DeliverEmailUseCase, DeliverWebhookUseCase, DeliveryFailedError, type DeliveryOutcome } from '#notifications';
import { QUEUES, type JobRegistry } from '#queue';
import { dispatchJob, HandlesJob, JobProcessor } from './job-handlers.js';

type DeliveryJob = Job<JobRegistry['notice.webhook'] | JobRegistry['notice.email'], DeliveryOutcome, 'notice.webhook' | 'notice.email'>;
type Deliver = (deliveryId: string, context: { lastAttempt: boolean }) => Promise<DeliveryOutcome>;

/**
 * Delivers one notice to one webhook or e-mail address per job. A failed attempt throws, so BullMQ retries
 * it with the backoff of JOB_OPTIONS; the use case dead-letters the delivery when BullMQ has no attempt left.
 */
@JobProcessor(QUEUES.noticeDeliveries, { concurrency: 8 })
export class NoticeDeliveriesProcessor extends QuietWorkerHost {
  constructor(
    @Inject(DeliverWebhookUseCase) private readonly webhooks: DeliverWebhookUseCase,
    @Inject(DeliverEmailUseCase) private readonly emails: DeliverEmailUseCase,
    @Inject(AbandonDeliveryUseCase) private readonly abandon: AbandonDeliveryUseCase,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }

  @HandlesJob('notice.webhook')
  webhook(job: Job<JobRegistry['notice.webhook'], DeliveryOutcome>): Promise<DeliveryOutcome> {
    return this.deliver(job, (id, context) => this.webhooks.execute(id, context));
  }

  @HandlesJob('notice.email')
  email(job: Job<JobRegistry['notice.email'], DeliveryOutcome>): Promise<DeliveryOutcome> {
    return this.deliver(job, (id, context) => this.emails.execute(id, context));
  }

  private async deliver(job: Job<{ deliveryId: string }>, send: Deliver): Promise<DeliveryOutcome> {
    // attemptsMade counts the attempts that already failed; this one is the last when none is left after it.
    const context = { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) };
    try {
      return await send(job.data.deliveryId, context);
    } catch (error) {
      // A dead-lettered delivery (its last attempt, or a webhook taken down) has nothing left to retry.
      if (error instanceof DeliveryFailedError && error.dead) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  /**
   * BullMQ fails a job for good without running it again when it stalls once too often: no attempt logged the
   * end, so the delivery is dead-lettered here. A job that will be retried, or whose delivery is already dead
   * or delivered, changes nothing.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: DeliveryJob | undefined, error: Error): Promise<void> {
    try {
      if (!job || !(await job.isFailed())) return;
      await this.abandon.execute(job.data.deliveryId, error.message);
    } catch (problem) {
      this.logger.warn(`Could not dead-letter the delivery of failed job ${job?.id}: ${(problem as Error).message}`);
    }
  }
}
