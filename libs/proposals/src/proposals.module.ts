import { Module } from '@nestjs/common';
import { createWorkingCalendar, WorkingCalendar } from '#calendar';
import { APP_CONFIG, type AppConfig } from '#config';
import { BlobStore } from '#documents';
import { Clock } from '#kernel';
import { CampaignRepository } from './ports/campaign.repository.js';
import { OfficialCalendarRepository } from './ports/official-calendar.repository.js';
import { ProposalRepository } from './ports/proposal.repository.js';
import { UnitRepository } from './ports/unit.repository.js';
import { ApplyProposalEventUseCase } from './use-cases/apply-proposal-event.use-case.js';
import { CalendarUseCases } from './use-cases/calendar.use-cases.js';
import { CampaignUseCases } from './use-cases/campaign.use-cases.js';
import { CreateProposalUseCase } from './use-cases/create-proposal.use-case.js';
import { FireDeadlineTimerUseCase } from './use-cases/fire-deadline-timer.use-case.js';
import { DossierUseCases } from './use-cases/dossier.use-cases.js';
import { ProposalForms } from './use-cases/proposal-forms.query.js';
import { ProposalListExport } from './use-cases/proposal-list.export.js';
import { ProposalStatisticsReader } from './ports/proposal-statistics.reader.js';
import { ProposalStatistics } from './use-cases/proposal-statistics.query.js';
import { MigrateProposalsUseCase } from './use-cases/migrate-proposals.use-case.js';
import { ProposalQueries } from './use-cases/proposal-queries.js';
import { UnitUseCases } from './use-cases/unit.use-cases.js';
import { PersonRepository } from './ports/person.repository.js';
import { PeopleUseCases } from './use-cases/people.use-cases.js';

/** The bundled official years, plus every schedule an administrator has loaded since. */
export async function loadWorkingCalendar(calendars: OfficialCalendarRepository): Promise<WorkingCalendar> {
  const calendar = createWorkingCalendar();
  for (const stored of await calendars.all()) calendar.load(stored.schedule);
  return calendar;
}

const dossierRules = (config: AppConfig) => ({ documentsRequired: config.documents.required });

/**
 * The use cases stay plain classes; this module is the only place that knows Nest. Storage ports are bound by
 * whichever persistence module the application imports.
 */
@Module({
  providers: [
    { provide: WorkingCalendar, inject: [OfficialCalendarRepository], useFactory: loadWorkingCalendar },
    {
      provide: CreateProposalUseCase,
      inject: [ProposalRepository, UnitRepository, CampaignRepository, Clock, WorkingCalendar, PersonRepository],
      useFactory: (
        p: ProposalRepository,
        u: UnitRepository,
        c: CampaignRepository,
        clock: Clock,
        calendar: WorkingCalendar,
        people: PersonRepository,
      ) => new CreateProposalUseCase(p, u, c, clock, calendar, people),
    },
    {
      provide: ApplyProposalEventUseCase,
      inject: [ProposalRepository, Clock, WorkingCalendar, APP_CONFIG, PersonRepository],
      useFactory: (p: ProposalRepository, clock: Clock, calendar: WorkingCalendar, config: AppConfig, people: PersonRepository) =>
        new ApplyProposalEventUseCase(p, clock, calendar, dossierRules(config), people),
    },
    {
      provide: FireDeadlineTimerUseCase,
      inject: [ProposalRepository, ApplyProposalEventUseCase, Clock],
      useFactory: (p: ProposalRepository, apply: ApplyProposalEventUseCase, clock: Clock) => new FireDeadlineTimerUseCase(p, apply, clock),
    },
    {
      provide: MigrateProposalsUseCase,
      inject: [ProposalRepository, Clock],
      useFactory: (p: ProposalRepository, clock: Clock) => new MigrateProposalsUseCase(p, clock),
    },
    {
      provide: ProposalQueries,
      inject: [ProposalRepository, APP_CONFIG, Clock, PersonRepository],
      useFactory: (p: ProposalRepository, config: AppConfig, clock: Clock, people: PersonRepository) =>
        new ProposalQueries(p, dossierRules(config), clock, people),
    },
    {
      provide: ProposalForms,
      inject: [ProposalRepository, UnitRepository, CampaignRepository, Clock],
      useFactory: (p: ProposalRepository, u: UnitRepository, c: CampaignRepository, clock: Clock) => new ProposalForms(p, u, c, clock),
    },
    {
      provide: ProposalListExport,
      inject: [ProposalQueries, UnitRepository, Clock],
      useFactory: (q: ProposalQueries, u: UnitRepository, clock: Clock) => new ProposalListExport(q, u, clock),
    },
    {
      provide: ProposalStatistics,
      inject: [ProposalStatisticsReader, UnitRepository, Clock],
      useFactory: (r: ProposalStatisticsReader, u: UnitRepository, clock: Clock) => new ProposalStatistics(r, u, clock),
    },
    {
      provide: DossierUseCases,
      inject: [ProposalRepository, BlobStore, Clock],
      useFactory: (p: ProposalRepository, blobs: BlobStore, clock: Clock) => new DossierUseCases(p, blobs, clock),
    },
    { provide: UnitUseCases, inject: [UnitRepository, Clock], useFactory: (u: UnitRepository, clock: Clock) => new UnitUseCases(u, clock) },
    {
      provide: PeopleUseCases,
      inject: [PersonRepository, UnitRepository, Clock],
      useFactory: (people: PersonRepository, u: UnitRepository, clock: Clock) => new PeopleUseCases(people, u, clock),
    },
    {
      provide: CampaignUseCases,
      inject: [CampaignRepository, ProposalRepository, UnitRepository, Clock, WorkingCalendar],
      useFactory: (c: CampaignRepository, p: ProposalRepository, u: UnitRepository, clock: Clock, calendar: WorkingCalendar) =>
        new CampaignUseCases(c, p, u, clock, calendar),
    },
    {
      provide: CalendarUseCases,
      inject: [WorkingCalendar, OfficialCalendarRepository, ProposalRepository, CampaignRepository, Clock],
      useFactory: (
        calendar: WorkingCalendar,
        calendars: OfficialCalendarRepository,
        p: ProposalRepository,
        c: CampaignRepository,
        clock: Clock,
      ) => new CalendarUseCases(calendar, calendars, p, c, clock),
    },
  ],
  exports: [
    WorkingCalendar,
    CreateProposalUseCase,
    ApplyProposalEventUseCase,
    FireDeadlineTimerUseCase,
    MigrateProposalsUseCase,
    ProposalQueries,
    DossierUseCases,
    ProposalForms,
    ProposalListExport,
    ProposalStatistics,
    UnitUseCases,
    PeopleUseCases,
    CampaignUseCases,
    CalendarUseCases,
  ],
})
export class ProposalsModule {}
