import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { JOB_OPTIONS, QUEUES } from '#queue';

export const AUDIT_CHECKPOINT_SCHEDULER_ID = 'audit-checkpoint';

/**
 * Puts the periodic checkpoint on a BullMQ job scheduler at start-up (idempotent, so any number of workers
 * agree on one schedule). Without a signing key there is nothing to sign with: say so once, schedule nothing.
 * A Redis that lost its data has lost the schedule too; the reconcile watchdog calls `restore()` to put it back
 * without waiting for a restart (docs/operations.md).
 */
@Injectable()
export class AuditCheckpointSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditCheckpointSchedule.name);

  constructor(
    @InjectQueue(QUEUES.auditCheckpoints) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.audit.signingKeyPem) {
      this.logger.warn('No AUDIT_SIGNING_KEY (and no development key file): periodic audit checkpoints are off');
      return;
    }
    await this.upsert();
  }

  /**
   * Re-creates the schedule only when Redis no longer holds it: upserting one that exists would be harmless
   * but is skipped, so that a look every few seconds costs one read. Returns whether it had to.
   */
  async restore(): Promise<boolean> {
    if (!this.config.audit.signingKeyPem) return false;
    if (await this.queue.getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID)) return false;
    await this.upsert();
    return true;
  }

  private async upsert(): Promise<void> {
    await this.queue.upsertJobScheduler(
      AUDIT_CHECKPOINT_SCHEDULER_ID,
      { every: this.config.audit.checkpointEveryMs },
      { name: 'audit.checkpoint', data: { reason: 'scheduled' }, opts: JOB_OPTIONS['audit.checkpoint'] },
    );
  }
}
