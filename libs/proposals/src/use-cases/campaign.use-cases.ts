import { randomUUID } from 'node:crypto';
import { Clock, DomainError } from '#kernel';
import { CampaignRepository } from '../ports/campaign.repository.js';
import type { CampaignRecord } from '../proposal.records.js';

export type NewCampaign = Omit<CampaignRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** A campaign as clients see it; the dossier deadline (TH-5) is computed by the calendar once it exists. */
export type CampaignView = CampaignRecord & {
  dossierDeadline: { rule: 'TH-5'; dueDate: string; dueAt: string; provisional: boolean } | null;
};

const toView = (campaign: CampaignRecord): CampaignView => ({ ...campaign, dossierDeadline: null });

export class CampaignUseCases {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: NewCampaign): Promise<CampaignView> {
    const now = this.clock.now().toISOString();
    const campaign: CampaignRecord = { id: randomUUID(), ...input, createdAt: now, updatedAt: now };
    await this.campaigns.create(campaign);
    return toView(campaign);
  }

  async get(id: string): Promise<CampaignView> {
    return toView(await this.find(id));
  }

  async list(): Promise<CampaignView[]> {
    return (await this.campaigns.list()).map(toView);
  }

  /** Moves the ceremony. Moving the open deadlines with it is the scheduler's part (TH-5). */
  async reschedule(id: string, ceremonyDate: string): Promise<CampaignView> {
    const campaign = { ...(await this.find(id)), ceremonyDate, updatedAt: this.clock.now().toISOString() };
    await this.campaigns.update(campaign);
    return toView(campaign);
  }

  private async find(id: string): Promise<CampaignRecord> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw new DomainError('NOT_FOUND', `Campaign ${id} does not exist`, { id });
    return campaign;
  }
}
