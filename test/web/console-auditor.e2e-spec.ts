import { readFileSync } from 'node:fs';
import { createUnit, getHistory, proposalIn } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { baseUrl, signInAs } from '../support/console-browser.js';
import { useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

describeInBrowser('an auditor in the console', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();

  it("replays a proposal step by step: the state at each event, the chain sound, the stored snapshot matched", async () => {
    const unit = await createUnit(t);
    const proposal = await proposalIn(t, 'awarded', unit.id, null);
    const history = await getHistory(t, proposal.id);
    const auditor = await signInAs(t, await official(), 'auditor');
    // Auditors change nothing: no "new proposal" in their navigation.
    expect(await auditor.getByRole('link', { name: 'Lập hồ sơ', exact: true }).count()).toBe(0);

    await auditor.goto(`${baseUrl(t)}/proposals/${proposal.id}/replay?seq=${history.length}`);
    const view = auditor.locator('[data-testid="replay-view"][aria-busy="false"]');
    await view.waitFor();
    const stateAt = async () => auditor.getByTestId('replay-state').getAttribute('data-state');
    expect(await stateAt()).toBe('awarded');
    expect(await auditor.getByTestId('replay-chain').getAttribute('data-ok')).toBe('true');
    expect(await auditor.getByTestId('replay-matches').getAttribute('data-ok')).toBe('true');
    await screenshot(auditor, '20-replay-last-step');

    // Walk back with the keyboard: every step shows the state the log recorded for it.
    const slider = auditor.getByTestId('replay-slider');
    await slider.focus();
    for (let seq = history.length - 1; seq >= 1; seq--) {
      await auditor.keyboard.press('ArrowLeft');
      await auditor.locator(`[data-testid="replay-state"][data-state="${history[seq - 1]!.state}"]`).waitFor();
      await view.waitFor();
      expect(await auditor.getByTestId('replay-step-match').getAttribute('data-ok')).toBe('true');
    }
    expect(await stateAt()).toBe('drafting');
    expect(new URL(auditor.url()).searchParams.get('seq')).toBe('1');
    await screenshot(auditor, '21-replay-first-step');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('verifies the whole log and downloads an export', async () => {
    const unit = await createUnit(t);
    await proposalIn(t, 'chairmanDecision', unit.id, null);
    const auditor = await signInAs(t, await official(), 'auditor');
    await auditor.goto(`${baseUrl(t)}/audit`);
    await auditor.getByTestId('verify-run').click();
    const result = auditor.locator('[data-testid="verify-result"][data-ok]');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await screenshot(auditor, '22-audit-verified');

    const download = auditor.waitForEvent('download');
    await auditor.getByTestId('export-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-events-\d{8}T\d{6}\.ndjson$/);
    const lines = readFileSync((await file.path())!, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(lines[0]!)).toHaveProperty('hash');
    await auditor.getByTestId('export-saved').waitFor();
  }, BROWSER_TEST_TIMEOUT_MS);
});
