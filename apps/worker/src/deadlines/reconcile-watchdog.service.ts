import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { JOB_OPTIONS, QUEUES } from '#queue';
import { AuditCheckpointSchedule } from '../audit/audit-checkpoint.schedule.js';
import { DeadlineTimerScheduler } from './deadline-timer.scheduler.js';

const SCHEDULER_ID = 'reconcile-deadlines';

/**
 * The minute-by-minute reconciliation is a BullMQ job scheduler, so that many workers run it once. A Redis
 * that lost its data has lost the scheduler too: this watchdog notices within half a period, puts it back and
 * reconciles at once, so timers return well within 90 seconds. The audit checkpoint schedule went with it, and
 * is put back on the same look (without it, checkpoints would stop until a worker restarts).
 */
@Injectable()
export class ReconcileWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileWatchdog.name);
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    @InjectQueue(QUEUES.deadlineMaintenance) private readonly queue: Queue,
    @Inject(DeadlineTimerScheduler) private readonly scheduler: DeadlineTimerScheduler,
    @Inject(AuditCheckpointSchedule) private readonly checkpoints: AuditCheckpointSchedule,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // At start-up AuditCheckpointSchedule arms its own schedule; restoring it here too would only race it.
    await this.check({ checkpoints: false });
    this.timer = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    }, Math.max(1000, Math.floor(this.config.reconcileEveryMs / 2)));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  private async check({ checkpoints = true } = {}): Promise<void> {
    if (checkpoints) await this.restoreCheckpoints();
    try {
      if (await this.queue.getJobScheduler(SCHEDULER_ID)) return;
      await this.queue.upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.reconcileEveryMs },
        { name: 'deadlines.reconcile', data: { reason: 'every minute' }, opts: JOB_OPTIONS['deadlines.reconcile'] },
      );
      const { examined, armed } = await this.scheduler.reconcile();
      this.logger.log(`Reconciliation scheduled; ${armed} timer jobs armed for ${examined} open deadlines`);
    } catch (error) {
      this.logger.warn(`Reconciliation check will retry: ${(error as Error).message}`);
    }
  }

  /** Apart from the reconciliation, so that a Redis refusing one does not keep the other from being put back. */
  private async restoreCheckpoints(): Promise<void> {
    try {
      if (await this.checkpoints.restore()) this.logger.log('Audit checkpoint schedule was missing from Redis: put back');
    } catch (error) {
      this.logger.warn(`Audit checkpoint schedule check will retry: ${(error as Error).message}`);
    }
  }
}
