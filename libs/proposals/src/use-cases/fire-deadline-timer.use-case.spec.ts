import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createWorkingCalendar } from '#calendar';
import { GENESIS_HASH, eventHash } from '#audit';
import { FixedClock } from '#kernel';
import { openDatabase, SqlPersonRepository, SqlProposalRepository, SqlTransactionRunner, SqlUnitRepository } from '#persistence';
import { CURRENT_MACHINE_VERSION, startProposal, type ProposalInput } from '#workflows/proposal';
import type { LoggedEvent, ProposalDeadline, ProposalRecord } from '../proposal.records.js';
import { ApplyProposalEventUseCase } from './apply-proposal-event.use-case.js';
import { FireDeadlineTimerUseCase } from './fire-deadline-timer.use-case.js';
import { UnitUseCases } from './unit.use-cases.js';

/** Given proposals with deadlines in a throw-away SQLite file, when timer jobs fire, then what is logged. */
describe('firing deadline timers, a due moment at a time', () => {
  let dir: string;
  let dataSource: DataSource;
  let proposals: SqlProposalRepository;
  let people: SqlPersonRepository;
  let fire: FireDeadlineTimerUseCase;
  let apply: ApplyProposalEventUseCase;
  let unitId: string;
  let sequence = 0;
  const clock = new FixedClock(new Date('2026-06-10T03:00:00.000Z'));
  /** The last day 2026-06-12, ending at 24:00 in Vietnam; both rules end a deadline there. */
  const DUE_AT = '2026-06-12T17:00:00.000Z';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-fire-'));
    dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite'), url: 'sqlite:test' });
    const runner = new SqlTransactionRunner(dataSource);
    proposals = new SqlProposalRepository(runner);
    people = new SqlPersonRepository(runner);
    unitId = (await new UnitUseCases(new SqlUnitRepository(runner), clock).create({ code: 'SO-TMR', name: 'Sở Thử nghiệm' })).id;
    apply = new ApplyProposalEventUseCase(proposals, clock, createWorkingCalendar(), { documentsRequired: false }, people);
    fire = new FireDeadlineTimerUseCase(proposals, apply, clock);
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const givenDraft = async (rule: ProposalDeadline['rule'], awardForm: ProposalInput['awardForm'] = 'chairman_certificate'): Promise<string> => {
    const input: ProposalInput = {
      proposalId: `p-${String(++sequence).padStart(3, '0')}`,
      kind: 'extraordinary',
      unitId,
      campaignId: null,
      awardForm,
      nominee: { type: 'individual', name: `Người đề nghị ${sequence}` },
      achievement: { summary: 'Cứu người', date: '2026-06-02', basis: 'rescue' },
    };
    const snapshot = startProposal(CURRENT_MACHINE_VERSION, input);
    const at = clock.now().toISOString();
    const body = { proposalId: input.proposalId, seq: 1, type: 'CREATED', actor: { id: 'd', roles: ['drafter'], unitId }, at, payload: { ...input }, machineVersion: CURRENT_MACHINE_VERSION, state: snapshot.value };
    const created: LoggedEvent = { ...body, actor: { id: 'd', roles: ['drafter'], unitId }, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, body) };
    const record: ProposalRecord = {
      id: input.proposalId,
      kind: input.kind,
      unitId,
      campaignId: null,
      awardForm: input.awardForm,
      state: snapshot.value,
      snapshot,
      version: 1,
      machineVersion: CURRENT_MACHINE_VERSION,
      late: false,
      escalation: 'none',
      warnings: [],
      deadline: { rule, dueDate: '2026-06-12', dueAt: DUE_AT, provisional: false },
      lastSeq: 1,
      lastHash: created.hash,
      createdAt: at,
      updatedAt: at,
    };
    await proposals.transaction((tx) => tx.insert(record, created, []));
    return record.id;
  };

  const timerTypes = async (id: string) => (await proposals.history(id)).map((event) => event.type).filter((type) => type !== 'CREATED');
  const submitted = async (id: string) => apply.execute(id, { id: 'd', roles: ['drafter'], unitId }, { type: 'SUBMIT' });

  it("a unit's own award (DX-4, unit_certificate) submitted in time has met its deadline: no missed notice, no escalation", async () => {
    const ownAward = await givenDraft('DX-4', 'unit_certificate');
    const forProvince = await givenDraft('DX-4', 'chairman_certificate');
    clock.set('2026-06-11T03:00:00.000Z');
    for (const id of [ownAward, forProvince]) await submitted(id);

    clock.set('2026-06-16T17:00:01.000Z');
    const fresh = new FireDeadlineTimerUseCase(proposals, apply, clock);
    expect((await fresh.execute({ proposalId: ownAward, kind: 'escalation', dueAt: DUE_AT })).sent).toEqual([]);
    expect(await timerTypes(ownAward)).toEqual(['SUBMIT']);
    // Bound for the province, the same deadline is met only at FORWARD: still waiting at the unit, it is missed.
    expect(await timerTypes(forProvince)).toEqual(['SUBMIT', 'DEADLINE_MISSED', 'ESCALATE']);
  });

  it('the first job of a moment fires every proposal due then, once; the moment’s other jobs find their work done', async () => {
    const ids = [await givenDraft('DX-4'), await givenDraft('DX-4'), await givenDraft('TH-5')];
    clock.set('2026-06-12T17:00:01.000Z');

    const first = await fire.execute({ proposalId: ids[0], kind: 'missed', dueAt: DUE_AT });
    expect(first).toEqual({ sent: ['DEADLINE_MISSED'], swept: { proposals: 2, events: 2 } });
    for (const id of ids.slice(1)) {
      expect(await fire.execute({ proposalId: id, kind: 'missed', dueAt: DUE_AT })).toEqual({ sent: [], swept: { proposals: 0, events: 0 } });
    }
    for (const id of ids) expect(await timerTypes(id)).toEqual(['DEADLINE_MISSED']);
  });

  it('a reminder reaches only the proposals under its own rule: a TH-5 reminder does not remind a DX-4 proposal days early', async () => {
    const dx4 = await givenDraft('DX-4');
    const th5 = [await givenDraft('TH-5'), await givenDraft('TH-5')];
    // TH-5 reminds 5 working days before the last day; DX-4 only 3 days before the end of it.
    clock.set('2026-06-05T01:00:00.000Z');

    const outcome = await fire.execute({ proposalId: th5[0], kind: 'reminder', dueAt: DUE_AT });
    expect(outcome).toEqual({ sent: ['DEADLINE_REMINDER'], swept: { proposals: 1, events: 1 } });
    expect(await timerTypes(th5[1])).toEqual(['DEADLINE_REMINDER']);
    expect(await timerTypes(dx4)).toEqual([]);

    clock.set('2026-06-09T17:00:00.000Z');
    expect(await fire.execute({ proposalId: dx4, kind: 'reminder', dueAt: DUE_AT })).toMatchObject({ sent: ['DEADLINE_REMINDER'] });
  });

  it('a proposal the sweep cannot read does not cost the others their timers, nor the job its own', async () => {
    const [own, broken] = [await givenDraft('DX-4'), await givenDraft('DX-4')];
    await dataSource.query('UPDATE proposals SET snapshot = ? WHERE id = ?', ['{not json', broken]);
    clock.set('2026-06-12T17:00:02.000Z');

    // A fresh use case: the one above remembers that this moment was swept a minute ago.
    const fresh = new FireDeadlineTimerUseCase(proposals, new ApplyProposalEventUseCase(proposals, clock, createWorkingCalendar(), { documentsRequired: false }, people), clock);
    const outcome = await fresh.execute({ proposalId: own, kind: 'escalation', dueAt: DUE_AT });
    expect(outcome.sweepError).toMatch(/JSON/);
    expect(outcome.sent).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
    expect(await timerTypes(own)).toEqual(['DEADLINE_MISSED', 'ESCALATE']);
  });
});
