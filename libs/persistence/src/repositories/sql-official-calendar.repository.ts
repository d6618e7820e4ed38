import { OfficialCalendarRepository, type StoredCalendar } from '#proposals';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

export class SqlOfficialCalendarRepository extends OfficialCalendarRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  all(): Promise<StoredCalendar[]> {
    return this.runner.read(async (db) =>
      (
        await db.rows<{ year: number; schedule: string; loaded_at: string; loaded_by: string }>(
          'SELECT year, schedule, loaded_at, loaded_by FROM official_calendars ORDER BY year',
        )
      ).map((row) => ({ year: Number(row.year), schedule: JSON.parse(row.schedule), loadedAt: row.loaded_at, loadedBy: row.loaded_by })),
    );
  }

  async save(calendar: StoredCalendar): Promise<void> {
    await this.runner.transaction(async (db) => {
      await db.run('DELETE FROM official_calendars WHERE year = ?', [calendar.year]);
      await db.run('INSERT INTO official_calendars (year, schedule, loaded_at, loaded_by) VALUES (?, ?, ?, ?)', [
        calendar.year,
        JSON.stringify(calendar.schedule),
        calendar.loadedAt,
        calendar.loadedBy,
      ]);
    });
  }
}
