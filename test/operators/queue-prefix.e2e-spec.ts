import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, deleteKeysOfPrefix, dist, lines, runNode, startUntil, tempDir, uniquePrefix } from './operators-support.js';

/**
 * ISSUE: every deployment defaulted to QUEUE_PREFIX=khen-thuong, so two of them on one Redis (the demo's
 * database beside ./data/app.sqlite, a test system beside production) silently ran each other's jobs. Now the
 * first process on a prefix records its database under `<prefix>:deployment`, and a process on another
 * database is refused in one line that offers a prefix of its own.
 */
describe('start-up refuses a queue prefix that already serves another database', () => {
  const dir = tempDir('prefix');
  const prefix = uniquePrefix('prefix');
  const prefixes = [prefix];
  const WORKER = dist('apps/worker/src/main.js');
  const workerEnv = (file: string, queuePrefix = prefix) => childEnv({ DATABASE_URL: `sqlite:${join(dir, file)}`, QUEUE_PREFIX: queuePrefix });
  const READY = /Relaying the outbox and processing queues/;

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const used of prefixes) await deleteKeysOfPrefix(used);
  });

  it('lets every process of one deployment share the prefix, refuses another database, and starts it on the prefix offered', async () => {
    const first = await startUntil(WORKER, workerEnv('a.sqlite'), READY);
    try {
      // A second process on the same database (another worker of the deployment) shares the prefix.
      const second = await startUntil(WORKER, workerEnv('a.sqlite'), READY);
      await second.stop();

      const refused = await runNode(WORKER, [], { env: workerEnv('b.sqlite'), timeoutMs: 30_000 });
      expect(refused.code).toBe(1);
      const said = lines(refused.stdout + refused.stderr);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(`QUEUE_PREFIX "${prefix}" on redis://127.0.0.1:6379 already serves another database (sqlite:${join(dir, 'a.sqlite')})`);
      expect(said[0]).toContain(`not this one (sqlite:${join(dir, 'b.sqlite')})`);
      const offered = /Set QUEUE_PREFIX=(\S+) for this one/.exec(said[0])?.[1];
      expect(offered).toMatch(new RegExp(`^${prefix}-[0-9a-f]{8}$`));
      expect(said[0]).toContain(`redis-cli DEL ${prefix}:deployment`);

      prefixes.push(offered!);
      const own = await startUntil(WORKER, workerEnv('b.sqlite', offered), READY);
      await own.stop();
    } finally {
      await first.stop();
    }
  }, 90_000);
});
