import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createWorkingCalendar } from '#calendar';
import { GENESIS_HASH, eventHash } from '#audit';
import { FixedClock, type Actor } from '#kernel';
import { openDatabase, SqlPersonRepository, SqlProposalRepository, SqlTransactionRunner, SqlUnitRepository } from '#persistence';
import {
  MIGRATED_EVENT,
  restore,
  startProposal,
  step,
  toStored,
  upgradeSnapshot,
  type MigratedPayload,
  type ProposalEvent,
  type ProposalInput,
  type StoredSnapshot,
} from '#workflows/proposal';
import type { LoggedEvent, ProposalRecord } from '../proposal.records.js';
import { ApplyProposalEventUseCase } from './apply-proposal-event.use-case.js';
import { MigrateProposalsUseCase } from './migrate-proposals.use-case.js';
import { UnitUseCases } from './unit.use-cases.js';

/**
 * The fold an auditor's replay runs (docs/architecture.md, "How a command runs"), with MIGRATED as the one line that is
 * not a machine event: it upgrades what has been folded so far and the machine version changes from there on.
 */
function replay(events: LoggedEvent[]): StoredSnapshot {
  const [created, ...rest] = events;
  let stored = startProposal(created.machineVersion, created.payload as unknown as ProposalInput);
  for (const logged of rest) {
    if (logged.type === MIGRATED_EVENT) {
      const { fromVersion, toVersion } = logged.payload as unknown as MigratedPayload;
      stored = upgradeSnapshot(stored, fromVersion, toVersion);
      continue;
    }
    const event = { ...logged.payload, type: logged.type, actor: logged.actor, at: logged.at } as ProposalEvent;
    stored = toStored(step(logged.machineVersion, restore(logged.machineVersion, stored), event).next);
  }
  return stored;
}

const chainHolds = (events: LoggedEvent[]) =>
  events.every(
    ({ prevHash, hash, ...body }, i) => prevHash === (i === 0 ? GENESIS_HASH : events[i - 1].hash) && hash === eventHash(prevHash, body),
  );

