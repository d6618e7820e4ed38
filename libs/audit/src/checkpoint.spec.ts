import { generateKeyPairSync, verify } from 'node:crypto';
import type { AuditedEvent } from './audit-log.port.js';
import { canonicalJson } from './canonical-json.js';
import { createCheckpoint, verifyAgainstCheckpoint } from './checkpoint.js';
import { generateCheckpointKeyPair, signCheckpoint, verifyCheckpointSignature } from './checkpoint-signature.js';
import { GENESIS_HASH } from './event-hash.js';
import { EMPTY_MERKLE_ROOT, merkleRootOf } from './merkle.js';
import { checkpointWithHeads } from './test-support/checkpoint-with-heads.js';
import { InMemoryAuditLog } from './test-support/in-memory-audit-log.js';
import { person, reseal, sealProposalLog, V1_AWARD_WALK } from './test-support/sealed-proposal-log.js';

const keys = generateCheckpointKeyPair();
const NOW = '2026-03-20T00:00:00.000Z';
/** Each proposal is created on its own day, one event an hour: by this instant p-a..p-c are done, p-d half way. */
const UP_TO = '2026-03-05T06:30:00.000Z';

function seededLog(pageSize = 2): InMemoryAuditLog {
  const start = (day: number) => `2026-03-0${day}T03:00:00.000Z`;
  return new InMemoryAuditLog({ pageSize }).add(
    sealProposalLog('p-c', V1_AWARD_WALK, { startAt: start(3) }),
    sealProposalLog('p-a', V1_AWARD_WALK, { startAt: start(1) }),
    sealProposalLog('p-b', [{ type: 'WITHDRAW', actor: person('drafter'), fields: { reason: 'Rút hồ sơ' } }], { startAt: start(2) }),
    sealProposalLog('p-d', V1_AWARD_WALK, { startAt: start(5) }),
    sealProposalLog('p-e', V1_AWARD_WALK, { startAt: start(7) }),
  );
}

/** Rewrites a proposal's history from `seq` on with the algorithm: invisible to the chain, not to a checkpoint. */
function rewriteFrom(log: InMemoryAuditLog, proposalId: string, seq: number, change: Partial<AuditedEvent>): void {
  const events = log.eventRows.filter((event) => event.proposalId === proposalId).sort((a, b) => a.seq - b.seq);
  for (const event of events.filter((e) => e.seq >= seq)) {
    const prevHash = event.seq === 1 ? GENESIS_HASH : events[event.seq - 2].hash;
    Object.assign(event, reseal(event, { ...(event.seq === seq ? change : {}), prevHash }));
  }
  const row = log.rows.get(proposalId)!;
  row.lastHash = events[events.length - 1].hash;
}

