import { FixedClock } from '#kernel';
import { generateCheckpointKeyPair } from '../checkpoint-signature.js';
import { InMemoryAuditLog } from '../test-support/in-memory-audit-log.js';
import { reseal, sealProposalLog } from '../test-support/sealed-proposal-log.js';
import { AuditCheckpoints, CHECKPOINT_FILE_FORMAT, parseCheckpointFile } from './audit-checkpoints.use-case.js';

/** Given a log and a checkpoint signed before a key rotation, when it is verified after, then whom it trusts. */
describe('audit checkpoints across a signing-key rotation', () => {
  const clock = new FixedClock(new Date('2026-09-01T00:00:00.000Z'));
  const [earlier, current, stranger] = [generateCheckpointKeyPair(), generateCheckpointKeyPair(), generateCheckpointKeyPair()];
  const log = () => new InMemoryAuditLog().add(sealProposalLog('p-1'), sealProposalLog('p-2'));

  const signedWith = async (privateKeyPem: string, auditLog: InMemoryAuditLog) =>
    (await new AuditCheckpoints(auditLog, clock, privateKeyPem).create()).checkpoint;

  it('a checkpoint signed with an earlier key verifies when that key is still trusted, and not otherwise', async () => {
    const auditLog = log();
    const old = await signedWith(earlier.privateKeyPem, auditLog);

    const trusting = new AuditCheckpoints(auditLog, clock, current.privateKeyPem, [earlier.publicKeyPem]);
    expect((await trusting.verify(old)).checkpoint).toMatchObject({ signatureValid: true, merkleRootMatches: true, ok: true });

    const forgetful = new AuditCheckpoints(auditLog, clock, current.privateKeyPem);
    expect((await forgetful.verify(old)).checkpoint).toMatchObject({ signatureValid: false, ok: false });
  });

  it('a checkpoint re-signed with a stranger’s key is refused whatever earlier keys are trusted', async () => {
    const auditLog = log();
    const forged = await signedWith(stranger.privateKeyPem, auditLog);
    const server = new AuditCheckpoints(auditLog, clock, current.privateKeyPem, [earlier.publicKeyPem]);
    expect((await server.verify(forged)).checkpoint).toMatchObject({ signatureValid: false, ok: false });
    expect((await server.verify(await signedWith(current.privateKeyPem, auditLog))).checkpoint).toMatchObject({ signatureValid: true });
  });
});

