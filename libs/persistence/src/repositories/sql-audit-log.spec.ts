import type { DataSource } from 'typeorm';
import {
  EventRowDecoder,
  eventHash,
  GENESIS_HASH,
  ReplayThread,
  verifyLog,
  type AuditedEvent,
  type AuditedEventRow,
  type AuditedProposal,
  type StoredCheckpoint,
} from '#audit';
import { probePostgres } from '../../../../test/support/postgres.js';
import { openScratchDataSource, type ScratchDataSource } from '../../../../test/support/scratch-data-source.js';
import { SqlAuditLog } from './sql-audit-log.js';
import { eventParameters, INSERT_EVENT_SQL, SqlProposalRepository } from './sql-proposal.repository.js';
import { SqlTransactionRunner } from './sql-transaction-runner.js';

const POSTGRES = await probePostgres();
/** The replay thread runs the build's script (npx tsc -p tsconfig.build.json); without a build its test is skipped. */
const probe = ReplayThread.start();
await probe?.close();
const itWithThread = probe ? it : it.skip;

const UNIT = '00000000-0000-4000-8000-0000000000aa';
const proposalId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const [A, B, C, D] = [1, 2, 3, 4].map(proposalId);
/** Seeded events per proposal: A's three cross a page boundary at page size 2, D has none. */
const EVENT_COUNTS: Record<string, number> = { [A]: 3, [B]: 5, [C]: 1, [D]: 0 };
const minute = (n: number) => new Date(Date.UTC(2026, 4, 4, 2, n)).toISOString();

interface Seeded {
  proposals: AuditedProposal[];
  /** Every event in (proposalId, seq) order. */
  events: AuditedEvent[];
}

