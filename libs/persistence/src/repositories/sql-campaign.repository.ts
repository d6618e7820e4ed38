import { CampaignRepository, type CampaignRecord } from '#proposals';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

export interface CampaignRow {
  id: string;
  title: string;
  round: CampaignRecord['round'];
  plan: string | null;
  launched_at: string | null;
  final_review_at: string | null;
  guidance: string | null;
  ceremony_date: string | null;
  created_at: string;
  updated_at: string;
}

export const CAMPAIGN_COLUMNS = 'id, title, round, plan, launched_at, final_review_at, guidance, ceremony_date, created_at, updated_at';
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export const toCampaignRecord = (row: CampaignRow): CampaignRecord => ({
  id: row.id,
  title: row.title,
  round: row.round,
  plan: parse(row.plan),
  launchedAt: row.launched_at,
  finalReviewAt: row.final_review_at,
  guidance: parse(row.guidance),
  ceremonyDate: row.ceremony_date,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toParams = (c: CampaignRecord) => [
  c.title,
  c.round,
  c.plan === null ? null : JSON.stringify(c.plan),
  c.launchedAt,
  c.finalReviewAt,
  c.guidance === null ? null : JSON.stringify(c.guidance),
  c.ceremonyDate,
  c.updatedAt,
];

export class SqlCampaignRepository extends CampaignRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async create(campaign: CampaignRecord): Promise<void> {
    await this.runner.transaction((db) =>
      db.run(
        `INSERT INTO campaigns (title, round, plan, launched_at, final_review_at, guidance, ceremony_date, updated_at, id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...toParams(campaign), campaign.id, campaign.createdAt],
      ),
    );
  }

  async update(campaign: CampaignRecord): Promise<void> {
    await this.runner.transaction((db) =>
      db.run(
        `UPDATE campaigns SET title = ?, round = ?, plan = ?, launched_at = ?, final_review_at = ?, guidance = ?,
           ceremony_date = ?, updated_at = ? WHERE id = ?`,
        [...toParams(campaign), campaign.id],
      ),
    );
  }

  findById(id: string): Promise<CampaignRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?`, [id]);
      return row ? toCampaignRecord(row) : null;
    });
  }

  list(): Promise<CampaignRecord[]> {
    return this.runner.read(async (db) =>
      (await db.rows<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY created_at, id`)).map(toCampaignRecord),
    );
  }
}
