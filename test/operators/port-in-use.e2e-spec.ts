import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, deleteKeysOfPrefix, dist, holdPort, lines, runNode, tempDir, uniquePrefix } from './operators-support.js';

/**
 * ISSUE: the API (and npm start) on a port another process holds died with Nest's EADDRINUSE stack trace,
 * after the worker had already started. Now start-up checks the port first and says one line.
 */
describe('a taken port stops start-up with one line and a non-zero status', () => {
  const dir = tempDir('port');
  const prefix = uniquePrefix('port');
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await deleteKeysOfPrefix(prefix);
  });

  it.each([
    ['the API', 'apps/api/src/main.js', undefined],
    ['npm start (API and worker in one process)', 'apps/standalone/src/main.js', undefined],
    ['the API, beside a server on 127.0.0.1 alone', 'apps/api/src/main.js', '127.0.0.1'],
  ])('%s', async (_name, main, host) => {
    const held = await holdPort(host);
    try {
      const env = childEnv({ PORT: String(held.port), DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`, QUEUE_PREFIX: prefix });
      const result = await runNode(dist(main), [], { env, timeoutMs: 30_000 });
      const said = lines(result.stdout + result.stderr);
      expect(said).toEqual([`Port ${held.port} is in use: another process listens there; set PORT=<another port> or stop that process`]);
      expect(result.code).toBe(1);
    } finally {
      await held.release();
    }
  });
});
