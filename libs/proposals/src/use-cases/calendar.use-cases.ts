import {
  dx4Deadline,
  parseOfficialSchedule,
  th5Deadline,
  type CalendarYear,
  type Deadline,
  type WorkingCalendar,
} from '#calendar';
import { Clock, DomainError, type Actor } from '#kernel';
import { CampaignRepository } from '../ports/campaign.repository.js';
import { OfficialCalendarRepository } from '../ports/official-calendar.repository.js';
import { ProposalRepository } from '../ports/proposal.repository.js';
import { DEADLINE_OPEN_STATES, proposalDeadline, sameDeadline } from '../proposal-deadline.policy.js';
import type { CampaignRecord, OutboxMessage, ProposalDeadline } from '../proposal.records.js';

export type DeadlineQuery = { rule: 'DX-4'; from: string; recognizedAt?: string } | { rule: 'TH-5'; ceremony: string };

export class CalendarUseCases {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly calendars: OfficialCalendarRepository,
    private readonly proposals: ProposalRepository,
    private readonly campaigns: CampaignRepository,
    private readonly clock: Clock,
  ) {}

  year(year: number): CalendarYear {
    return this.calendar.yearOf(year);
  }

  deadline(query: DeadlineQuery): Deadline {
    return query.rule === 'DX-4'
      ? dx4Deadline({ achievementDate: query.from, recognizedAt: query.recognizedAt }, this.calendar)
      : th5Deadline(query.ceremony, this.calendar);
  }

  /**
   * Loads an announced schedule: validated, stored, put into the running calendar, and every open deadline
   * computed again (those that do not change are left alone).
   */
  async loadOfficial(year: number, schedule: unknown, by: Actor) {
    const validated = parseOfficialSchedule(schedule);
    if (validated.year !== year) {
      throw new DomainError('VALIDATION_FAILED', `The schedule is for ${validated.year}, not ${year}`, {
        errors: [{ field: 'year', message: `year must be ${year}` }],
      });
    }
    await this.calendars.save({ year, schedule: validated, loadedAt: this.clock.now().toISOString(), loadedBy: by.id });
    this.calendar.load(validated);
    const { examined, changed } = await this.recomputeOpenDeadlines(year);
    return { year: this.calendar.yearOf(year), deadlinesExamined: examined, deadlinesChanged: changed };
  }

  private async recomputeOpenDeadlines(year: number): Promise<{ examined: number; changed: number }> {
    const notice: OutboxMessage = {
      topic: 'deadlines.reconcile',
      key: `calendar.${year}.${this.clock.now().toISOString()}`,
      payload: { reason: `official calendar ${year} loaded` },
    };
    const campaigns = new Map<string, CampaignRecord | null>();
    let examined = 0;
    let changed = 0;
    for await (const batch of this.proposals.openDeadlines(DEADLINE_OPEN_STATES)) {
      const changes: { id: string; deadline: ProposalDeadline | null }[] = [];
      for (const record of batch) {
        if (record.campaignId && !campaigns.has(record.campaignId)) {
          campaigns.set(record.campaignId, await this.campaigns.findById(record.campaignId));
        }
        const campaign = record.campaignId ? (campaigns.get(record.campaignId) ?? null) : null;
        const deadline = proposalDeadline(record.snapshot.context, campaign, this.calendar);
        if (!sameDeadline(deadline, record.deadline)) changes.push({ id: record.id, deadline });
      }
      await this.proposals.setDeadlines(changes, notice, this.clock.now().toISOString());
      examined += batch.length;
      changed += changes.length;
    }
    return { examined, changed };
  }
}
