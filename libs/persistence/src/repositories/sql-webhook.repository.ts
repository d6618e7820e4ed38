import { WebhookRepository, type NoticeEventType, type WebhookRecord } from '#notifications';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  secret: string;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
  disabled_by: string | null;
}

const WEBHOOK_COLUMNS = 'id, url, events, secret, created_by, created_at, disabled_at, disabled_by';

const toRecord = (row: WebhookRow): WebhookRecord => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events),
  secret: row.secret,
  createdBy: row.created_by,
  createdAt: row.created_at,
  disabledAt: row.disabled_at ?? null,
  disabledBy: row.disabled_by ?? null,
});

export class SqlWebhookRepository extends WebhookRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async create(webhook: WebhookRecord): Promise<void> {
    await this.runner.transaction((db) =>
      db.run('INSERT INTO webhooks (id, url, events, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        webhook.id,
        webhook.url,
        JSON.stringify(webhook.events),
        webhook.secret,
        webhook.createdBy,
        webhook.createdAt,
      ]),
    );
  }

  findById(id: string): Promise<WebhookRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`, [id]);
      return row ? toRecord(row) : null;
    });
  }

  list(): Promise<WebhookRecord[]> {
    return this.runner.read(async (db) =>
      (await db.rows<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`)).map(toRecord),
    );
  }

  /** A province registers a handful of webhooks: filtering the event list in memory beats JSON SQL per dialect. */
  async subscribedTo(event: NoticeEventType): Promise<WebhookRecord[]> {
    return (await this.list()).filter((webhook) => webhook.disabledAt === null && webhook.events.includes(event));
  }

  disable(id: string, by: string, at: string): Promise<boolean> {
    return this.runner.transaction(async (db) => {
      await db.run('UPDATE webhooks SET disabled_at = ?, disabled_by = ? WHERE id = ? AND disabled_at IS NULL', [at, by, id]);
      return (await db.rows<{ id: string }>('SELECT id FROM webhooks WHERE id = ?', [id])).length === 1;
    });
  }
}
