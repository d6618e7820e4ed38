import { mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createWorkingCalendar } from '#calendar';
import { FileBlobStore, inspectContent, stageUpload } from '#documents';
import { DomainError, FixedClock, foldVietnamese, SYSTEM_ACTOR, type Actor, type DocumentKind } from '#kernel';
import { openDatabase, SqlCampaignRepository, SqlPersonRepository, SqlProposalRepository, SqlTransactionRunner, SqlUnitRepository } from '#persistence';
import { ApplyProposalEventUseCase } from './apply-proposal-event.use-case.js';
import { CreateProposalUseCase } from './create-proposal.use-case.js';
import { DossierUseCases } from './dossier.use-cases.js';
import { UnitUseCases } from './unit.use-cases.js';

/** Given/When/Then over the real SQL adapter on a throw-away SQLite file, with the clock held still. */
describe('applying an event to a proposal', () => {
  let dir: string;
  let dataSource: DataSource;
  let proposals: SqlProposalRepository;
  let apply: ApplyProposalEventUseCase;
  let withDocuments: ApplyProposalEventUseCase;
  let dossier: DossierUseCases;
  let create: CreateProposalUseCase;
  let people: SqlPersonRepository;
  let drafter: Actor;
  let head: Actor;
  const clock = new FixedClock(new Date('2026-05-04T02:00:00.000Z'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-apply-'));
    dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite'), url: 'sqlite:test' });
    const runner = new SqlTransactionRunner(dataSource);
    proposals = new SqlProposalRepository(runner);
    const unitRepository = new SqlUnitRepository(runner);
    const unit = await new UnitUseCases(unitRepository, clock).create({ code: 'SO-TEST', name: 'Sở Thử nghiệm' });
    drafter = { id: 'd-1', roles: ['drafter'], unitId: unit.id };
    head = { id: 'h-1', roles: ['unit_head'], unitId: unit.id };
    const calendar = createWorkingCalendar();
    people = new SqlPersonRepository(runner);
    create = new CreateProposalUseCase(proposals, unitRepository, new SqlCampaignRepository(runner), clock, calendar, new SqlPersonRepository(runner));
    // These cases are about the command itself; the dossier's documents have their own cases below.
    apply = new ApplyProposalEventUseCase(proposals, clock, calendar, { documentsRequired: false }, new SqlPersonRepository(runner));
    withDocuments = new ApplyProposalEventUseCase(proposals, clock, calendar, { documentsRequired: true }, new SqlPersonRepository(runner));
    dossier = new DossierUseCases(proposals, new FileBlobStore(join(dir, 'documents')), clock);
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const givenDraft = async () =>
    (
      await create.execute(drafter, {
        kind: 'extraordinary',
        campaignId: null,
        unitId: drafter.unitId!,
        awardForm: 'chairman_certificate',
        nominee: { type: 'individual', name: 'Đinh Văn Tú' },
        achievement: { summary: 'Cứu người', date: '2026-04-30', basis: 'rescue' },
      })
    ).body;

  it('stamps the event with the clock and chains it on the previous hash', async () => {
    const draft = await givenDraft();
    clock.set('2026-05-04T03:15:00.000Z');

    const { body } = await apply.execute(draft.id, drafter, { type: 'SUBMIT' });

    const [created, submitted] = await proposals.history(draft.id);
    expect(body.state).toBe('unitDecision');
    expect(body.version).toBe(2);
    expect(submitted).toMatchObject({ seq: 2, type: 'SUBMIT', at: '2026-05-04T03:15:00.000Z', prevHash: created.hash });
    expect(submitted.actor).toEqual(drafter);
  });

  it('refuses a stale version and logs nothing', async () => {
    const draft = await givenDraft();
    await apply.execute(draft.id, drafter, { type: 'SUBMIT' });

    const attempt = apply.execute(draft.id, head, { type: 'FORWARD' }, { expectedVersion: 1 });

    await expect(attempt).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await proposals.history(draft.id)).toHaveLength(2);
  });

  it('writes no new person when it loses the race: every refusal comes before the first write, so the caller\'s transaction goes on clean', async () => {
    const draft = await givenDraft();
    const stale = (await proposals.findById(draft.id))!;
    await apply.execute(draft.id, drafter, { type: 'UPDATE', changes: { achievement: { ...stale.snapshot.context.achievement, summary: 'Cứu 2 người' } } });
    const name = 'Người Thay Thế Mới';

    const refused = await proposals.transaction(async (tx) => {
      const error = await apply
        .applyTo(tx, stale, drafter, { type: 'UPDATE', changes: { nominee: { type: 'individual', name } } })
        .then(() => null, (e: unknown) => e);
      return error;
    });

    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('VERSION_CONFLICT');
    const found = await people.list({ nameKey: foldVietnamese(name), visibleToUnit: null }, null, 10);
    expect(found.items).toEqual([]);
  });

  it('answers a retried request from the first answer, and refuses the key for another request', async () => {
    const draft = await givenDraft();
    const token = { key: 'retry-1', requestHash: 'a'.repeat(64) };

    const first = await apply.execute(draft.id, drafter, { type: 'SUBMIT' }, { idempotency: token });
    const again = await apply.execute(draft.id, drafter, { type: 'SUBMIT' }, { idempotency: token });
    const other = apply.execute(draft.id, drafter, { type: 'WITHDRAW' }, { idempotency: { key: 'retry-1', requestHash: 'b'.repeat(64) } });

    expect(again).toEqual({ ...first, replayed: true });
    await expect(other).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await proposals.history(draft.id)).toHaveLength(2);
  });

  it('lets the system raise the escalation without moving the stage, but not a person', async () => {
    const draft = await givenDraft();

    const byPerson = apply.execute(draft.id, head, { type: 'ESCALATE' });
    const { body } = await apply.execute(draft.id, SYSTEM_ACTOR, { type: 'DEADLINE_MISSED' });

    await expect(byPerson).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(body).toMatchObject({ state: 'drafting', escalation: 'missed', version: 2 });
  });

  it('says which events the caller may send when it refuses one', async () => {
    const draft = await givenDraft();

    const error = await apply.execute(draft.id, drafter, { type: 'APPROVE' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowed: ['UPDATE', 'SUBMIT', 'WITHDRAW'] } });
  });

  describe('with the dossier asked for (HS-1 … HS-4)', () => {
    const givenAttached = async (proposalId: string, actor: Actor, kind: DocumentKind) => {
      const staged = await stageUpload(Readable.from([Buffer.from(`%PDF-1.4\n% ${kind} ${proposalId}\n%%EOF\n`)]), {
        directory: join(dir, 'staging'),
        maxBytes: 1024,
      });
      return dossier.attach(proposalId, actor, { kind, fileName: `${kind}.pdf`, staged, content: await inspectContent(staged.path) });
    };

    it('refuses SUBMIT without the achievement report, naming the kind, and writes nothing', async () => {
      const draft = await givenDraft();

      const attempt = withDocuments.execute(draft.id, drafter, { type: 'SUBMIT' });

      await expect(attempt).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: { violations: [expect.objectContaining({ rule: 'HS-1', documentKind: 'bao_cao_thanh_tich' })] },
      });
      expect(await proposals.history(draft.id)).toHaveLength(1);
    });

    it('takes SUBMIT once the report is attached; the attachment is a line of the chain that moves no stage', async () => {
      const draft = await givenDraft();
      clock.set('2026-05-04T03:00:00.000Z');
      const report = await givenAttached(draft.id, drafter, 'bao_cao_thanh_tich');
      clock.set('2026-05-04T03:05:00.000Z');

      const { body } = await withDocuments.execute(draft.id, drafter, { type: 'SUBMIT' });

      const [created, attached, submitted] = await proposals.history(draft.id);
      expect(attached).toMatchObject({
        seq: 2,
        type: 'DOCUMENT_ATTACHED',
        state: 'drafting',
        at: '2026-05-04T03:00:00.000Z',
        prevHash: created.hash,
        payload: { documentId: report.id, kind: 'bao_cao_thanh_tich', sha256: report.sha256 },
      });
      expect(submitted).toMatchObject({ seq: 3, type: 'SUBMIT', prevHash: attached.hash });
      expect(body).toMatchObject({ state: 'unitDecision', version: 3 });
    });

    it('lists every rule a step breaks at once: the rulebook and the dossier together', async () => {
      const draft = (
        await create.execute(drafter, {
          kind: 'extraordinary',
          campaignId: null,
          unitId: drafter.unitId!,
          awardForm: 'chairman_certificate',
          nominee: { type: 'individual', name: 'Lò Văn Pả', underDiscipline: true },
          achievement: { summary: 'Cứu người', date: '2026-04-30', recognizedAt: '2026-05-02', basis: 'rescue' },
        })
      ).body;

      const attempt = withDocuments.execute(draft.id, drafter, { type: 'SUBMIT' });

      await expect(attempt).rejects.toMatchObject({
        details: { violations: [expect.objectContaining({ rule: 'ND-1' }), expect.objectContaining({ rule: 'HS-1' }), expect.objectContaining({ rule: 'HS-4' })] },
      });
    });
  });
});
