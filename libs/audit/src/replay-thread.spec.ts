import { SYSTEM_ACTOR } from '#kernel';
import { MIGRATED_EVENT } from '#workflows/proposal';
import { verifyLog } from './log-verifier.js';
import { ReplayThread } from './replay-thread.js';
import { InMemoryAuditLog } from './test-support/in-memory-audit-log.js';
import { person, reseal, sealProposalLog, V1_AWARD_WALK, type LogStep } from './test-support/sealed-proposal-log.js';

/** The thread runs the build's script: without a build (npx tsc -p tsconfig.build.json) there is nothing to test. */
const probe = ReplayThread.start();
await probe?.close();
const describeWithThread = probe ? describe : describe.skip;

const MIGRATING: LogStep[] = [
  { type: 'SUBMIT', actor: person('drafter') },
  { type: 'FORWARD', actor: person('unit_head') },
  { type: MIGRATED_EVENT, toVersion: 2 },
  { type: 'RECOMMEND', actor: person('council', null), fields: { vote: { members: 9, for: 6, against: 3 } } },
  { type: 'REQUEST_SUPPLEMENT', actor: person('home_affairs', null), fields: { reason: 'Thiếu biên bản' } },
  { type: 'DEADLINE_MISSED', actor: SYSTEM_ACTOR },
];

/**
 * Hundreds of proposals, some of them wrong in every way replay can tell (chains re-sealed, so that only replay
 * and the row comparison can find them): enough for several batches to be in flight at once.
 */
function tamperedLog(): InMemoryAuditLog {
  const log = new InMemoryAuditLog({ pageSize: 97, copies: false });
  for (let index = 0; index < 900; index++) {
    const id = `p-${String(index).padStart(4, '0')}`;
    const sealed = index % 3 === 0 ? sealProposalLog(id, MIGRATING) : sealProposalLog(id, V1_AWARD_WALK.slice(0, 1 + (index % 6)));
    switch (index % 50) {
      case 7: {
        // Someone with no role signed: the machine refuses the line.
        const last = sealed.events.length - 1;
        sealed.events[last] = reseal(sealed.events[last], { actor: { id: 'x', roles: [], unitId: null } });
        sealed.head.lastHash = sealed.events[last].hash;
        break;
      }
      case 19:
        (sealed.head.snapshot as { context: { lastReason: string } }).context.lastReason = 'sửa tay';
        break;
      case 23:
        sealed.head.escalation = 'escalated';
        break;
      case 31:
        sealed.head.snapshot = '{"value": "drafting", "context": ';
        break;
    }
    log.add(sealed);
  }
  return log;
}

describeWithThread('replay on a second thread', () => {
  it('gives the very answer the walk gives replaying by itself', async () => {
    const log = tamperedLog();
    const alone = await verifyLog(log, { replayThread: false });
    const threaded = await verifyLog(log, { replayThread: true });
    expect(threaded).toEqual(alone);
    expect(alone.broken.map((entry) => entry.reason)).toEqual(
      expect.arrayContaining(['replay_failed', 'snapshot_mismatch']),
    );
    expect(alone.broken.length).toBe(4 * 18);
    expect(alone.broken.map((entry) => entry.proposalId)).toEqual([...alone.broken.map((entry) => entry.proposalId)].sort());
  });
});
