import type { ClusterKind, UnitChangeKind, UnitHistoryEntry, UnitType } from '#contracts';
import { DomainError } from '#kernel';
import { UnitRepository, type ClusterRecord, type UnitHead, type UnitRecord } from '#proposals';
import { SqlTransactionRunner, type SqlSession } from './sql-transaction-runner.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  type: string;
  cluster_id: string | null;
  dissolved_on: string | null;
  successor_id: string | null;
  created_at: string;
}

interface ChangeRow {
  unit_id: string;
  seq: number | string;
  kind: string;
  effective_from: string;
  document_ref: string;
  document_issued_at: string;
  document_kind: string | null;
  name: string | null;
  previous_name: string | null;
  successor_id: string | null;
  type: string | null;
  previous_type: string | null;
  cluster_id: string | null;
  previous_cluster_id: string | null;
  recorded_at: string;
  recorded_by: string;
}

interface ClusterRow {
  id: string;
  name: string;
  kind: string;
  created_at: string;
}

const UNIT_COLUMNS = 'id, code, name, type, cluster_id, dissolved_on, successor_id, created_at';
const CHANGE_COLUMNS =
  'unit_id, seq, kind, effective_from, document_ref, document_issued_at, document_kind, name, previous_name, successor_id, ' +
  'type, previous_type, cluster_id, previous_cluster_id, recorded_at, recorded_by';

const toEntry = (row: ChangeRow): UnitHistoryEntry => ({
  seq: Number(row.seq),
  kind: row.kind as UnitChangeKind,
  from: row.effective_from,
  document: { ref: row.document_ref, issuedAt: row.document_issued_at, kind: row.document_kind },
  name: row.name,
  previousName: row.previous_name,
  successorId: row.successor_id,
  type: row.type as UnitType | null,
  previousType: row.previous_type as UnitType | null,
  clusterId: row.cluster_id,
  previousClusterId: row.previous_cluster_id,
  recordedAt: row.recorded_at,
  recordedBy: row.recorded_by,
});

const toHead = (row: UnitRow): UnitHead => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type as UnitType,
  clusterId: row.cluster_id,
  dissolvedOn: row.dissolved_on,
  successorId: row.successor_id,
  createdAt: row.created_at,
});

const toRecord = (row: UnitRow, history: UnitHistoryEntry[]): UnitRecord => ({ ...toHead(row), history });

const toCluster = (row: ClusterRow): ClusterRecord => ({ id: row.id, name: row.name, kind: row.kind as ClusterKind, createdAt: row.created_at });

/** Every unit with its history, in code order, in two queries. */
async function readAll(db: SqlSession): Promise<UnitRecord[]> {
  const rows = await db.rows<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY code`);
  const changes = await db.rows<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM unit_changes ORDER BY unit_id, seq`);
  const byUnit = new Map<string, UnitHistoryEntry[]>();
  for (const change of changes) {
    const list = byUnit.get(change.unit_id) ?? [];
    list.push(toEntry(change));
    byUnit.set(change.unit_id, list);
  }
  return rows.map((row) => toRecord(row, byUnit.get(row.id) ?? []));
}

export class SqlUnitRepository extends UnitRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  async create(unit: UnitRecord): Promise<void> {
    try {
      await this.runner.transaction((db) =>
        db.run('INSERT INTO units (id, code, name, type, cluster_id, dissolved_on, successor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          unit.id,
          unit.code,
          unit.name,
          unit.type,
          unit.clusterId,
          unit.dissolvedOn,
          unit.successorId,
          unit.createdAt,
        ]),
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
      const [row] = await db.rows<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ?`, [id]);
      if (!row) return null;
      const changes = await db.rows<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM unit_changes WHERE unit_id = ? ORDER BY seq`, [id]);
      return toRecord(row, changes.map(toEntry));
    });
  }

  findHead(id: string): Promise<UnitHead | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = ?`, [id]);
      return row ? toHead(row) : null;
    });
  }

  list(): Promise<UnitRecord[]> {
    return this.runner.read(readAll);
  }

  recordChange(
    unitId: string,
    decide: (unit: UnitRecord, units: ReadonlyMap<string, UnitRecord>, clusters: ReadonlySet<string>) => { entry: UnitHistoryEntry; next: UnitRecord },
  ): Promise<UnitRecord> {
    return this.runner.transaction(async (db) => {
      // One change at a time, province-wide: a merge is judged against every unit's chain (A into B while B goes
      // into A would be a cycle that neither sees alone). On PostgreSQL this mode excludes other unit writes
      // and itself, not reads nor the key-share locks a new proposal takes; on SQLite the write lock orders them.
      if (db.dialect.kind === 'postgres') await db.run('LOCK TABLE units IN SHARE ROW EXCLUSIVE MODE');
      const units = new Map((await readAll(db)).map((unit) => [unit.id, unit]));
      const unit = units.get(unitId);
      if (!unit) throw new DomainError('NOT_FOUND', `Unit ${unitId} does not exist`, { id: unitId });
      const clusters = new Set((await db.rows<{ id: string }>('SELECT id FROM clusters')).map((row) => row.id));
      const { entry, next } = decide(unit, units, clusters);
      await db.run(
        `INSERT INTO unit_changes (${CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          unitId,
          entry.seq,
          entry.kind,
          entry.from,
          entry.document.ref,
          entry.document.issuedAt,
          entry.document.kind,
          entry.name,
          entry.previousName,
          entry.successorId,
          entry.type,
          entry.previousType,
          entry.clusterId,
          entry.previousClusterId,
          entry.recordedAt,
          entry.recordedBy,
        ],
      );
      await db.run('UPDATE units SET name = ?, type = ?, cluster_id = ?, dissolved_on = ?, successor_id = ? WHERE id = ?', [
        next.name,
        next.type,
        next.clusterId,
        next.dissolvedOn,
        next.successorId,
        unitId,
      ]);
      return next;
    });
  }

  async createCluster(cluster: ClusterRecord): Promise<void> {
    try {
      await this.runner.transaction((db) =>
        db.run('INSERT INTO clusters (id, name, kind, created_at) VALUES (?, ?, ?, ?)', [cluster.id, cluster.name, cluster.kind, cluster.createdAt]),
      );
    } catch (error) {
      if (this.runner.dialect.isUniqueViolation(error)) {
        throw new DomainError('DUPLICATE', `A cluster named ${cluster.name} already exists`, { field: 'name' });
      }
      throw error;
    }
  }

  listClusters(): Promise<ClusterRecord[]> {
    return this.runner.read(async (db) => (await db.rows<ClusterRow>('SELECT id, name, kind, created_at FROM clusters ORDER BY kind, name')).map(toCluster));
  }

  findCluster(id: string): Promise<ClusterRecord | null> {
    return this.runner.read(async (db) => {
      const [row] = await db.rows<ClusterRow>('SELECT id, name, kind, created_at FROM clusters WHERE id = ?', [id]);
      return row ? toCluster(row) : null;
    });
  }
}
