import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { FixedClock, type Actor } from '#kernel';
import { UnitUseCases } from '#proposals';
import { openDatabase } from '../open-database.js';
import { SqlTransactionRunner } from './sql-transaction-runner.js';
import { SqlUnitRepository } from './sql-unit.repository.js';

/** Given units with a history in a throw-away SQLite file, what the light read and a recorded change answer. */
describe('the unit registry: the head of a unit and the answer to a change', () => {
  let dir: string;
  let dataSource: DataSource;
  let repository: SqlUnitRepository;
  let units: UnitUseCases;
  const admin: Actor = { id: 'admin-1', roles: ['admin'], unitId: null };
  const RESOLUTION = { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-06-16' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-units-'));
    dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite'), url: 'sqlite:test' });
    repository = new SqlUnitRepository(new SqlTransactionRunner(dataSource));
    units = new UnitUseCases(repository, new FixedClock(new Date('2026-05-04T02:00:00.000Z')));
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('findHead: the unit as its row stands today, without the history findById reads; null for no such unit', async () => {
    // Given a unit renamed once
    const unit = await units.create({ code: 'HUYEN-A', name: 'Huyện Nghi Lộc' });
    await units.recordChange(admin, unit.id, { kind: 'renamed', from: '2025-01-01', name: 'Huyện Nghi Lộc Mới', document: RESOLUTION });

    // When it is read both ways
    const full = await repository.findById(unit.id);
    const head = await repository.findHead(unit.id);

    // Then the head is the full record less its history
    expect(full?.history).toHaveLength(1);
    const { history: _history, ...rest } = full!;
    expect(head).toEqual(rest);
    expect(head).not.toHaveProperty('history');
    expect(head?.name).toBe('Huyện Nghi Lộc Mới');
    expect(await repository.findHead('no-such-unit')).toBeNull();
  });

  it('recordChange answers what a fresh read shows, the merged unit pointing at what it is now', async () => {
    // Given a district and the commune it merges into, itself merged later into a third
    const district = await units.create({ code: 'HUYEN-B', name: 'Huyện Hưng Nguyên' });
    const commune = await units.create({ code: 'XA-B', name: 'Xã Hưng Nguyên' });
    const ward = await units.create({ code: 'PHUONG-B', name: 'Phường Vinh Hưng' });
    await units.recordChange(admin, commune.id, { kind: 'merged_into', from: '2026-01-01', successorId: ward.id, document: RESOLUTION });

    // When the district is merged into the commune
    const answered = await units.recordChange(admin, district.id, { kind: 'merged_into', from: '2025-07-01', successorId: commune.id, document: RESOLUTION });

    // Then the answer is the unit as it now reads, at the end of its chain
    expect(answered).toEqual(await units.get(district.id));
    expect(answered.dissolvedOn).toBe('2025-07-01');
    expect(answered.current).toEqual({ id: ward.id, name: 'Phường Vinh Hưng' });
    expect(answered.history.map((entry) => entry.kind)).toEqual(['merged_into']);
  });
});
