import { inboxDeliveryKey, NoticeRepository, type Audience, type DeliveryRecord, type InboxItem, type NoticeRecord } from '#notifications';
import type { OutboxMessage, Page } from '#proposals';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';
import { SqlSession, SqlTransactionRunner } from './sql-transaction-runner.js';

interface NoticeRow {
  id: string;
  notice_key: string;
  proposal_id: string;
  seq: number;
  event: NoticeRecord['event'];
  unit_id: string;
  nominee: string;
  rule: NoticeRecord['rule'];
  due_date: string | null;
  due_at: string | null;
  title: string;
  body: string;
  title_en: string;
  body_en: string;
  at: string;
  created_at: string;
}

const NOTICE_COLUMNS =
  'n.id, n.notice_key, n.proposal_id, n.seq, n.event, n.unit_id, n.nominee, n.rule, n.due_date, n.due_at, ' +
  'n.title, n.body, n.title_en, n.body_en, n.at, n.created_at';

const toNotice = (row: NoticeRow, audiences: Audience[]): NoticeRecord => ({
  id: row.id,
  key: row.notice_key,
  proposalId: row.proposal_id,
  seq: Number(row.seq),
  event: row.event,
  unitId: row.unit_id,
  nominee: row.nominee,
  rule: row.rule,
  dueDate: row.due_date,
  dueAt: row.due_at,
  title: row.title,
  body: row.body,
  titleEn: row.title_en,
  bodyEn: row.body_en,
  at: row.at,
  audiences,
  createdAt: row.created_at,
});

const toItem = (row: NoticeRow & { read_at: string | null }): InboxItem => {
  const { key: _key, audiences: _audiences, ...notice } = toNotice(row, []);
  return { ...notice, read: row.read_at !== null, readAt: row.read_at };
};

/**
 * `n` is visible to a user whose audiences are these: some audience row of the notice matches one of them. A
 * user with no audience sees nothing.
 */
function visibleTo(audiences: Audience[]): { sql: string; params: unknown[] } {
  if (audiences.length === 0) return { sql: '1 = 0', params: [] };
  const params: unknown[] = [];
  const clauses = audiences.map((audience) => {
    params.push(audience.role);
    if (audience.unitId === null) return '(a.role = ? AND a.unit_id IS NULL)';
    params.push(audience.unitId);
    return '(a.role = ? AND a.unit_id = ?)';
  });
  return { sql: `EXISTS (SELECT 1 FROM notice_audiences a WHERE a.notice_id = n.id AND (${clauses.join(' OR ')}))`, params };
}



