import { createHash } from 'node:crypto';
import type { StoredCheckpoint } from './audit-log.port.js';
import { CheckpointComparison, compareWithCheckpoint, type ObservedEvent } from './checkpoint-comparison.js';
import { generateCheckpointKeyPair, signCheckpoint } from './checkpoint-signature.js';
import { merkleRootOf, type CheckpointHead } from './merkle.js';

const UP_TO = '2026-03-05T00:00:00.000Z';
const before = (hour: number) => `2026-03-04T${String(hour).padStart(2, '0')}:00:00.000Z`;
const after = (hour: number) => `2026-03-06T${String(hour).padStart(2, '0')}:00:00.000Z`;
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** A proposal's events 1…n before the instant (the comparison reads only seq, hash and time). */
const chain = (id: string, n: number, version = 'v1'): ObservedEvent[] =>
  Array.from({ length: n }, (_, index) => ({ seq: index + 1, hash: hashOf(`${id}#${index + 1}@${version}`), at: before(index) }));
const headOf = (id: string, events: readonly ObservedEvent[]): CheckpointHead => {
  const last = events[events.length - 1];
  return { proposalId: id, seq: last.seq, hash: last.hash };
};

describe('comparing one proposal with what a checkpoint recorded of it', () => {
  const signed = chain('p', 5);
  const recorded = { seq: 5, hash: signed[4].hash };

  it('finds nothing when it is as recorded, and nothing in events appended after the instant', () => {
    expect(compareWithCheckpoint('p', recorded, signed, UP_TO)).toBeNull();
    const grown = [...signed, { seq: 6, hash: hashOf('p#6'), at: after(1) }, { seq: 7, hash: hashOf('p#7'), at: after(2) }];
    expect(compareWithCheckpoint('p', recorded, grown, UP_TO)).toBeNull();
  });

  it('rewritten: the event at the recorded seq is there under another hash; both hashes are given', () => {
    const rewritten = [...signed.slice(0, 2), ...chain('p', 5, 'forged').slice(2)];
    expect(compareWithCheckpoint('p', recorded, rewritten, UP_TO)).toEqual({
      proposalId: 'p',
      seq: 5,
      reason: 'rewritten',
      recorded,
      now: { seq: 5, hash: rewritten[4].hash, events: 5 },
      detail: expect.stringMatching(/recorded 5 events up to seq 5 .*now has hash [0-9a-f]{12} at seq 5/),
    });
  });

  it('truncated: the tail is gone; the log now ends earlier', () => {
    expect(compareWithCheckpoint('p', recorded, signed.slice(0, 3), UP_TO)).toEqual({
      proposalId: 'p',
      seq: 5,
      reason: 'truncated',
      recorded,
      now: { seq: 3, hash: signed[2].hash, events: 3 },
      detail: expect.stringContaining('now has 3 before'),
    });
  });

  it('truncated: an event deleted under the recorded head leaves fewer events than recorded', () => {
    const gap = signed.filter((event) => event.seq !== 2);
    expect(compareWithCheckpoint('p', recorded, gap, UP_TO)).toMatchObject({ reason: 'truncated', seq: 5, now: { seq: 5, hash: recorded.hash, events: 4 } });
  });

  it('a deleted tail written again after the instant reads as rewritten at the recorded seq', () => {
    const redone = [...signed.slice(0, 3), ...chain('p', 5, 'again').slice(3).map((event) => ({ ...event, at: after(event.seq) }))];
    expect(compareWithCheckpoint('p', recorded, redone, UP_TO)).toMatchObject({ reason: 'rewritten', now: { seq: 5, events: 3 } });
  });

  it('deleted: the checkpoint recorded it, the log has no event of it', () => {
    expect(compareWithCheckpoint('p', recorded, [], UP_TO)).toEqual({
      proposalId: 'p',
      seq: 5,
      reason: 'deleted',
      recorded,
      now: null,
      detail: expect.stringContaining('now has none'),
    });
  });

  it('backdated: events before the instant the checkpoint never recorded, in a new proposal or after a recorded head', () => {
    const newcomer = chain('q', 2);
    expect(compareWithCheckpoint('q', null, newcomer, UP_TO)).toMatchObject({
      proposalId: 'q',
      seq: 2,
      reason: 'backdated',
      recorded: null,
      now: { seq: 2, hash: newcomer[1].hash, events: 2 },
    });
    expect(compareWithCheckpoint('q', null, newcomer.map((event) => ({ ...event, at: after(event.seq) })), UP_TO)).toBeNull();
    const slipped = [...signed, { seq: 6, hash: hashOf('p#6'), at: before(20) }];
    expect(compareWithCheckpoint('p', recorded, slipped, UP_TO)).toMatchObject({ reason: 'backdated', seq: 5, now: { seq: 6, events: 6 } });
  });
});