/** Given checkpoints kept by the server, when the log is verified without naming one, then the newest is used. */
describe('audit verify held against the newest checkpoint by default', () => {
  const keys = generateCheckpointKeyPair();
  const clock = new FixedClock(new Date('2026-09-01T00:00:00.000Z'));
  const later = '2026-09-01T00:00:05.000Z'; // after the checkpoint's instant (now less 10 s)

  function log(options: { keepsCheckpointHeads?: boolean } = {}): InMemoryAuditLog {
    return new InMemoryAuditLog(options).add(...['p-1', 'p-2', 'p-3', 'p-4'].map((id) => sealProposalLog(id)));
  }

  /** After the checkpoint: p-1 re-sealed from seq 3 on, p-2's last two events cut, p-3 gone whole. */
  function tamper(auditLog: InMemoryAuditLog): void {
    const p1 = auditLog.eventRows.filter((event) => event.proposalId === 'p-1').sort((a, b) => a.seq - b.seq);
    for (let index = 2; index < p1.length; index++) {
      const changes = index === 2 ? { payload: { deadline: { rule: 'DX-4', dueAt: '2026-12-31T17:00:00.000Z' } } } : {};
      Object.assign(p1[index], reseal(p1[index], { ...changes, prevHash: p1[index - 1].hash }));
    }
    auditLog.rows.get('p-1')!.lastHash = p1[p1.length - 1].hash;
    auditLog.eventRows = auditLog.eventRows.filter((event) => !(event.proposalId === 'p-2' && event.seq > 5));
    auditLog.eventRows = auditLog.eventRows.filter((event) => event.proposalId !== 'p-3');
    auditLog.rows.delete('p-3');
  }

  const checkpointBreaks = (broken: readonly { reason: string }[]) =>
    broken.filter((entry) => ['rewritten', 'truncated', 'deleted', 'backdated', 'checkpoint_mismatch'].includes(entry.reason));

  it('says there is no checkpoint rather than skip the comparison in silence', async () => {
    const result = await new AuditCheckpoints(log(), clock, keys.privateKeyPem).verify();
    expect(result).toEqual({ proposals: 4, events: 28, ok: true, broken: [], truncated: false, checkpoint: null });
  });

  it('keeps every head with the checkpoint, even when the file it returns has none, and a log grown since verifies clean', async () => {
    const auditLog = log();
    const checkpoints = new AuditCheckpoints(auditLog, clock, keys.privateKeyPem);
    const { checkpoint, heads } = await checkpoints.create({ keepHeads: false });
    expect(heads).toEqual([]);
    expect(auditLog.savedHeads.get(checkpoint.id)?.map((head) => head.proposalId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    auditLog.add(sealProposalLog('p-5', undefined, { startAt: later }));

    const result = await checkpoints.verify();
    expect(result).toMatchObject({ ok: true, broken: [], proposals: 5, events: 35 });
    expect(result.checkpoint).toMatchObject({ id: checkpoint.id, ok: true, keyPinned: true, headsMatchCheckpoint: true, proposals: 4, events: 28 });
  });

  it('names the proposal rewritten, the one truncated and the one deleted since, from the newest checkpoint', async () => {
    const auditLog = log();
    const checkpoints = new AuditCheckpoints(auditLog, clock, keys.privateKeyPem);
    const older = await checkpoints.create();
    const newest = await new AuditCheckpoints(auditLog, new FixedClock(new Date('2026-09-01T00:00:01.000Z')), keys.privateKeyPem).create();
    tamper(auditLog);

    const result = await checkpoints.verify();
    expect(result.checkpoint).toMatchObject({ id: newest.checkpoint.id, ok: false, headsMatchCheckpoint: true, recorded: { proposals: 4, events: 28 } });
    const head = (id: string) => newest.heads.find((entry) => entry.proposalId === id)!;
    expect(checkpointBreaks(result.broken)).toEqual([
      { proposalId: 'p-1', seq: 7, reason: 'rewritten', recorded: { seq: 7, hash: head('p-1').hash }, now: { seq: 7, hash: auditLog.event('p-1', 7).hash, events: 7 }, detail: expect.any(String) },
      { proposalId: 'p-2', seq: 7, reason: 'truncated', recorded: { seq: 7, hash: head('p-2').hash }, now: { seq: 5, hash: auditLog.event('p-2', 5).hash, events: 5 }, detail: expect.any(String) },
      { proposalId: 'p-3', seq: 7, reason: 'deleted', recorded: { seq: 7, hash: head('p-3').hash }, now: null, detail: expect.any(String) },
    ]);
    expect(result.ok).toBe(false);

    // A chosen checkpoint is still honoured, and `none` leaves the checkpoint out: the consistent rewrite and
    // the deleted proposal pass the chains alone.
    expect((await checkpoints.verify(older.checkpoint)).checkpoint).toMatchObject({ id: older.checkpoint.id, ok: false });
    const chainsOnly = await checkpoints.verify('none');
    expect(chainsOnly).not.toHaveProperty('checkpoint');
    expect(chainsOnly.broken.map((entry) => [entry.proposalId, entry.reason])).toEqual([['p-2', 'missing']]);
  });

  it('where the store keeps no heads, still catches the change, on the whole log', async () => {
    const auditLog = log({ keepsCheckpointHeads: false });
    const checkpoints = new AuditCheckpoints(auditLog, clock, keys.privateKeyPem);
    await checkpoints.create();
    tamper(auditLog);
    const result = await checkpoints.verify();
    expect(result.checkpoint).toMatchObject({ ok: false, headsMatchCheckpoint: null, merkleRootMatches: false, proposals: 3, events: 19 });
    expect(checkpointBreaks(result.broken)).toEqual([
      { proposalId: null, seq: null, reason: 'checkpoint_mismatch', recorded: null, now: null, detail: expect.stringContaining('no proposal heads are kept') },
    ]);
  });

  it('a process that trusts no key at all (a copy, no key given) cannot vouch for a checkpoint: keyPinned false, not ok', async () => {
    const auditLog = log();
    await new AuditCheckpoints(auditLog, clock, keys.privateKeyPem).create();
    const keyless = await new AuditCheckpoints(auditLog, clock, null).verify();
    expect(keyless).toMatchObject({ ok: false, broken: [], checkpoint: { signatureValid: true, keyPinned: false, merkleRootMatches: true, ok: false } });
    const told = await new AuditCheckpoints(auditLog, clock, null, [keys.publicKeyPem]).verify();
    expect(told).toMatchObject({ ok: true, checkpoint: { keyPinned: true, ok: true } });
  });

  it('the newest checkpoint signed with a key nobody trusts fails, however well the log matches it', async () => {
    const auditLog = log();
    await new AuditCheckpoints(auditLog, clock, generateCheckpointKeyPair().privateKeyPem).create();
    const result = await new AuditCheckpoints(auditLog, clock, keys.privateKeyPem).verify();
    expect(result).toMatchObject({ ok: false, broken: [], checkpoint: { signatureValid: false, merkleRootMatches: true, ok: false } });
  });
});

/** Given a log, when an operator exports a checkpoint (the CLI), then the file is written a page at a time. */
describe('an exported checkpoint file', () => {
  const keys = generateCheckpointKeyPair();
  const clock = new FixedClock(new Date('2026-09-01T00:00:00.000Z'));
  const ids = Array.from({ length: 7 }, (_, index) => `p-${index + 1}`);

  async function exported(auditLog: InMemoryAuditLog) {
    const { checkpoint, text } = await new AuditCheckpoints(auditLog, clock, keys.privateKeyPem).createFile();
    const pieces: string[] = [];
    for await (const piece of text) pieces.push(piece);
    return { checkpoint, pieces, text: pieces.join('') };
  }

  it.each([
    ['read back from the store, a page at a time', true],
    ['held while signing, where the store keeps none', false],
  ])('is what JSON.stringify(file, null, 2) writes, byte for byte, its heads %s', async (_, keepsCheckpointHeads) => {
    const auditLog = new InMemoryAuditLog({ keepsCheckpointHeads, pageSize: 3 }).add(...ids.map((id) => sealProposalLog(id)));
    const { checkpoint, pieces, text } = await exported(auditLog);
    const heads = ids.map((id) => ({ proposalId: id, seq: 7, hash: auditLog.event(id, 7).hash }));
    expect(text).toBe(`${JSON.stringify({ format: CHECKPOINT_FILE_FORMAT, checkpoint, heads }, null, 2)}\n`);
    expect(parseCheckpointFile(text)).toEqual({ format: CHECKPOINT_FILE_FORMAT, checkpoint, heads });
    // Pieces, not one string: the opening, each page of heads, the closing.
    expect(pieces.length).toBe(keepsCheckpointHeads ? 2 + Math.ceil(ids.length / 3) : 3);
    expect(auditLog.savedCheckpoints).toEqual([checkpoint]);
  });

  it('of an empty log is the same as JSON.stringify writes it too', async () => {
    const { checkpoint, text } = await exported(new InMemoryAuditLog());
    expect(text).toBe(`${JSON.stringify({ format: CHECKPOINT_FILE_FORMAT, checkpoint, heads: [] }, null, 2)}\n`);
  });
});