export class SqlNoticeRepository extends NoticeRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  exists(key: string): Promise<boolean> {
    return this.runner.read(async (db) => (await db.rows('SELECT 1 AS found FROM notices WHERE notice_key = ?', [key])).length > 0);
  }

  async store(notice: NoticeRecord, deliveries: DeliveryRecord[], outbox: OutboxMessage[]): Promise<boolean> {
    try {
      return await this.runner.transaction(async (db) => {
        if ((await db.rows('SELECT 1 AS found FROM notices WHERE notice_key = ?', [notice.key])).length > 0) return false;
        await db.run(
          `INSERT INTO notices (id, notice_key, proposal_id, seq, event, unit_id, nominee, rule, due_date, due_at,
             title, body, title_en, body_en, at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            notice.id,
            notice.key,
            notice.proposalId,
            notice.seq,
            notice.event,
            notice.unitId,
            notice.nominee,
            notice.rule,
            notice.dueDate,
            notice.dueAt,
            notice.title,
            notice.body,
            notice.titleEn,
            notice.bodyEn,
            notice.at,
            notice.createdAt,
          ],
        );
        for (const audience of notice.audiences) {
          await db.run('INSERT INTO notice_audiences (delivery_key, notice_id, role, unit_id) VALUES (?, ?, ?, ?)', [
            inboxDeliveryKey(notice.key, audience),
            notice.id,
            audience.role,
            audience.unitId,
          ]);
        }
        for (const d of deliveries) {
          await db.run(
            `INSERT INTO notice_deliveries (id, delivery_key, notice_id, channel, webhook_id, recipient, status, attempts,
               last_error, created_at, updated_at, delivered_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [d.id, d.key, d.noticeId, d.channel, d.webhookId, d.recipient, d.status, d.attempts, d.lastError, d.createdAt, d.updatedAt, d.deliveredAt],
          );
        }
        // Relayed to the delivery queue after commit, like every other side effect.
        for (const message of outbox) {
          await db.run('INSERT INTO outbox (topic, message_key, payload, created_at) VALUES (?, ?, ?, ?)', [
            message.topic,
            message.key,
            JSON.stringify(message.payload),
            notice.createdAt,
          ]);
        }
        return true;
      });
    } catch (error) {
      // Two workers composing the same notice at once: the loser's transaction meets the unique key.
      if (this.runner.dialect.isUniqueViolation(error)) return false;
      throw error;
    }
  }

  findById(id: string): Promise<NoticeRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM notices n WHERE n.id = ?`, [id]);
      if (!row) return null;
      const audiences = await db.rows<{ role: Audience['role']; unit_id: string | null }>(
        'SELECT role, unit_id FROM notice_audiences WHERE notice_id = ? ORDER BY delivery_key',
        [id],
      );
      return toNotice(row, audiences.map((a) => ({ role: a.role, unitId: a.unit_id })));
    });
  }

  inbox(audiences: Audience[], userId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>> {
    const visible = visibleTo(audiences);
    const where = [visible.sql];
    const params: unknown[] = [userId, ...visible.params];
    if (cursor) {
      const [at, id] = decodeCursor(cursor);
      where.push('(n.at < ? OR (n.at = ? AND n.id < ?))');
      params.push(at, at, id);
    }
    params.push(limit + 1);
    return this.runner.read(async (db) => {
      const rows = await db.rows<NoticeRow & { read_at: string | null }>(
        `SELECT ${NOTICE_COLUMNS}, r.read_at FROM notices n
         LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?
         WHERE ${where.join(' AND ')} ORDER BY n.at DESC, n.id DESC LIMIT ?`,
        params,
      );
      const items = rows.slice(0, limit).map(toItem);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].at, items[items.length - 1].id) : null };
    });
  }

  unreadCount(audiences: Audience[], userId: string): Promise<number> {
    const visible = visibleTo(audiences);
    return this.runner.read(async (db) => {
      const [row] = await db.rows<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM notices n
         WHERE ${visible.sql} AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ?)`,
        [...visible.params, userId],
      );
      return Number(row.n);
    });
  }

  markRead(noticeId: string, audiences: Audience[], userId: string, at: string): Promise<InboxItem | null> {
    const visible = visibleTo(audiences);
    return this.runner.transaction(async (db) => {
      const [seen] = await db.rows(`SELECT 1 AS found FROM notices n WHERE n.id = ? AND ${visible.sql}`, [noticeId, ...visible.params]);
      if (!seen) return null;
      // The first read counts; reading again (or twice at once) keeps it.
      await db.run('INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT (notice_id, user_id) DO NOTHING', [
        noticeId,
        userId,
        at,
      ]);
      return this.item(db, noticeId, userId);
    });
  }

  markAllRead(audiences: Audience[], userId: string, at: string): Promise<number> {
    const visible = visibleTo(audiences);
    // One statement: a notice read meanwhile (another tab) keeps its first read, as markRead does.
    return this.runner.transaction((db) =>
      db.run(
        `INSERT INTO notice_reads (notice_id, user_id, read_at)
         SELECT n.id, ?, ? FROM notices n
         WHERE ${visible.sql} AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ?)
         ON CONFLICT (notice_id, user_id) DO NOTHING`,
        [userId, at, ...visible.params, userId],
      ),
    );
  }

  private async item(db: SqlSession, noticeId: string, userId: string): Promise<InboxItem> {
    const [row] = await db.rows<NoticeRow & { read_at: string | null }>(
      `SELECT ${NOTICE_COLUMNS}, r.read_at FROM notices n
       LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?
       WHERE n.id = ?`,
      [userId, noticeId],
    );
    return toItem(row);
  }
}
