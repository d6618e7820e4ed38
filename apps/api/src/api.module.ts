import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from '#audit';
import { ConfigModule, type AppConfig } from '#config';
import type { Clock } from '#kernel';
import { NotificationsModule } from '#notifications';
import { PersistenceModule } from '#persistence';
import { ProposalsModule } from '#proposals';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { AuditController } from './controllers/audit.controller.js';
import { CalendarController } from './controllers/calendar.controller.js';
import { CampaignsController } from './controllers/campaigns.controller.js';
import { DocumentsController } from './controllers/documents.controller.js';
import { FormsController } from './controllers/forms.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MachinesController } from './controllers/machines.controller.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { ProposalsController } from './controllers/proposals.controller.js';
import { StatisticsController } from './controllers/statistics.controller.js';
import { UnitsController } from './controllers/units.controller.js';
import { PeopleController } from './controllers/people.controller.js';
import { ClustersController } from './controllers/clusters.controller.js';
import { WebhooksController } from './controllers/webhooks.controller.js';
import { DevSignInController } from './dev/dev-sign-in.controller.js';
import { HttpErrorFilter } from './errors/http-error.filter.js';
import { QueueBoard } from './queues/queue-board.js';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, dataSource?: DataSource, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config, clock), PersistenceModule.forRoot(dataSource), ProposalsModule, NotificationsModule, AuditModule],
      controllers: [
        HealthController,
        UnitsController,
        PeopleController,
        ClustersController,
        CampaignsController,
        ProposalsController,
        StatisticsController,
        DocumentsController,
        FormsController,
        MachinesController,
        CalendarController,
        NotificationsController,
        WebhooksController,
        AuditController,
        // Demo sign-in hands out tokens without a password: where it is off (always in production) the routes do not exist.
        ...(config.devSignIn ? [DevSignInController] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        QueueBoard,
      ],
    };
  }
}