describe('checkpoints', () => {
  describe('creating one', () => {
    it('hands its heads to be kept a page at a time, in id order, while it walks', async () => {
      const pages: string[][] = [];
      const created = await createCheckpoint(seededLog(), {
        upTo: UP_TO,
        privateKeyPem: keys.privateKeyPem,
        now: NOW,
        pageSize: 3,
        onHeads: async (page) => void pages.push(page.map((head) => head.proposalId)),
      });
      expect(Object.keys(created)).toEqual(['checkpoint']);
      expect(pages).toEqual([['p-a', 'p-b', 'p-c'], ['p-d']]);
    });

    it('covers each proposal by its last event before the instant, in id order', async () => {
      const { checkpoint, heads } = await checkpointWithHeads(seededLog(), { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW });
      expect(heads.map((head) => [head.proposalId, head.seq])).toEqual([
        ['p-a', 7],
        ['p-b', 2],
        ['p-c', 7],
        ['p-d', 4],
      ]);
      expect(checkpoint).toMatchObject({
        upTo: UP_TO,
        proposals: 4,
        events: 7 + 2 + 7 + 4,
        merkleRoot: merkleRootOf(heads),
        algorithm: 'ed25519',
        publicKey: keys.publicKeyPem,
        createdAt: NOW,
      });
      expect(checkpoint.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('signs the same digest whether or not anyone takes the heads, and whatever the page size', async () => {
      const kept = await checkpointWithHeads(seededLog(), { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW, id: 'c', pageSize: 1 });
      const lean = await createCheckpoint(seededLog(5), { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW, id: 'c' });
      expect(kept.heads.length).toBeGreaterThan(0);
      expect(lean.checkpoint).toEqual(kept.checkpoint);
      expect(lean.checkpoint.merkleRoot).toBe(merkleRootOf(kept.heads));
    });

    it('commits to the very hash of each head', async () => {
      const log = seededLog();
      const { heads } = await checkpointWithHeads(log, { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW });
      expect(heads[3]).toEqual({ proposalId: 'p-d', seq: 4, hash: log.event('p-d', 4).hash });
    });

    it('signs the canonical JSON of its fields with Ed25519', async () => {
      const { checkpoint } = await createCheckpoint(seededLog(), { upTo: new Date(UP_TO), privateKeyPem: keys.privateKeyPem, now: new Date(NOW) });
      const { id: _id, signature, ...signed } = checkpoint;
      expect(Object.keys(signed).sort()).toEqual(['algorithm', 'createdAt', 'events', 'merkleRoot', 'proposals', 'publicKey', 'upTo']);
      expect(verify(null, Buffer.from(canonicalJson(signed)), keys.publicKeyPem, Buffer.from(signature, 'base64'))).toBe(true);
    });

    it('writes instants as UTC ISO-8601 whatever spelling they came in', async () => {
      const { checkpoint } = await createCheckpoint(seededLog(), {
        upTo: '2026-03-05T13:30:00+07:00',
        privateKeyPem: keys.privateKeyPem,
        now: NOW,
        id: 'cp-1',
      });
      expect(checkpoint).toMatchObject({ id: 'cp-1', upTo: UP_TO });
    });

    it('has the empty root over an empty log', async () => {
      const { checkpoint, heads } = await checkpointWithHeads(new InMemoryAuditLog(), { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW });
      expect(heads).toEqual([]);
      expect(checkpoint).toMatchObject({ proposals: 0, events: 0, merkleRoot: EMPTY_MERKLE_ROOT });
    });

    it('refuses to cover the future, or to sign with anything but Ed25519', async () => {
      await expect(createCheckpoint(seededLog(), { upTo: NOW, privateKeyPem: keys.privateKeyPem, now: UP_TO })).rejects.toThrow(RangeError);
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await expect(createCheckpoint(seededLog(), { upTo: UP_TO, privateKeyPem: rsa, now: NOW })).rejects.toThrow(/ed25519/);
    });
  });

  describe('its signature', () => {
    const signed = () =>
      ({
        id: 'cp',
        ...signCheckpoint({ upTo: UP_TO, proposals: 4, events: 20, merkleRoot: 'ab'.repeat(32), createdAt: NOW }, keys.privateKeyPem),
      });

    it('holds as signed, and under the key one trusts', () => {
      expect(verifyCheckpointSignature(signed())).toBe(true);
      expect(verifyCheckpointSignature(signed(), keys.publicKeyPem)).toBe(true);
    });

    it('breaks with any signed field', () => {
      expect(verifyCheckpointSignature({ ...signed(), events: 19 })).toBe(false);
      expect(verifyCheckpointSignature({ ...signed(), merkleRoot: 'cd'.repeat(32) })).toBe(false);
      expect(verifyCheckpointSignature({ ...signed(), upTo: '2026-03-06T00:00:00.000Z' })).toBe(false);
      expect(verifyCheckpointSignature({ ...signed(), createdAt: '2026-03-21T00:00:00.000Z' })).toBe(false);
    });

    it('does not depend on the id, which is not signed', () => {
      expect(verifyCheckpointSignature({ ...signed(), id: 'renamed' })).toBe(true);
    });

    it('is refused, not thrown, when it or its key is garbage', () => {
      expect(verifyCheckpointSignature({ ...signed(), signature: 'not base64 at all' })).toBe(false);
      expect(verifyCheckpointSignature({ ...signed(), publicKey: 'nope' })).toBe(false);
      expect(verifyCheckpointSignature({ ...signed(), algorithm: 'rsa' as never })).toBe(false);
    });

    it('re-signed with another key holds only until the trusted key is asked for', () => {
      const attacker = generateCheckpointKeyPair();
      const forged = { id: 'cp', ...signCheckpoint({ upTo: UP_TO, proposals: 1, events: 1, merkleRoot: 'ef'.repeat(32), createdAt: NOW }, attacker.privateKeyPem) };
      expect(verifyCheckpointSignature(forged)).toBe(true);
      expect(verifyCheckpointSignature(forged, keys.publicKeyPem)).toBe(false);
    });

    it('comes from a key pair in PEM', () => {
      expect(keys.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
      expect(keys.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    });
  });

  describe('verifying the log against one', () => {
    const checkpointOf = (log: InMemoryAuditLog) => checkpointWithHeads(log, { upTo: UP_TO, privateKeyPem: keys.privateKeyPem, now: NOW });

    it('holds for the log it was made from, across pages', async () => {
      const log = seededLog(1);
      const { checkpoint, heads } = await checkpointOf(log);
      const pagesBefore = log.pagesRead;
      expect(await verifyAgainstCheckpoint(log, checkpoint, heads)).toEqual({
        id: checkpoint.id,
        upTo: UP_TO,
        createdAt: NOW,
        recorded: { proposals: 4, events: 20 },
        ok: true,
        signatureValid: true,
        keyPinned: false,
        merkleRootMatches: true,
        headsMatchCheckpoint: true,
        proposals: 4,
        events: 20,
        broken: [],
        truncated: false,
      });
      expect(log.pagesRead - pagesBefore).toBe(20);
    });

    it('still holds after the log went on past the instant', async () => {
      const log = seededLog();
      const { checkpoint } = await checkpointOf(log);
      log.add(sealProposalLog('p-f', V1_AWARD_WALK, { startAt: '2026-03-10T00:00:00.000Z' }));
      expect((await verifyAgainstCheckpoint(log, checkpoint)).ok).toBe(true);
    });

    it('without heads, blames the whole log for a rewritten history', async () => {
      const log = seededLog();
      const { checkpoint } = await checkpointOf(log);
      rewriteFrom(log, 'p-c', 5, { payload: { vote: { members: 9, for: 9, against: 0 } } });
      expect(await verifyAgainstCheckpoint(log, checkpoint)).toMatchObject({
        ok: false,
        signatureValid: true,
        merkleRootMatches: false,
        headsMatchCheckpoint: null,
        broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }],
      });
    });

    it('with heads, names the proposals whose head differs, whichever order the heads file lists them in', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointOf(log);
      rewriteFrom(log, 'p-c', 5, { payload: { vote: { members: 9, for: 9, against: 0 } } });
      log.eventRows = log.eventRows.filter((event) => event.proposalId !== 'p-a');
      log.add(sealProposalLog('p-bb', V1_AWARD_WALK.slice(0, 2), { startAt: '2026-03-02T08:00:00.000Z' }));
      const result = await verifyAgainstCheckpoint(log, checkpoint, [...heads].reverse());
      expect(result).toMatchObject({ ok: false, merkleRootMatches: false, headsMatchCheckpoint: true });
      const head = (id: string) => heads.find((h) => h.proposalId === id)!;
      expect(result.broken).toEqual([
        { proposalId: 'p-a', seq: 7, reason: 'deleted', recorded: { seq: 7, hash: head('p-a').hash }, now: null, detail: expect.any(String) },
        { proposalId: 'p-bb', seq: 3, reason: 'backdated', recorded: null, now: { seq: 3, hash: log.event('p-bb', 3).hash, events: 3 }, detail: expect.any(String) },
        {
          proposalId: 'p-c',
          seq: 7,
          reason: 'rewritten',
          recorded: { seq: 7, hash: head('p-c').hash },
          now: { seq: 7, hash: log.event('p-c', 7).hash, events: 7 },
          detail: expect.stringContaining(`at seq 7`),
        },
      ]);
    });

    it('names an event deleted under an unchanged head by its proposal\'s count, and without heads blames the log', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointOf(log);
      log.eventRows = log.eventRows.filter((event) => !(event.proposalId === 'p-a' && event.seq === 3));
      expect(await verifyAgainstCheckpoint(log, checkpoint, heads)).toMatchObject({
        ok: false,
        merkleRootMatches: true,
        events: 19,
        broken: [{ proposalId: 'p-a', seq: 7, reason: 'truncated', now: { seq: 7, events: 6 } }],
      });
      expect(await verifyAgainstCheckpoint(log, checkpoint)).toMatchObject({
        ok: false,
        merkleRootMatches: true,
        broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch', detail: expect.stringContaining('19') }],
      });
    });

    it('does not trust a heads file that does not reproduce the signed root', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointOf(log);
      const forgedHeads = heads.map((head) => (head.proposalId === 'p-b' ? { ...head, hash: 'f'.repeat(64) } : head));
      expect(await verifyAgainstCheckpoint(log, checkpoint, forgedHeads)).toMatchObject({ ok: true, headsMatchCheckpoint: false, broken: [] });
      rewriteFrom(log, 'p-b', 2, { payload: { reason: 'Khác' } });
      expect(await verifyAgainstCheckpoint(log, checkpoint, forgedHeads)).toMatchObject({
        ok: false,
        headsMatchCheckpoint: false,
        broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }],
      });
    });

    it('fails on a forged signature even when the log matches', async () => {
      const log = seededLog();
      const { checkpoint } = await checkpointOf(log);
      expect(await verifyAgainstCheckpoint(log, { ...checkpoint, createdAt: '2026-03-19T00:00:00.000Z' })).toMatchObject({
        ok: false,
        signatureValid: false,
        merkleRootMatches: true,
        broken: [],
      });
      expect((await verifyAgainstCheckpoint(log, checkpoint, undefined, { trustedPublicKeyPem: generateCheckpointKeyPair().publicKeyPem })).signatureValid).toBe(false);
    });

    it('lists at most maxBroken mismatches and says so', async () => {
      const log = seededLog();
      const { checkpoint, heads } = await checkpointOf(log);
      log.eventRows = log.eventRows.filter((event) => event.proposalId === 'p-e');
      const result = await verifyAgainstCheckpoint(log, checkpoint, heads, { maxBroken: 2 });
      expect(result.broken.map((entry) => entry.proposalId)).toEqual(['p-a', 'p-b']);
      expect(result.truncated).toBe(true);
    });
  });
});