/** Rows written with plain SQL, so the test reads back exactly what it put in. */
async function seed(runner: SqlTransactionRunner): Promise<Seeded> {
  const proposals: AuditedProposal[] = [];
  const events: AuditedEvent[] = [];
  for (const [index, id] of [A, B, C, D].entries()) {
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= EVENT_COUNTS[id]; seq++) {
      const body = {
        proposalId: id,
        seq,
        type: seq === 1 ? 'CREATE' : 'UPDATE',
        actor: { id: `d-${index}`, roles: ['drafter'], unitId: UNIT },
        // Interleaved across proposals, so that a time window cuts through several of them.
        at: minute((seq - 1) * 4 + index),
        payload: { note: `Đề nghị ${index}.${seq}`, nested: { n: seq, list: [1, 'hai', null] } },
        machineVersion: 1,
        state: seq === 1 ? 'drafting' : 'unitDecision',
      };
      const hash = eventHash(prevHash, body);
      events.push({ ...body, prevHash, hash });
      prevHash = hash;
    }
    proposals.push({
      id,
      machineVersion: 1,
      snapshot: { value: 'drafting', context: { nominee: { name: `Người ${index}` }, lateRule: null } },
      version: Math.max(EVENT_COUNTS[id], 1),
      lastSeq: EVENT_COUNTS[id],
      lastHash: prevHash,
      state: 'drafting',
      escalation: 'none',
      late: false,
      awardForm: 'chairman_certificate',
    });
  }
  events.sort((x, y) => (x.proposalId < y.proposalId ? -1 : x.proposalId > y.proposalId ? 1 : x.seq - y.seq));

  await runner.transaction(async (db) => {
    await db.run('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [UNIT, 'SO-AUDIT', 'Sở Kiểm tra', minute(0)]);
    // Inserted out of id order, so that only ORDER BY can put them right.
    for (const proposal of [...proposals].reverse()) {
      await db.run(
        `INSERT INTO proposals (id, kind, unit_id, campaign_id, award_form, state, snapshot, version, machine_version, late,
           escalation, last_seq, last_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          proposal.id,
          'extraordinary',
          UNIT,
          null,
          'chairman_certificate',
          'drafting',
          JSON.stringify(proposal.snapshot),
          proposal.version,
          proposal.machineVersion,
          db.dialect.bool(false),
          'none',
          proposal.lastSeq,
          proposal.lastHash,
          minute(0),
          minute(0),
        ],
      );
    }
    for (const event of [...events].reverse()) {
      await db.run(INSERT_EVENT_SQL, eventParameters(event));
    }
  });
  return { proposals, events };
}

async function pages<T>(iterable: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of iterable) all.push(page);
  return all;
}

const checkpoint = (n: number, createdAt: string): StoredCheckpoint => ({
  id: `ckpt-${n}`,
  upTo: createdAt,
  proposals: 4,
  events: 9 + n,
  merkleRoot: 'ab'.repeat(32),
  algorithm: 'ed25519',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA' + 'A'.repeat(43) + '=\n-----END PUBLIC KEY-----\n',
  signature: 'c2ln'.repeat(22),
  createdAt,
});

type Kind = 'sqlite' | 'postgres';

function describeAuditLog(kind: Kind) {
  let opened: ScratchDataSource | undefined;
  let dataSource: DataSource;
  let runner: SqlTransactionRunner;
  let log: SqlAuditLog;
  let seeded: Seeded;

  beforeAll(async () => {
    opened = await openScratchDataSource(kind, 'audit-log', POSTGRES);
    dataSource = opened.dataSource;
    runner = new SqlTransactionRunner(dataSource);
    log = new SqlAuditLog(runner);
    seeded = await seed(runner);
  }, 30_000);

  afterAll(async () => {
    await opened?.close();
  }, 30_000);

  describe('events', () => {
    it('walks every event in (proposal, seq) order, a page at a time, across proposal boundaries', async () => {
      const walk = await pages(log.events({}, 2));

      expect(walk.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
      // A's third event opens the second page: the key carries on inside a proposal, not only between them.
      expect(walk[1].map((event) => [event.proposalId, event.seq])).toEqual([
        [A, 3],
        [B, 1],
      ]);
      expect(walk.flat()).toEqual(seeded.events);
    });

    it('reads the rows exactly as the proposal repository does', async () => {
      const repository = new SqlProposalRepository(runner);
      for (const id of [A, B, C]) expect(await log.eventsOf(id)).toEqual(await repository.history(id));
    });

    it('yields no empty page when the last page is full, and nothing for an empty range', async () => {
      expect((await pages(log.events({}, 3))).map((page) => page.length)).toEqual([3, 3, 3]);
      expect(await pages(log.events({ proposalId: D }))).toEqual([]);
      expect(await pages(log.events({ from: minute(50) }))).toEqual([]);
    });

    it('narrows to one proposal', async () => {
      const walk = await pages(log.events({ proposalId: B }, 2));
      expect(walk.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(walk.flat()).toEqual(seeded.events.filter((event) => event.proposalId === B));
    });

    it('narrows to [from, to) on `at`, alone or with a proposal', async () => {
      const [from, to] = [minute(4), minute(9)];
      const inWindow = (event: AuditedEvent) => event.at >= from && event.at < to;
      const window = (await pages(log.events({ from, to }, 2))).flat();

      expect(window).toEqual(seeded.events.filter(inWindow));
      expect(window.some((event) => event.at === to)).toBe(false);
      expect(new Set(window.map((event) => event.proposalId)).size).toBeGreaterThan(1);
      expect((await pages(log.events({ to }, 2))).flat()).toEqual(seeded.events.filter((event) => event.at < to));
      expect((await pages(log.events({ from }, 2))).flat()).toEqual(seeded.events.filter((event) => event.at >= from));
      expect((await pages(log.events({ proposalId: B, from, to }, 1))).flat()).toEqual(
        seeded.events.filter((event) => event.proposalId === B && inWindow(event)),
      );
    });

    it('lets writers commit between two pages of a walk', async () => {
      const walk = log.events({}, 2)[Symbol.asyncIterator]();
      await walk.next();
      const write = runner.transaction((db) =>
        db.run('INSERT INTO units (id, code, name, created_at) VALUES (?, ?, ?, ?)', [
          '00000000-0000-4000-8000-0000000000bb',
          'SO-WRITER',
          'Sở Ghi',
          minute(0),
        ]),
      );
      let timer: NodeJS.Timeout | undefined;
      const blocked = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('the writer waited for the walk')), 2_000)));
      try {
        await expect(Promise.race([write, blocked])).resolves.toBe(1);
      } finally {
        clearTimeout(timer);
        await walk.return?.();
      }
    });

    it('refuses a page size that is not a whole number above zero', async () => {
      await expect(pages(log.events({}, 0))).rejects.toThrow(RangeError);
      await expect(pages(log.proposals(1.5))).rejects.toThrow(RangeError);
      await expect(pages(log.rawEvents({}, -1))).rejects.toThrow(RangeError);
    });
  });

  describe('raw events', () => {
    const decoded = (rows: AuditedEventRow[]) => new EventRowDecoder().decodePage(rows);

    it('are the same pages as events(), with the JSON columns as the text stored', async () => {
      const raw = await pages(log.rawEvents({}, 2));
      expect(raw.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
      expect(raw.map(decoded)).toEqual(await pages(log.events({}, 2)));
      const [first] = raw[0];
      expect(first.actorJson).toBe(JSON.stringify(seeded.events[0].actor));
      expect(first.payloadJson).toBe(JSON.stringify(seeded.events[0].payload));
      expect(typeof first.seq).toBe('number');
      expect(typeof first.machineVersion).toBe('number');
    });

    it('narrow as events() do', async () => {
      const [from, to] = [minute(4), minute(9)];
      for (const range of [{ proposalId: B }, { from, to }, { proposalId: B, from, to }, { proposalId: D }]) {
        expect((await pages(log.rawEvents(range, 1))).map(decoded)).toEqual(await pages(log.events(range, 1)));
      }
    });

    itWithThread('verify sends them to the replay thread and gets the answer it gets replaying by itself', async () => {
      const alone = await verifyLog(log, { replayThread: false, pageSize: 2 });
      expect(alone.broken.map((entry) => entry.reason)).toContain('replay_failed');
      expect(await verifyLog(log, { replayThread: true, pageSize: 2 })).toEqual(alone);
    });

    it('verify from them: a payload stored in another key order or spacing still seals, a changed value does not', async () => {
      const chainsOnly = { replay: false, pageSize: 2 };
      // The seeded rows disagree with their logs on the state column; what matters is what changes below.
      const before = (await verifyLog(log, chainsOnly)).broken;
      expect(before.find((entry) => entry.proposalId === B)?.reason).toBe('snapshot_mismatch');

      const target = seeded.events.find((event) => event.proposalId === B && event.seq === 2)!;
      const store = (text: string) =>
        runner.transaction((db) => db.run('UPDATE proposal_events SET payload = ? WHERE proposal_id = ? AND seq = ?', [text, B, 2]));
      const { note, nested } = target.payload as { note: string; nested: { n: number; list: unknown[] } };
      try {
        // The same value, written by another writer: keys reversed at every level, spaces after the colons.
        await store(`{ "nested": {"list": [1, "hai", null], "n": ${nested.n}}, "note": ${JSON.stringify(note)} }`);
        expect((await verifyLog(log, chainsOnly)).broken).toEqual(before);
        await store(JSON.stringify({ note: `${note}.`, nested }));
        const edited = { proposalId: B, seq: 2, reason: 'edited', detail: expect.any(String) };
        expect((await verifyLog(log, chainsOnly)).broken).toEqual(before.map((entry) => (entry.proposalId === B ? edited : entry)));
      } finally {
        await store(JSON.stringify(target.payload));
      }
    });
  });

  describe('proposals', () => {
    it('walks every proposal head in id order, a page at a time, its snapshot left as the text stored', async () => {
      const asStored = seeded.proposals.map((proposal) => ({ ...proposal, snapshot: JSON.stringify(proposal.snapshot) }));
      const walk = await pages(log.proposals(3));
      expect(walk.map((page) => page.length)).toEqual([3, 1]);
      expect(walk.flat()).toEqual(asStored);
      expect((await pages(log.proposals())).flat()).toEqual(asStored);
    });

    it('reads one proposal and one proposal’s events', async () => {
      expect(await log.proposal(B)).toEqual(seeded.proposals[1]);
      expect(await log.proposal('no-such-proposal')).toBeNull();
      expect(await log.eventsOf(A)).toEqual(seeded.events.filter((event) => event.proposalId === A));
      expect(await log.eventsOf('no-such-proposal')).toEqual([]);
    });
  });

  describe('checkpoints', () => {
    it('round-trips and lists newest first', async () => {
      const saved = [
        checkpoint(1, '2026-05-01T00:00:00.000Z'),
        checkpoint(2, '2026-05-03T00:00:00.000Z'),
        checkpoint(3, '2026-05-02T00:00:00.000Z'),
      ];
      for (const each of saved) await log.saveCheckpoint(each);

      expect(await log.checkpoint('ckpt-3')).toEqual(saved[2]);
      expect(await log.checkpoint('ckpt-404')).toBeNull();
      expect(await log.checkpoints(2)).toEqual([saved[1], saved[2]]);
      expect(await log.checkpoints(10)).toEqual([saved[1], saved[2], saved[0]]);
      // Matched by code, not by class: under Jest, better-sqlite3 can throw an error built in another test
      // file's realm, which fails toThrow's instanceof check although the insert was refused.
      await expect(log.saveCheckpoint(saved[0])).rejects.toMatchObject({ code: expect.stringMatching(/^(SQLITE_CONSTRAINT|23505)/) });
    });

    it('keeps a checkpoint\'s heads, page by page, and hands them back in proposal id order, a page at a time', async () => {
      const heads = [D, B, A, C].map((id, index) => ({ proposalId: id, seq: index + 1, hash: String(index).repeat(64) }));
      expect(await log.saveCheckpointHeads('ckpt-h', heads.slice(0, 2))).toBe(true);
      expect(await log.saveCheckpointHeads('ckpt-h', heads.slice(2))).toBe(true);
      await log.saveCheckpointHeads('ckpt-other', [{ proposalId: A, seq: 9, hash: 'f'.repeat(64) }]);
      const pages: string[][] = [];
      for await (const page of log.checkpointHeads('ckpt-h', 3)) pages.push(page.map((head) => head.proposalId));
      expect(pages).toEqual([[A, B, C], [D]]);
      const all = [];
      for await (const page of log.checkpointHeads('ckpt-h')) all.push(...page);
      expect(all).toEqual([...heads].sort((a, b) => (a.proposalId < b.proposalId ? -1 : 1)));
      for await (const page of log.checkpointHeads('ckpt-none')) expect(page).toEqual([]);
    });
  });
}

describe('SqlAuditLog [sqlite]', () => describeAuditLog('sqlite'));
if (POSTGRES.available) {
  describe('SqlAuditLog [postgres]', () => describeAuditLog('postgres'));
} else {
  describe.skip(`SqlAuditLog [postgres] (skipped: ${POSTGRES.reason})`, () => describeAuditLog('postgres'));
}
