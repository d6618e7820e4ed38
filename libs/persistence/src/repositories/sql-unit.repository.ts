import { DomainError } from '#kernel';
import { UnitRepository, type UnitRecord } from '#proposals';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  created_at: string;
}

const toRecord = (row: UnitRow): UnitRecord => ({ id: row.id, code: row.code, name: row.name, createdAt: row.created_at });

export class SqlUnitRepository extends UnitRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async create(unit: UnitRecord): Promise<void> {
    try {
      await this.runner.transaction((db) =>
        db.run('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [unit.id, unit.code, unit.name, unit.createdAt]),
      );
    } catch (error) {
      if (this.runner.dialect.isUniqueViolation(error)) {
        throw new DomainError('DUPLICATE', `A unit with code ${unit.code} already exists`, { field: 'code' });
      }
      throw error;
    }
  }

  findById(id: string): Promise<UnitRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<UnitRow>('SELECT id, code, name, created_at FROM units WHERE id = ?', [id]);
      return row ? toRecord(row) : null;
    });
  }

  list(): Promise<UnitRecord[]> {
    return this.runner.read(async (db) =>
      (await db.rows<UnitRow>('SELECT id, code, name, created_at FROM units ORDER BY code')).map(toRecord),
    );
  }
}
