import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, DocumentEvidence } from '#audit';
import { APP_CONFIG, type AppConfig } from '#config';
import { BlobStore, FileBlobStore } from '#documents';
import { DeliveryRepository, NoticeRepository, WebhookRepository } from '#notifications';
import { PersonRepository } from '#proposals';
import { CampaignRepository, OfficialCalendarRepository, ProposalRepository, ProposalStatisticsReader, UnitRepository } from '#proposals';
import { openDatabase } from './open-database.js';
import { SqlAuditLog } from './repositories/sql-audit-log.js';
import { SqlBlobStore } from './repositories/sql-blob.store.js';
import { SqlDocumentEvidence } from './repositories/sql-document-evidence.js';
import { SqlCampaignRepository } from './repositories/sql-campaign.repository.js';
import { SqlDeliveryRepository } from './repositories/sql-delivery.repository.js';
import { SqlNoticeRepository } from './repositories/sql-notice.repository.js';
import { SqlOfficialCalendarRepository } from './repositories/sql-official-calendar.repository.js';
import { SqlOutboxStore } from './repositories/sql-outbox.store.js';
import { SqlProposalRepository } from './repositories/sql-proposal.repository.js';
import { SqlProposalStatisticsReader } from './repositories/sql-proposal-statistics.reader.js';
import { SqlTransactionRunner } from './repositories/sql-transaction-runner.js';
import { SqlUnitRepository } from './repositories/sql-unit.repository.js';
import { SqlPersonRepository } from './repositories/sql-person.repository.js';
import { SqlWebhookRepository } from './repositories/sql-webhook.repository.js';

const OWNS_DATA_SOURCE = Symbol('OWNS_DATA_SOURCE');

/**
 * Binds the use cases' storage ports to SQL, on whichever database DATABASE_URL names. A process that runs
 * several Nest applications (API and worker together) opens the database once and hands it to each, so that
 * SQLite has one connection and one write lock; otherwise the module opens and closes its own.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OWNS_DATA_SOURCE) private readonly ownsDataSource: boolean,
  ) {}

  static forRoot(shared?: DataSource): DynamicModule {
    const dataSource: Provider = shared
      ? { provide: DataSource, useValue: shared }
      : {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => openDatabase(config.database, config.migrationsRun),
        };
    return {
      module: PersistenceModule,
      providers: [
        dataSource,
        { provide: OWNS_DATA_SOURCE, useValue: !shared },
        { provide: SqlTransactionRunner, inject: [DataSource], useFactory: (ds: DataSource) => new SqlTransactionRunner(ds) },
        { provide: ProposalRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlProposalRepository(r) },
        { provide: UnitRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlUnitRepository(r) },
        { provide: PersonRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlPersonRepository(r) },
        {
          provide: ProposalStatisticsReader,
          inject: [SqlTransactionRunner],
          useFactory: (r: SqlTransactionRunner) => new SqlProposalStatisticsReader(r),
        },
        { provide: CampaignRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlCampaignRepository(r) },
        {
          provide: OfficialCalendarRepository,
          inject: [SqlTransactionRunner],
          useFactory: (r: SqlTransactionRunner) => new SqlOfficialCalendarRepository(r),
        },
        { provide: SqlOutboxStore, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlOutboxStore(r) },
        { provide: NoticeRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlNoticeRepository(r) },
        { provide: WebhookRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlWebhookRepository(r) },
        { provide: DeliveryRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlDeliveryRepository(r) },
        { provide: AuditLog, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlAuditLog(r) },
        {
          provide: BlobStore,
          inject: [APP_CONFIG, SqlTransactionRunner],
          useFactory: (config: AppConfig, r: SqlTransactionRunner) =>
            config.documents.storage === 'database' ? new SqlBlobStore(r) : new FileBlobStore(config.documents.directory),
        },
        {
          provide: DocumentEvidence,
          inject: [SqlTransactionRunner, BlobStore],
          useFactory: (r: SqlTransactionRunner, blobs: BlobStore) => new SqlDocumentEvidence(r, blobs),
        },
      ],
      exports: [
        DataSource,
        SqlTransactionRunner,
        ProposalRepository,
        UnitRepository,
        PersonRepository,
        ProposalStatisticsReader,
        CampaignRepository,
        OfficialCalendarRepository,
        SqlOutboxStore,
        NoticeRepository,
        WebhookRepository,
        DeliveryRepository,
        AuditLog,
        BlobStore,
        DocumentEvidence,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsDataSource && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
