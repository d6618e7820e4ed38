import type { Page } from 'playwright-core';
import { ComposeNoticeUseCase } from '#notifications';
import { createProposal, createUnit, walkTo } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { baseUrl, signInAs } from '../support/console-browser.js';
import { useTestApp, PAPER_DOSSIERS} from '../support/test-app.js';

describeInBrowser('the console keeps up: the live bell, the calendar, a campaign and its quota', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();

  const unreadOf = async (page: Page) => Number(await page.getByTestId('bell').getAttribute('data-unread'));

  it('rings the bell the moment an escalation is stored, without a reload', async () => {
    const unit = await createUnit(t);
    const proposal = await createProposal(t, unit.id, null, { nominee: { type: 'individual', name: 'Phạm Thị Dung' } });
    const department = await signInAs(t, await official(), 'home_affairs');
    await department.locator('[data-testid="bell"][data-unread]').waitFor();
    const before = await unreadOf(department);
    // Give the stream a moment to be subscribed on the server before the notice is made.
    await department.waitForTimeout(500);

    // What the worker does when the escalation timer's event commits.
    const notice = await t.app.get(ComposeNoticeUseCase).execute({ proposalId: proposal.id, seq: 77, type: 'ESCALATE', at: new Date().toISOString() });
    expect(notice).not.toBeNull();

    await department.locator(`[data-testid="bell"][data-unread="${before + 1}"]`).waitFor({ timeout: 10_000 });
    expect(await department.getByTestId('bell-live').textContent()).toContain(notice!.title);
    await screenshot(department, '30-bell-rang');

    await department.getByTestId('bell').click();
    await department.locator(`li[data-notice-id="${notice!.id}"][data-read="false"]`).waitFor();
    await screenshot(department, '31-notifications');
    await department.locator(`li[data-notice-id="${notice!.id}"]`).getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await department.locator(`li[data-notice-id="${notice!.id}"][data-read="true"]`).waitFor();
    await department.locator(`[data-testid="bell"][data-unread="${before}"]`).waitFor();
  }, BROWSER_TEST_TIMEOUT_MS);

  it("shows a year's days off and working Saturdays with their sources, and marks a computed year provisional", async () => {
    const clerk = await signInAs(t, await official(), 'council');
    await clerk.goto(`${baseUrl(t)}/calendar?year=2026`);
    await clerk.getByTestId('calendar-grids').waitFor();
    expect(await clerk.locator('table.cal-grid[data-month]').count()).toBe(12);
    expect(await clerk.locator('td[data-date="2026-02-17"][data-kind="off"]').count()).toBe(1);
    expect(await clerk.getByTestId('calendar-provisional').count()).toBe(0);
    expect(await clerk.locator('[data-testid="calendar-list"] tr[data-date]').count()).toBeGreaterThan(5);
    await screenshot(clerk, '32-calendar-2026');

    await clerk.getByRole('button', { name: 'Năm 2027 →' }).click();
    await clerk.getByTestId('calendar-provisional').waitFor();
    await screenshot(clerk, '33-calendar-2027-provisional');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('the department creates a campaign by the form, TH-1 guiding it, and sees its quota fill', async () => {
    const unit = await createUnit(t);
    const department = await signInAs(t, await official(), 'home_affairs');
    await department.goto(`${baseUrl(t)}/campaigns/new`);
    await department.getByTestId('campaign-save').waitFor();
    const field = (label: string) => department.getByLabel(label, { exact: true });
    const title = `Phong trào thi đua chuyển đổi số ${Date.now()}`;
    await field('Tên phong trào thi đua').fill(title);
    // Nothing of the guidance yet: TH-1 lists what every proposal of this campaign would be refused for.
    await department.locator('[data-testid="campaign-findings"] [data-testid="finding-TH-1"]').first().waitFor();
    await screenshot(department, '34-new-campaign-th1');

    await field('Số hiệu kế hoạch thi đua').fill('45/KH-UBND');
    await field('Ngày ban hành kế hoạch').fill('2026-01-15');
    await field('Ngày phát động').fill('2026-02-01');
    await field('Ngày tổng kết').fill('2026-11-20');
    await field('Ngày hội nghị trao thưởng').fill('2027-01-15');
    await field('Số hiệu hướng dẫn khen thưởng').fill('12/HD-SNV');
    await field('Ngày ban hành hướng dẫn').fill('2026-11-21');
    await field('Phạm vi khen thưởng').fill('Toàn tỉnh');
    await field('Đối tượng khen thưởng').fill('Tập thể, cá nhân');
    await field('Tiêu chuẩn khen thưởng').fill('Hoàn thành xuất sắc nhiệm vụ chuyển đổi số');
    await field('Thời gian lập thành tích: từ ngày').fill('2026-01-01');
    await field('Thời gian lập thành tích: đến ngày').fill('2026-12-31');
    await field('Bằng khen của Chủ tịch UBND tỉnh').check();
    await field('Số lượng Bằng khen của Chủ tịch UBND tỉnh').fill('1');
    await department.locator('[data-testid="campaign-findings"] [data-testid="finding-TH-1"]').first().waitFor({ state: 'detached' });
    await department.getByTestId('campaign-deadline').locator('[data-due]').waitFor();
    await department.getByTestId('campaign-save').click();
    await department.waitForURL(/\/campaigns$/);

    const row = department.locator('tr[data-testid^="campaign-"]', { hasText: title });
    await row.waitFor();
    const campaignId = (await row.getAttribute('data-testid'))!.replace('campaign-', '');
    await row.locator('[data-testid="quota-chairman_certificate"][data-used="0"][data-limit="1"]').waitFor();

    const proposal = await createProposal(t, unit.id, campaignId, {
      awardForm: 'chairman_certificate',
      achievement: { summary: 'Số hoá toàn bộ hồ sơ một cửa', date: '2026-06-01' },
    });
    await walkTo(t, proposal, 'councilScreening');
    await department.reload();
    await row.locator('[data-testid="quota-chairman_certificate"][data-used="1"]').waitFor();
    expect(await row.getByTestId('quota-over').count()).toBe(1);
    await screenshot(department, '35-campaign-quota-full');
  }, BROWSER_TEST_TIMEOUT_MS);
});
