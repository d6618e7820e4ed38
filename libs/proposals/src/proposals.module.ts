import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '#kernel';
import { CampaignRepository } from './ports/campaign.repository.js';
import { ProposalRepository } from './ports/proposal.repository.js';
import { UnitRepository } from './ports/unit.repository.js';
import { ApplyProposalEventUseCase } from './use-cases/apply-proposal-event.use-case.js';
import { CampaignUseCases } from './use-cases/campaign.use-cases.js';
import { CreateProposalUseCase } from './use-cases/create-proposal.use-case.js';
import { ProposalQueries } from './use-cases/proposal-queries.js';
import { UnitUseCases } from './use-cases/unit.use-cases.js';

/**
 * The use cases stay plain classes; this module is the only place that knows Nest. Storage ports are bound by
 * whichever persistence module the application imports.
 */
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: CreateProposalUseCase,
      inject: [ProposalRepository, UnitRepository, CampaignRepository, Clock],
      useFactory: (p: ProposalRepository, u: UnitRepository, c: CampaignRepository, clock: Clock) =>
        new CreateProposalUseCase(p, u, c, clock),
    },
    {
      provide: ApplyProposalEventUseCase,
      inject: [ProposalRepository, Clock],
      useFactory: (p: ProposalRepository, clock: Clock) => new ApplyProposalEventUseCase(p, clock),
    },
    { provide: ProposalQueries, inject: [ProposalRepository], useFactory: (p: ProposalRepository) => new ProposalQueries(p) },
    { provide: UnitUseCases, inject: [UnitRepository, Clock], useFactory: (u: UnitRepository, clock: Clock) => new UnitUseCases(u, clock) },
    {
      provide: CampaignUseCases,
      inject: [CampaignRepository, Clock],
      useFactory: (c: CampaignRepository, clock: Clock) => new CampaignUseCases(c, clock),
    },
  ],
  exports: [Clock, CreateProposalUseCase, ApplyProposalEventUseCase, ProposalQueries, UnitUseCases, CampaignUseCases],
})
export class ProposalsModule {}
