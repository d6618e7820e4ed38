import { bearer, createUnit, expectStatus, http, proposalDraft } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { baseUrl, recordAssets } from '../support/console-browser.js';
import { useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

const PROPOSALS = 5_000;
const FIRST_SCREEN_LIMIT_BYTES = 250 * 1024;

/** Measurements go to the run's output: they are read, not asserted (a timing is not a test). */
const report = (line: string) => process.stdout.write(`[console-inbox-scale] ${line}\n`);

describeInBrowser(`the inbox with ${PROPOSALS.toLocaleString('en')} proposals in the database`, () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();
  let unitId: string;

  beforeAll(async () => {
    unitId = (await createUnit(t)).id;
    const started = Date.now();
    let next = 0;
    // Drafts of one unit all wait on its clerks: every one is in the clerk's inbox.
    const worker = async () => {
      while (next < PROPOSALS) {
        const n = next++;
        const response = await http(t)
          .post('/api/proposals')
          .set('Authorization', bearer(t, { role: 'drafter', unitId }))
          .send(proposalDraft(unitId, null, { nominee: { type: 'individual', name: `Cán bộ số ${String(n).padStart(4, '0')}` } }));
        expectStatus(response, 201);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    report(`seeded ${PROPOSALS} proposals through the API in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);

  it('shows its first page quickly, pages on, and the first screen stays under 250 KB gzipped', async () => {
    const page = await (await official()).newPage();
    const firstScreen = recordAssets(page);
    await page.goto(`${baseUrl(t)}/`);
    await page.locator(`button[data-user="drafter:${unitId}"]`).click();
    await page.getByTestId('inbox-table').waitFor();
    const assets = await firstScreen();
    report(
      `first screen (sign-in and inbox): ${assets.files} scripts and stylesheets, ${(assets.rawBytes / 1024).toFixed(1)} KB, ` +
        `${(assets.gzipBytes / 1024).toFixed(1)} KB gzipped (limit 250 KB)`,
    );
    expect(assets.gzipBytes).toBeLessThan(FIRST_SCREEN_LIMIT_BYTES);

    // Signed in already: what an official waits for each morning is the inbox itself.
    const timings: number[] = [];
    const apiTimes = new Map<string, number[]>();
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/') || url.pathname.endsWith('/stream')) return;
      const timing = request.timing();
      const key = url.pathname.replace(/[0-9a-f-]{36}/g, ':id');
      apiTimes.set(key, [...(apiTimes.get(key) ?? []), timing.responseEnd - timing.requestStart]);
    });
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await page.goto(`${baseUrl(t)}/`);
      await page.locator('[data-testid="inbox-table"] tr[data-proposal-id]').first().waitFor();
      timings.push(performance.now() - started);
    }
    const rows = await page.locator('[data-testid="inbox-table"] tr[data-proposal-id]').count();
    report(`inbox first page (${rows} rows of ${PROPOSALS}), load to rows shown: ${timings.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    expect(rows).toBe(50);
    report(
      `API answers during those loads (request sent to last byte): ${[...apiTimes]
        .map(([path, ms]) => `${path} ${ms.map((m) => m.toFixed(0)).join('/')} ms`)
        .join('; ')}`,
    );
    await screenshot(page, '40-inbox-5000');

    const firstId = await page.locator('tr[data-proposal-id]').first().getAttribute('data-proposal-id');
    const started = performance.now();
    await page.getByRole('button', { name: 'Trang sau', exact: true }).click();
    await page.locator(`tr[data-proposal-id]:first-child:not([data-proposal-id="${firstId}"])`).first().waitFor();
    report(`next page: ${(performance.now() - started).toFixed(0)} ms`);
    expect(await page.locator('tr[data-proposal-id]').count()).toBe(50);
  }, BROWSER_TEST_TIMEOUT_MS);
});
