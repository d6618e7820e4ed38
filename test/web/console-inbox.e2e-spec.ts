import { ComposeNoticeUseCase } from '#notifications';
import { createProposal, createUnit, walkTo } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { baseUrl, PHONE, signInAs } from '../support/console-browser.js';
import { PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

/**
 * What a unit head sees first (issue 15): what is his turn before what he only watches, a search that does not
 * need diacritics, one button to read every notice, and a header that leaves a phone its screen.
 */
describeInBrowser("the head's inbox: my turn first, search by name, mark all read, the phone header", () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();
  let unitId: string;

  beforeAll(async () => {
    unitId = (await createUnit(t)).id;
    // Made first, so that in the order proposals were made it would come first: a draft still with the clerk.
    await createProposal(t, unitId, null, { nominee: { type: 'individual', name: 'Lê Thị Đào' } });
    const waiting = await createProposal(t, unitId, null, { nominee: { type: 'individual', name: 'Nguyễn Văn An' } });
    await walkTo(t, waiting, 'unitDecision');
    // Two notices for the unit, as the worker makes them when the deadline timers fire.
    for (const seq of [71, 72]) {
      await t.app.get(ComposeNoticeUseCase).execute({ proposalId: waiting.id, seq, type: 'DEADLINE_REMINDER', at: new Date(Date.now() - seq).toISOString() });
    }
  }, 60_000);

  it('lists the proposal waiting on him first, and the draft under "Đang theo dõi"', async () => {
    const head = await signInAs(t, await official(), `unit_head:${unitId}`);
    const turn = head.getByTestId('inbox-table');
    await turn.locator('tr[data-proposal-id]').first().waitFor();
    expect(await turn.locator('tr[data-proposal-id]').allTextContents()).toEqual([expect.stringContaining('Nguyễn Văn An')]);
    const watching = head.getByTestId('inbox-watching-table');
    await watching.locator('tr[data-proposal-id]').first().waitFor();
    expect(await watching.locator('tr[data-proposal-id]').allTextContents()).toEqual([expect.stringContaining('Lê Thị Đào')]);
    // "Đến lượt tôi" stands above "Đang theo dõi" on the page.
    const headings = await head.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Đến lượt tôi')).toBeLessThan(headings.indexOf('Đang theo dõi'));
    const [turnBox, watchingBox] = [await turn.boundingBox(), await watching.boundingBox()];
    expect(turnBox!.y).toBeLessThan(watchingBox!.y);
    await screenshot(head, 'inbox-my-turn-first');

    // A search typed without diacritics finds the name written with them.
    await head.getByLabel('Tìm theo tên người hoặc tập thể').fill('nguyen van an');
    await head.getByRole('button', { name: 'Tìm', exact: true }).click();
    await head.waitForURL(/\?q=nguyen\+van\+an$/);
    await head.getByTestId('inbox-watching-table-empty').waitFor();
    expect(await turn.locator('tr[data-proposal-id]').allTextContents()).toEqual([expect.stringContaining('Nguyễn Văn An')]);
    await screenshot(head, 'inbox-search-without-diacritics');

    // Mark all read: the bell goes to zero.
    await head.locator('[data-testid="bell"][data-unread="2"]').waitFor();
    await head.getByTestId('bell-popup-toggle').click();
    const popup = head.getByTestId('bell-popup');
    await popup.getByRole('link', { name: /Nguyễn Văn An/ }).first().waitFor();
    expect(await popup.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(head, 'inbox-bell-popup');
    await popup.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }).click();
    await head.locator('[data-testid="bell"][data-unread="0"]').waitFor();
    await popup.getByText('Đã đánh dấu 2 thông báo là đã đọc.').waitFor();
    await screenshot(head, 'inbox-mark-all-read');
    await head.getByTestId('bell').click();
    await head.getByTestId('notifications-unread').waitFor();
    expect(await head.getByTestId('notifications-unread').getAttribute('data-unread')).toBe('0');
    expect(await head.locator('li[data-read="false"]').count()).toBe(0);
    // The notice names the nominee and the award, never the proposal's id.
    const body = await head.locator('.notice__body').first().textContent();
    expect(body).toContain('hồ sơ đề nghị khen thưởng đột xuất (Bằng khen của Chủ tịch UBND tỉnh): Nguyễn Văn An — chờ Thủ trưởng đơn vị quyết định');
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('keeps the header to one row on a phone, with the navigation behind the menu button', async () => {
    const head = await signInAs(t, await official(PHONE), `unit_head:${unitId}`);
    const header = head.getByTestId('app-header');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    expect(await head.locator('.brand__short').isVisible()).toBe(true);
    expect(await head.locator('.brand__full').isVisible()).toBe(false);
    expect(await head.getByTestId('bell').isVisible()).toBe(true);
    expect(await head.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(false);
    await screenshot(head, 'inbox-phone-header');

    await head.getByTestId('menu-toggle').click();
    const nav = head.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.waitFor();
    expect(await head.getByTestId('menu-toggle').getAttribute('aria-expanded')).toBe('true');
    await screenshot(head, 'inbox-phone-menu-open');
    await nav.getByRole('link', { name: 'Lịch làm việc' }).click();
    await head.waitForURL(/\/calendar/);
    // The next screen starts with the menu closed again.
    await head.locator('[data-testid="menu-toggle"][aria-expanded="false"]').waitFor();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(baseUrl(t)).toMatch(/^http/);
  }, BROWSER_TEST_TIMEOUT_MS);
});
