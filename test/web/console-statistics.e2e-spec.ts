import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { bearer, expectStatus, http, proposalIn, suffix, type UnitBody } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { baseUrl, signInAs } from '../support/console-browser.js';
import { PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

/**
 * The statistics screen (docs/statistics.md) as home affairs uses it: proposals seeded through the API and
 * walked to their outcomes, the period picked, the tables and the chart read, and the spreadsheet downloaded
 * through the browser and opened.
 */
describeInBrowser('statistics in the console', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();
  let unit: UnitBody;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    const response = await http(t).post('/api/units').set('Authorization', bearer(t, { role: 'admin' })).send({ code: `TK-${suffix()}`, name: 'Sở Văn hóa, Thể thao và Du lịch' });
    expectStatus(response, 201);
    unit = response.body as UnitBody;
    // Awarded by the chairman (decision dated 22/06/2026), awarded by the unit today, rejected, and one on its way.
    await proposalIn(t, 'awarded', unit.id, null, { nominee: { type: 'individual', name: 'Nguyễn Văn An', gender: 'male' } });
    await proposalIn(t, 'awardedByUnit', unit.id, null, { awardForm: 'unit_certificate', nominee: { type: 'individual', name: 'Trần Thị Bình', gender: 'female' } });
    await proposalIn(t, 'rejected', unit.id, null, { nominee: { type: 'individual', name: 'Lê Văn Cường' } });
    await proposalIn(t, 'councilScreening', unit.id, null, { nominee: { type: 'individual', name: 'Phạm Thị Dung', gender: 'female' } });
  }, 60_000);

  it('home affairs picks a period, reads the tables and the chart, and downloads the spreadsheet', async () => {
    const page = await signInAs(t, await official(), 'home_affairs');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/statistics/);
    await page.getByRole('heading', { level: 1, name: 'Thống kê khen thưởng' }).waitFor();

    const period = page.getByTestId('statistics-period');
    await period.getByLabel('Từ ngày').fill(`${year}-01-01`);
    await period.getByLabel('Đến ngày').fill(`${year}-12-31`);
    await period.getByRole('button', { name: 'Xem thống kê' }).click();
    await page.waitForURL(new RegExp(`from=${year}-01-01&to=${year}-12-31`));
    await page.getByTestId('statistics-report').waitFor();

    const row = page.getByTestId('statistics-table-unit').locator(`tr[data-key="${unit.id}"]`);
    expect(await row.locator('th, td').allTextContents()).toEqual(['Sở Văn hóa, Thể thao và Du lịch', '2', '4', '2', '1', '1', '0']);
    expect(await page.getByTestId('statistics-table-awardForm').locator('tr[data-key="unit_certificate"] td').first().textContent()).toBe('1');
    expect(await page.getByTestId('statistics-summary').textContent()).toContain('2 Khen thưởng trong kỳ');
    // Nominees: a man and two women named their gender; the fourth proposal states none.
    expect(await page.getByTestId('statistics-table-nominee').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('th')?.textContent, row.querySelectorAll('td')[1]?.textContent]),
    )).toEqual([
      ['Cá nhân nam', '1'],
      ['Cá nhân nữ', '2'],
      ['Cá nhân chưa rõ giới tính', '1'],
      ['Tập thể', '0'],
    ]);
    const chart = page.getByTestId('statistics-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('g[data-label="Sở Văn hóa, Thể thao và Du lịch"] g[data-series="Khen thưởng trong kỳ"]').getAttribute('data-value')).toBe('2');
    await screenshot(page, 'statistics-year-table-and-chart');

    await page.getByLabel('Biểu đồ theo').selectOption('timeliness');
    await chart.locator('title').first().filter({ hasText: 'theo thời hạn trình' }).waitFor({ state: 'attached' });
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'statistics-chart-by-timeliness');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-excel').click()]);
    expect(download.suggestedFilename()).toBe(`thong-ke-khen-thuong-${year}-01-01-${year}-12-31.xlsx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const units = workbook.getWorksheet('Theo đơn vị')!;
    expect(units.getCell('A1').value).toBe('BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG');
    expect(units.getCell('A2').value).toBe(`Từ ngày 01/01/${year} đến ngày 31/12/${year} — Toàn tỉnh`);
    expect((units.getRow(6).values as unknown[]).slice(2)).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 2, 4, 2, 1, 1, 0]);
    await page.getByText(`Đã tải xuống thong-ke-khen-thuong-${year}-01-01-${year}-12-31.xlsx.`).waitFor();

    // As printed: no navigation, no buttons, the tables bordered.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('statistics-period').isVisible()).toBe(false);
    await screenshot(page, 'statistics-print');
    await page.emulateMedia({ media: 'screen' });

    // A quick choice: last year holds nothing of this suite.
    await page.getByRole('group', { name: 'Chọn nhanh' }).getByRole('button', { name: 'Năm trước' }).click();
    await page.waitForURL(new RegExp(`from=${year - 1}-01-01`));
    await page.locator('[data-testid="statistics-summary"] li[data-key="awarded"] strong', { hasText: '0' }).waitFor();
    expect(await page.getByTestId('statistics-table-unit').locator('tbody tr').allTextContents()).toEqual(['Không có đơn vị nào có hồ sơ trong kỳ này.']);
    expect(baseUrl(t)).toMatch(/^http/);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a unit head sees their own unit only, and the period they ask for is checked before anything is asked', async () => {
    const page = await signInAs(t, await official(), `unit_head:${unit.id}`);
    await page.goto(`${baseUrl(t)}/statistics?from=${year}-01-01&to=${year}-12-31`);
    await page.getByTestId('statistics-report').waitFor();
    expect(await page.locator('.stats-meta').textContent()).toContain('Phạm vi: Sở Văn hóa, Thể thao và Du lịch');
    expect(await page.getByTestId('statistics-table-unit').locator('tbody tr').count()).toBe(1);
    await page.goto(`${baseUrl(t)}/statistics?from=${year}-12-31&to=${year}-01-01`);
    expect(await page.getByTestId('statistics-period-problem').textContent()).toBe('Ngày kết thúc không được trước ngày bắt đầu.');
    await screenshot(page, 'statistics-unit-head-bad-period');
  }, BROWSER_TEST_TIMEOUT_MS);
});
