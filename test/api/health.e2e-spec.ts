import { http } from '../support/api.js';
import { describeEachDatabase, startTestApp, useTestApp, type TestApp } from '../support/test-app.js';

describeEachDatabase('GET /health', (database) => {
  describe('with the database and Redis up', () => {
    const t = useTestApp(database);

    it('leaves no timers running once it has answered', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
      const before = timers();
      for (let i = 0; i < 5; i++) expect((await http(t).get('/health')).status).toBe(200);
      // Each probe races a 2 s timeout; once the probe has answered, its timer should be cleared.
      expect(timers() - before).toBeLessThan(5);
    });
  });

  describe('with Redis not answering', () => {
    let t: TestApp | undefined;
    beforeAll(async () => {
      // Nothing listens on port 1: the API itself starts (it needs Redis only for /health).
      t = await startTestApp({ database, redisUrl: 'redis://127.0.0.1:1' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 503 and says which dependency is down, within the probe timeout', async () => {
      const started = Date.now();
      const response = await http(t!).get('/health');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'unavailable', database: 'up', redis: expect.stringMatching(/^down/) });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