/** Given/When/Then over the real SQL adapter on a throw-away SQLite file, with the clock held still. */
describe('migrating proposals to a newer machine version', () => {
  let dir: string;
  let dataSource: DataSource;
  let proposals: SqlProposalRepository;
  let apply: ApplyProposalEventUseCase;
  let migrate: MigrateProposalsUseCase;
  let drafter: Actor;
  let head: Actor;
  const council: Actor = { id: 'c-1', roles: ['council'], unitId: null };
  const homeAffairs: Actor = { id: 'ha-1', roles: ['home_affairs'], unitId: null };
  const chairman: Actor = { id: 'ch-1', roles: ['chairman'], unitId: null };
  const admin: Actor = { id: 'admin-1', roles: ['admin'], unitId: null };
  const clock = new FixedClock(new Date('2026-05-04T02:00:00.000Z'));
  let sequence = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-migrate-'));
    dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite'), url: 'sqlite:test' });
    const runner = new SqlTransactionRunner(dataSource);
    proposals = new SqlProposalRepository(runner);
    const unit = await new UnitUseCases(new SqlUnitRepository(runner), clock).create({ code: 'SO-MIG', name: 'Sở Thử nghiệm' });
    drafter = { id: 'd-1', roles: ['drafter'], unitId: unit.id };
    head = { id: 'h-1', roles: ['unit_head'], unitId: unit.id };
    apply = new ApplyProposalEventUseCase(proposals, clock, createWorkingCalendar(), { documentsRequired: false }, new SqlPersonRepository(runner));
    migrate = new MigrateProposalsUseCase(proposals, clock);
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A proposal created while version 1 was current: the create use case now starts every proposal on the
   * current version, so the row and its CREATED line are written as version 1 wrote them.
   */
  const givenV1Proposal = async (): Promise<string> => {
    const input: ProposalInput = {
      proposalId: `p-v1-${++sequence}`,
      kind: 'extraordinary',
      unitId: drafter.unitId!,
      campaignId: null,
      awardForm: 'chairman_certificate',
      nominee: { type: 'individual', name: 'Đinh Văn Tú' },
      achievement: { summary: 'Cứu người', date: '2026-04-30', basis: 'rescue' },
    };
    const snapshot = startProposal(1, input);
    const at = clock.now().toISOString();
    const body = { proposalId: input.proposalId, seq: 1, type: 'CREATED', actor: drafter, at, payload: { ...input }, machineVersion: 1, state: snapshot.value };
    const created: LoggedEvent = { ...body, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, body) };
    const record: ProposalRecord = {
      id: input.proposalId,
      kind: input.kind,
      unitId: input.unitId,
      campaignId: null,
      awardForm: input.awardForm,
      state: snapshot.value,
      snapshot,
      version: 1,
      machineVersion: 1,
      late: false,
      escalation: 'none',
      warnings: [],
      deadline: null,
      lastSeq: 1,
      lastHash: created.hash,
      createdAt: at,
      updatedAt: at,
    };
    await proposals.transaction((tx) => tx.insert(record, created, []));
    return record.id;
  };

  const givenV1AtHomeAffairs = async (): Promise<string> => {
    const id = await givenV1Proposal();
    await apply.execute(id, drafter, { type: 'SUBMIT' });
    await apply.execute(id, head, { type: 'FORWARD' });
    await apply.execute(id, council, { type: 'RECOMMEND', vote: { members: 9, for: 8, against: 1 } });
    return id;
  };

  it('moves an open version 1 proposal to version 2 with a MIGRATED line, the stage unchanged', async () => {
    const id = await givenV1AtHomeAffairs();
    const before = (await proposals.findById(id))!;
    clock.set('2026-05-05T01:00:00.000Z');

    const [result] = await migrate.execute(admin, [id]);

    const after = (await proposals.findById(id))!;
    const history = await proposals.history(id);
    expect(result).toEqual({ id, outcome: 'migrated', fromVersion: 1, toVersion: 2 });
    expect(after).toMatchObject({ machineVersion: 2, state: 'homeAffairsAgreement', version: before.version + 1, lastSeq: before.lastSeq + 1 });
    expect(after.snapshot).toEqual(upgradeSnapshot(before.snapshot, 1, 2));
    expect(history.at(-1)).toMatchObject({
      seq: before.lastSeq + 1,
      type: 'MIGRATED',
      actor: admin,
      at: '2026-05-05T01:00:00.000Z',
      payload: { fromVersion: 1, toVersion: 2 },
      machineVersion: 2,
      state: 'homeAffairsAgreement',
      prevHash: before.lastHash,
    });
    expect(after.lastHash).toBe(history.at(-1)!.hash);
  });

  it('keeps the chain whole and the history replayable across the version change', async () => {
    const id = await givenV1AtHomeAffairs();
    await migrate.execute(admin, [id]);
    await apply.execute(id, homeAffairs, { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu xác nhận của địa phương' });
    await apply.execute(id, drafter, { type: 'SUPPLEMENT', note: 'Đã bổ sung' });

    const history = await proposals.history(id);
    const stored = (await proposals.findById(id))!;
    expect(history.map((event) => [event.type, event.machineVersion])).toEqual([
      ['CREATED', 1],
      ['SUBMIT', 1],
      ['FORWARD', 1],
      ['RECOMMEND', 1],
      ['MIGRATED', 2],
      ['REQUEST_SUPPLEMENT', 2],
      ['SUPPLEMENT', 2],
    ]);
    expect(chainHolds(history)).toBe(true);
    expect(replay(history)).toEqual(stored.snapshot);
    expect(stored.snapshot.context.supplementRequests).toBe(1);
  });

  it('gives the migrated proposal the events version 1 did not have', async () => {
    const id = await givenV1AtHomeAffairs();
    const request = { type: 'REQUEST_SUPPLEMENT', reason: 'Thiếu ảnh' } as const;
    await expect(apply.execute(id, homeAffairs, request)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    await migrate.execute(admin, [id]);
    const { body } = await apply.execute(id, homeAffairs, request);

    expect(body).toMatchObject({ state: 'supplementRequested', machineVersion: 2, lastReason: 'Thiếu ảnh' });
  });

  it('reports each id: already there, decided, unknown — and writes nothing for them', async () => {
    const done = await givenV1AtHomeAffairs();
    await apply.execute(done, homeAffairs, { type: 'AGREE' });
    await apply.execute(done, chairman, { type: 'APPROVE', decision: { number: '12/QĐ-UBND', date: '2026-05-04', signedBy: 'Chủ tịch' } });
    const open = await givenV1Proposal();
    await migrate.execute(admin, [open]);
    const lengths = async () => [(await proposals.history(done)).length, (await proposals.history(open)).length];
    const before = await lengths();

    const results = await migrate.execute(admin, [open, done, 'no-such-proposal']);

    expect(results).toEqual([
      { id: open, outcome: 'already', fromVersion: 2, toVersion: 2 },
      { id: done, outcome: 'final', fromVersion: 1, toVersion: 1 },
      { id: 'no-such-proposal', outcome: 'not_found' },
    ]);
    expect(await lengths()).toEqual(before);
    expect((await proposals.findById(done))!.machineVersion).toBe(1);
  });

  it('is for administrators only', async () => {
    const id = await givenV1Proposal();

    for (const caller of [head, homeAffairs, { id: 'a-1', roles: ['auditor'], unitId: null } as Actor, { id: 'a-2', roles: ['admin', 'auditor'], unitId: null } as Actor]) {
      await expect(migrate.execute(caller, [id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await proposals.findById(id))!.machineVersion).toBe(1);
  });

  it('refuses a version nobody registered', async () => {
    const id = await givenV1Proposal();

    await expect(migrate.execute(admin, [id], 7)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await proposals.history(id)).toHaveLength(1);
  });
});
