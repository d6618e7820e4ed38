import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditModule } from '#audit';
import { APP_CONFIG, ConfigModule, type AppConfig } from '#config';
import type { Clock } from '#kernel';
import { NotificationsModule } from '#notifications';
import { PersistenceModule } from '#persistence';
import { ProposalsModule } from '#proposals';
import { bullConnection, DomainEventPublisher, QUEUES } from '#queue';
import { AuditCheckpointSchedule } from './audit/audit-checkpoint.schedule.js';
import { AuditCheckpointsProcessor } from './audit/audit-checkpoints.processor.js';
import { DeadlineMaintenanceProcessor } from './deadlines/deadline-maintenance.processor.js';
import { DeadlineTimerScheduler } from './deadlines/deadline-timer.scheduler.js';
import { DeadlineTimersProcessor } from './deadlines/deadline-timers.processor.js';
import { ReconcileWatchdog } from './deadlines/reconcile-watchdog.service.js';
import { DomainEventsProcessor } from './domain-events.processor.js';
import { JobHandlersCheck } from './job-handlers.check.js';
import { NoticeDeliveriesProcessor } from './notice-deliveries.processor.js';
import { OutboxRelay } from './outbox-relay.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, dataSource?: DataSource, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        PersistenceModule.forRoot(dataSource),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.queuePrefix }),
        ProposalsModule,
        NotificationsModule,
        AuditModule,
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      providers: [
        {
          provide: DomainEventPublisher,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => new DomainEventPublisher(c.redisUrl, c.queuePrefix, { deliveryBackoffMs: c.notices.deliveryBackoffMs }),
        },
        JobHandlersCheck,
        OutboxRelay,
        DomainEventsProcessor,
        DeadlineTimerScheduler,
        DeadlineTimersProcessor,
        DeadlineMaintenanceProcessor,
        ReconcileWatchdog,
        NoticeDeliveriesProcessor,
        AuditCheckpointsProcessor,
        AuditCheckpointSchedule,
      ],
      exports: [OutboxRelay, DeadlineTimerScheduler],
    };
  }
}
