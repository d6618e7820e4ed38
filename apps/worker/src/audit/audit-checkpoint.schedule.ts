import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { JOB_OPTIONS, QUEUES } from '#queue';

const SCHEDULER_ID = 'audit-checkpoint';

/**
 * Puts the periodic checkpoint on a BullMQ job scheduler at start-up (idempotent, so any number of workers
 * agree on one schedule). Without a signing key there is nothing to sign with: say so once, schedule nothing.
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
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.audit.checkpointEveryMs },
      { name: 'audit.checkpoint', data: { reason: 'scheduled' }, opts: JOB_OPTIONS['audit.checkpoint'] },
    );
  }
}