describe('comparing the log with a checkpoint, proposal by proposal', () => {
  const keys = generateCheckpointKeyPair();
  const logAtCheckpoint: Record<string, ObservedEvent[]> = {
    'p-a': chain('p-a', 4),
    'p-b': chain('p-b', 6),
    'p-c': chain('p-c', 3),
    'p-d': chain('p-d', 5),
    'p-e': chain('p-e', 2),
  };
  const heads = Object.entries(logAtCheckpoint).map(([id, events]) => headOf(id, events));
  const checkpoint: StoredCheckpoint = {
    id: 'cp-1',
    ...signCheckpoint(
      { upTo: UP_TO, proposals: heads.length, events: 4 + 6 + 3 + 5 + 2, merkleRoot: merkleRootOf(heads), createdAt: '2026-03-05T00:00:10.000Z' },
      keys.privateKeyPem,
    ),
  };

  /** The heads as a store hands them out: pages in id order, counting how many were asked for. */
  function paged(list: readonly CheckpointHead[], size = 2) {
    const read = { pages: 0, closed: false };
    async function* pages() {
      try {
        for (let start = 0; start < list.length; start += size) {
          read.pages++;
          yield list.slice(start, start + size);
        }
      } finally {
        read.closed = true;
      }
    }
    return { source: pages(), read };
  }

  async function compare(log: Record<string, ObservedEvent[]>, source: ConstructorParameters<typeof CheckpointComparison>[1]) {
    const comparison = new CheckpointComparison(checkpoint, { trustedPublicKeyPem: keys.publicKeyPem, ...source });
    for (const id of Object.keys(log).sort()) await comparison.add(id, log[id]);
    return comparison.finish();
  }

  /** After the checkpoint: p-b rewritten, p-c's tail cut, p-d deleted whole, the others grown after the instant. */
  function tampered(): Record<string, ObservedEvent[]> {
    const log = structuredClone(logAtCheckpoint);
    log['p-a'].push({ seq: 5, hash: hashOf('p-a#5'), at: after(1) });
    log['p-b'] = chain('p-b', 6, 'forged');
    log['p-c'] = log['p-c'].slice(0, 1);
    delete log['p-d'];
    log['p-e'].push({ seq: 3, hash: hashOf('p-e#3'), at: after(2) });
    return log;
  }

  it('an intact log, grown after the instant, matches with every head in place', async () => {
    const grown = structuredClone(logAtCheckpoint);
    grown['p-c'].push({ seq: 4, hash: hashOf('p-c#4'), at: after(3) });
    grown['p-f'] = chain('p-f', 2).map((event) => ({ ...event, at: after(event.seq) }));
    const { source } = paged(heads);
    expect(await compare(grown, { heads: source })).toEqual({
      id: 'cp-1',
      upTo: UP_TO,
      createdAt: checkpoint.createdAt,
      recorded: { proposals: 5, events: 20 },
      ok: true,
      signatureValid: true,
      keyPinned: true,
      merkleRootMatches: true,
      headsMatchCheckpoint: true,
      proposals: 5,
      events: 20,
      broken: [],
      truncated: false,
    });
  });

  it('names each proposal rewritten, truncated or deleted, in id order, with what was recorded and what is there now', async () => {
    const { source, read } = paged(heads);
    const result = await compare(tampered(), { heads: source });
    expect(result).toMatchObject({ ok: false, merkleRootMatches: false, headsMatchCheckpoint: true, proposals: 4, events: 4 + 6 + 1 + 2 });
    expect(result.broken).toEqual([
      {
        proposalId: 'p-b',
        seq: 6,
        reason: 'rewritten',
        recorded: { seq: 6, hash: logAtCheckpoint['p-b'][5].hash },
        now: { seq: 6, hash: chain('p-b', 6, 'forged')[5].hash, events: 6 },
        detail: expect.any(String),
      },
      {
        proposalId: 'p-c',
        seq: 3,
        reason: 'truncated',
        recorded: { seq: 3, hash: logAtCheckpoint['p-c'][2].hash },
        now: { seq: 1, hash: logAtCheckpoint['p-c'][0].hash, events: 1 },
        detail: expect.any(String),
      },
      { proposalId: 'p-d', seq: 5, reason: 'deleted', recorded: { seq: 5, hash: logAtCheckpoint['p-d'][4].hash }, now: null, detail: expect.any(String) },
    ]);
    expect(read).toEqual({ pages: 3, closed: true });
  });

  it('reads the recorded heads a page at a time, as the walk reaches them', async () => {
    const { source, read } = paged(heads, 1);
    const comparison = new CheckpointComparison(checkpoint, { heads: source });
    await comparison.add('p-a', logAtCheckpoint['p-a']);
    // p-a's own page only: the rest wait for the proposals that come next.
    expect(read.pages).toBe(1);
    await comparison.add('p-c', logAtCheckpoint['p-c']);
    expect(read.pages).toBe(3);
    await comparison.close();
    expect(read.closed).toBe(true);
  });

  it('names proposals deleted before the first and after the last one the log still has', async () => {
    const log = structuredClone(logAtCheckpoint);
    delete log['p-a'];
    delete log['p-e'];
    const result = await compare(log, { heads: paged(heads).source });
    expect(result.broken.map(({ proposalId, reason }) => [proposalId, reason])).toEqual([
      ['p-a', 'deleted'],
      ['p-e', 'deleted'],
    ]);
  });

  it('takes a heads file in any order', async () => {
    const result = await compare(tampered(), { heads: [...heads].reverse() });
    expect(result.headsMatchCheckpoint).toBe(true);
    expect(result.broken.map((entry) => entry.proposalId)).toEqual(['p-b', 'p-c', 'p-d']);
  });

  it('does not believe heads that miss the signed root, nor a store handing them out of order: the whole log is blamed', async () => {
    const doctored = heads.map((head) => (head.proposalId === 'p-b' ? { ...head, hash: chain('p-b', 6, 'forged')[5].hash } : head));
    const edited = await compare(tampered(), { heads: paged(doctored).source });
    expect(edited).toMatchObject({ ok: false, headsMatchCheckpoint: false, merkleRootMatches: false });
    expect(edited.broken).toEqual([
      {
        proposalId: null,
        seq: null,
        reason: 'checkpoint_mismatch',
        recorded: null,
        now: null,
        detail: expect.stringMatching(/signed 5 proposals and 20 events .* now has 4 and 13, under another Merkle root .*do not rebuild/),
      },
    ]);
    const shuffled = await compare(tampered(), { heads: paged([heads[1], heads[0], ...heads.slice(2)]).source });
    expect(shuffled).toMatchObject({ headsMatchCheckpoint: false, broken: [{ proposalId: null, reason: 'checkpoint_mismatch' }] });
  });

  it('with no heads kept for a checkpoint over proposals, says so and blames the whole log', async () => {
    const result = await compare(tampered(), { heads: paged([]).source });
    expect(result).toMatchObject({
      ok: false,
      headsMatchCheckpoint: null,
      broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch', detail: expect.stringContaining('no proposal heads are kept') }],
    });
    expect((await compare(logAtCheckpoint, { heads: paged([]).source })).ok).toBe(true);
  });

  it('lists at most maxBroken proposals and says there were more', async () => {
    const result = await compare({}, { heads: paged(heads).source, maxBroken: 2 });
    expect(result.broken.map((entry) => entry.proposalId)).toEqual(['p-a', 'p-b']);
    expect(result.truncated).toBe(true);
  });

  it('refuses proposals out of id order rather than report phantom differences', async () => {
    const comparison = new CheckpointComparison(checkpoint, { heads });
    await comparison.add('p-b', logAtCheckpoint['p-b']);
    await expect(comparison.add('p-a', logAtCheckpoint['p-a'])).rejects.toThrow(/ascending id order/);
  });
});
