import {
  DeliveryRepository,
  type DeliveryAttempt,
  type DeliveryLogEntry,
  type DeliveryRecord,
  type DeliveryStatus,
  type NoticeEventType,
} from '#notifications';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

interface DeliveryRow {
  id: string;
  delivery_key: string;
  notice_id: string;
  channel: DeliveryRecord['channel'];
  webhook_id: string | null;
  recipient: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  outcome: DeliveryAttempt['outcome'];
}

const DELIVERY_COLUMNS =
  'd.id, d.delivery_key, d.notice_id, d.channel, d.webhook_id, d.recipient, d.status, d.attempts, d.last_error, ' +
  'd.created_at, d.updated_at, d.delivered_at';

const toRecord = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  key: row.delivery_key,
  noticeId: row.notice_id,
  channel: row.channel,
  webhookId: row.webhook_id,
  recipient: row.recipient,
  status: row.status,
  attempts: Number(row.attempts),
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deliveredAt: row.delivered_at,
});

const toAttempt = (row: AttemptRow): DeliveryAttempt => ({
  attempt: Number(row.attempt),
  at: row.at,
  statusCode: row.status_code === null ? null : Number(row.status_code),
  error: row.error,
  durationMs: Number(row.duration_ms),
  outcome: row.outcome,
});

const STATUS_AFTER: Record<DeliveryAttempt['outcome'], DeliveryStatus> = { delivered: 'delivered', retry: 'pending', dead: 'dead' };

export class SqlDeliveryRepository extends DeliveryRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  findById(id: string): Promise<DeliveryRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM notice_deliveries d WHERE d.id = ?`, [id]);
      return row ? toRecord(row) : null;
    });
  }

  recordAttempt(deliveryId: string, attempt: DeliveryAttempt): Promise<DeliveryStatus | null> {
    return this.runner.transaction(async (db) => {
      await db.run(
        `INSERT INTO notice_delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms, outcome)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [deliveryId, attempt.attempt, attempt.at, attempt.statusCode, attempt.error, attempt.durationMs, attempt.outcome],
      );
      const now = attempt.at;
      // Only a pending delivery moves: an accepted or dead-lettered one stays as it is.
      await db.run(
        `UPDATE notice_deliveries SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ?, delivered_at = ?
         WHERE id = ? AND status = 'pending'`,
        [STATUS_AFTER[attempt.outcome], attempt.error, now, attempt.outcome === 'delivered' ? now : null, deliveryId],
      );
      const [row] = await db.rows<{ status: DeliveryStatus }>('SELECT status FROM notice_deliveries WHERE id = ?', [deliveryId]);
      return row?.status ?? null;
    });
  }

  forWebhook(webhookId: string, limit: number): Promise<DeliveryLogEntry[]> {
    return this.runner.read(async (db) => {
      const rows = await db.rows<DeliveryRow & { proposal_id: string; event: NoticeEventType }>(
        `SELECT ${DELIVERY_COLUMNS}, n.proposal_id, n.event FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id
         WHERE d.webhook_id = ? ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
        [webhookId, limit],
      );
      if (rows.length === 0) return [];
      const attempts = await db.rows<AttemptRow>(
        `SELECT delivery_id, attempt, at, status_code, error, duration_ms, outcome FROM notice_delivery_attempts
         WHERE delivery_id IN (${rows.map(() => '?').join(', ')}) ORDER BY id`,
        rows.map((row) => row.id),
      );
      return rows.map((row) => ({
        ...toRecord(row),
        proposalId: row.proposal_id,
        event: row.event,
        log: attempts.filter((attempt) => attempt.delivery_id === row.id).map(toAttempt),
      }));
    });
  }
}
