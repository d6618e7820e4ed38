import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { CampaignRepository, ProposalRepository, UnitRepository } from '#proposals';
import { openDatabase } from './open-database.js';
import { SqlCampaignRepository } from './repositories/sql-campaign.repository.js';
import { SqlOutboxStore } from './repositories/sql-outbox.store.js';
import { SqlProposalRepository } from './repositories/sql-proposal.repository.js';
import { SqlTransactionRunner } from './repositories/sql-transaction-runner.js';
import { SqlUnitRepository } from './repositories/sql-unit.repository.js';

/** Binds the use cases' storage ports to SQL, on whichever database DATABASE_URL names. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database, config.migrationsRun),
    },
    { provide: SqlTransactionRunner, inject: [DataSource], useFactory: (ds: DataSource) => new SqlTransactionRunner(ds) },
    { provide: ProposalRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlProposalRepository(r) },
    { provide: UnitRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlUnitRepository(r) },
    { provide: CampaignRepository, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlCampaignRepository(r) },
    { provide: SqlOutboxStore, inject: [SqlTransactionRunner], useFactory: (r: SqlTransactionRunner) => new SqlOutboxStore(r) },
  ],
  exports: [DataSource, SqlTransactionRunner, ProposalRepository, UnitRepository, CampaignRepository, SqlOutboxStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
