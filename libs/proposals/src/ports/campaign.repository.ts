import type { CampaignRecord } from '../proposal.records.js';

export abstract class CampaignRepository {
  abstract create(campaign: CampaignRecord): Promise<void>;
  abstract findById(id: string): Promise<CampaignRecord | null>;
  abstract list(): Promise<CampaignRecord[]>;
  abstract update(campaign: CampaignRecord): Promise<void>;
}
