import type { Page } from 'playwright-core';
import { minimalPdf } from '../../libs/documents/src/test-support/zip-fixtures.js';
import { bearer, createProposal, createUnit, getHistory, http, postEvent } from '../support/api.js';
import { prepareDossierFor } from '../support/documents.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { act, attachInConsole, baseUrl, openProposal, signInAs, waitForState } from '../support/console-browser.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/** `days` days before today in Vietnam. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

const NAME = 'Họ tên cá nhân hoặc tên tập thể';

/**
 * Registers a person through the people registry (POST /api/people), as the unit's clerk. Null when the
 * registry is not there: the picker then offers nothing and the clerk types the details (it degrades).
 */
async function registerPerson(t: TestApp, unitId: string, person: Record<string, unknown>): Promise<{ id: string } | null> {
  const response = await http(t).post('/api/people').set('Authorization', bearer(t, { role: 'drafter', unitId })).send({ unitId, ...person });
  return response.status === 201 || response.status === 200 ? (response.body as { id: string }) : null;
}

/** What the clerk does with the mouse and the keyboard, counted as they go. */
class Tally {
  clicks = 0;
  typed = 0;
  choices = 0;
  constructor(private readonly page: Page) {}
  async click(locator: ReturnType<Page['locator']>) {
    this.clicks++;
    await locator.click();
  }
  async fill(label: string, value: string) {
    this.typed++;
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }
  async choose(label: string, value: string) {
    this.choices++;
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }
  get summary() {
    return `${this.clicks} clicks, ${this.choices} choices from a list, ${this.typed} fields typed: ${this.clicks + this.choices + this.typed} actions`;
  }
}

/** Types part of the name and takes the registry's suggestion, when the registry answers. */
async function pickPerson(page: Page, tally: Tally, typed: string, name: string, registered: boolean, screenshotAs?: string): Promise<void> {
  await tally.fill(NAME, typed);
  if (!registered) return;
  const option = page.locator('[data-testid="person-suggestions"] [role="option"]', { hasText: name }).first();
  await option.waitFor();
  if (screenshotAs) await screenshot(page, screenshotAs);
  tally.clicks++;
  // mousedown is what the list listens to (a click would first blur the field); Playwright's click sends both.
  await option.click();
  await page.locator(`#proposal-nominee-name[data-person-id]`).waitFor();
}

/** Fills in by hand what a registry entry would have filled: the picker's fallback. */
async function typePerson(tally: Tally, details: { name: string; birthYear: string; gender: string; title: string; workplace: string }) {
  await tally.fill(NAME, details.name);
  await tally.fill('Năm sinh', details.birthYear);
  await tally.choose('Giới tính', details.gender);
  await tally.fill('Chức vụ', details.title);
  await tally.fill('Đơn vị công tác', details.workplace);
}

describeInBrowser("the clerk's proposal form in Chromium: registry, late warning, Vietnamese errors, editing a draft", () => {
  const t = useTestApp('sqlite');
  const { official } = useBrowser();

  it('drafts an extraordinary proposal for a registered person and submits it: the clicks counted', async () => {
    const unit = await createUnit(t);
    const person = await registerPerson(t, unit.id, {
      type: 'individual',
      name: 'Hoàng Minh Tuấn',
      birthYear: 1988,
      gender: 'male',
      title: 'Đội trưởng Đội cứu hộ',
      workplace: 'Trung tâm Ứng phó thiên tai',
    });
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    const tally = new Tally(clerk);

    await tally.click(clerk.getByRole('link', { name: 'Lập hồ sơ', exact: true }).first());
    await clerk.getByTestId('proposal-save').waitFor();
    await tally.choose('Loại khen thưởng', 'extraordinary');
    await tally.choose('Hình thức khen thưởng', 'chairman_certificate');
    if (person) await pickPerson(clerk, tally, 'tuấn', 'Hoàng Minh Tuấn', true, 'clerk-01-person-suggestions');
    else await typePerson(tally, { name: 'Hoàng Minh Tuấn', birthYear: '1988', gender: 'male', title: 'Đội trưởng Đội cứu hộ', workplace: 'Trung tâm Ứng phó thiên tai' });
    await tally.fill('Tóm tắt thành tích', 'Chỉ huy cứu 12 người mắc kẹt trong lũ quét tại bản Na Ngoi');
    await tally.fill('Ngày lập thành tích', daysAgo(3));
    await tally.choose('Căn cứ khen thưởng đột xuất', 'rescue');
    await tally.click(clerk.getByTestId('proposal-save'));
    await clerk.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const id = new URL(clerk.url()).pathname.split('/').pop()!;
    await waitForState(clerk, 'drafting');

    // HS-1: the report on the achievement, then SUBMIT and its confirmation.
    tally.choices++;
    tally.clicks++;
    await attachInConsole(clerk, 'bao_cao_thanh_tich', 'Báo cáo thành tích – Hoàng Minh Tuấn.pdf', minimalPdf('Bao cao'));
    tally.clicks += 2;
    await act(clerk, 'SUBMIT');
    await waitForState(clerk, 'unitDecision');

    const history = await getHistory(t, id);
    const created = history.find((event) => event.type === 'CREATED')!;
    const nominee = (created.payload as { nominee?: Record<string, unknown> }).nominee ?? (created.payload as Record<string, unknown>);
    expect(JSON.stringify(nominee)).toContain('Hoàng Minh Tuấn');
    if (person) expect(JSON.stringify(created.payload)).toContain(person.id);

    const registry = person ? 'registry answered: the person was chosen from the suggestions' : 'no people registry (GET /api/people): the clerk typed the details';
    console.log(`Clerk's task "draft an extraordinary proposal for a registered person and submit it", from the inbox: ${tally.summary} (${registry}).`);
    expect(tally.clicks + tally.choices + tally.typed).toBeLessThanOrEqual(person ? 14 : 18);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('warns before saving that a 15-day-old achievement is late, says what is missing in Vietnamese, saves, and edits the draft', async () => {
    const unit = await createUnit(t);
    const person = await registerPerson(t, unit.id, {
      type: 'individual',
      name: 'Trần Thị Bình',
      birthYear: 1990,
      gender: 'female',
      title: 'Y tá trưởng',
      workplace: 'Bệnh viện Đa khoa tỉnh',
    });
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    const tally = new Tally(clerk);
    await clerk.goto(`${baseUrl(t)}/proposals/new`);
    await clerk.getByTestId('proposal-save').waitFor();
    await tally.choose('Loại khen thưởng', 'extraordinary');
    await tally.choose('Hình thức khen thưởng', 'chairman_certificate');
    await tally.fill('Tóm tắt thành tích', 'Cứu hai em nhỏ đuối nước trên sông Lam');
    await tally.fill('Ngày lập thành tích', daysAgo(15));
    await tally.choose('Căn cứ khen thưởng đột xuất', 'rescue');

    // The DX-4 deadline has passed: before anything is saved, the findings box says so with the rule.
    const warning = clerk.getByTestId('proposal-late-warning');
    await warning.waitFor();
    await clerk.getByTestId('proposal-deadline').locator('[data-due]').waitFor();
    await warning.getByText(/Hồ sơ sẽ bị ghi nhận là nộp quá hạn \d+ ngày làm việc/).waitFor();
    const warningText = (await warning.textContent()) ?? '';
    expect(warningText).toMatch(/Hồ sơ sẽ bị ghi nhận là nộp quá hạn \d+ ngày làm việc \(DX-4\): hạn trình là hết ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await warning.locator('a[href="/rules/DX-4"]').count()).toBe(1);
    expect(await clerk.getByTestId('proposal-findings').textContent()).not.toContain('Chưa thấy điều gì trái quy định');
    expect(await clerk.getByTestId('proposal-save').textContent()).toBe('Lưu (hồ sơ quá hạn)');

    // Saved with the name left empty: the form says so in Vietnamese, under the field, and sends nothing.
    await clerk.getByTestId('proposal-save').click();
    const nameProblem = clerk.locator('#proposal-nominee-name-problem');
    await nameProblem.waitFor();
    expect(await nameProblem.textContent()).toBe('Chưa nhập họ tên cá nhân hoặc tên tập thể.');
    expect(await clerk.locator('#proposal-late-ack-problem').textContent()).toBe('Xin đánh dấu ô xác nhận đã biết hồ sơ quá hạn trước khi lưu.');
    const problems = (await clerk.getByTestId('proposal-problems').textContent()) ?? '';
    expect(problems).not.toMatch(/nominee\.|should not|must /);
    expect(new URL(clerk.url()).pathname).toBe('/proposals/new');
    await screenshot(clerk, 'clerk-02-field-error-vietnamese');

    if (person) await pickPerson(clerk, tally, 'bình', 'Trần Thị Bình', true);
    else await typePerson(tally, { name: 'Trần Thị Bình', birthYear: '1990', gender: 'female', title: 'Y tá trưởng', workplace: 'Bệnh viện Đa khoa tỉnh' });
    await nameProblem.waitFor({ state: 'detached' });
    await screenshot(clerk, 'clerk-03-late-warning-before-save');
    await clerk.getByLabel('Tôi đã biết hồ sơ này quá hạn và vẫn muốn lưu', { exact: true }).check();
    await clerk.getByTestId('proposal-save').click();
    await clerk.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const id = new URL(clerk.url()).pathname.split('/').pop()!;
    await waitForState(clerk, 'drafting');
    await screenshot(clerk, 'clerk-04-saved-draft');

    // Editing the draft: the "Sửa hồ sơ" button when the proposal page has one, else the address.
    const editButton = clerk.getByRole('link', { name: 'Sửa hồ sơ' });
    if ((await editButton.count()) > 0) await editButton.first().click();
    else await clerk.goto(`${baseUrl(t)}/proposals/${id}/edit`);
    await clerk.waitForURL(new RegExp(`/proposals/${id}/edit$`));
    const summary = clerk.getByLabel('Tóm tắt thành tích', { exact: true });
    await summary.waitFor();
    expect(await summary.inputValue()).toBe('Cứu hai em nhỏ đuối nước trên sông Lam');
    expect(await clerk.getByTestId('proposal-fixed').textContent()).toContain('Khen thưởng đột xuất');
    await summary.fill('Cứu hai em nhỏ đuối nước trên sông Lam, đoạn qua xã Hưng Lợi, chiều 12/11');
    await clerk.getByLabel('Tôi đã biết hồ sơ này quá hạn và vẫn muốn lưu', { exact: true }).check();
    await screenshot(clerk, 'clerk-05-edit-draft');
    await clerk.getByTestId('proposal-save').click();
    await clerk.waitForURL(new RegExp(`/proposals/${id}$`));
    await waitForState(clerk, 'drafting');
    await clerk.getByText('Cứu hai em nhỏ đuối nước trên sông Lam, đoạn qua xã Hưng Lợi, chiều 12/11').waitFor();
    await screenshot(clerk, 'clerk-06-proposal-after-edit');

    const history = await getHistory(t, id);
    const update = history.find((event) => event.type === 'UPDATE' || event.type === 'UPDATED');
    expect(update).toBeDefined();
    const changes = (update!.payload as { changes?: Record<string, unknown> }).changes ?? update!.payload;
    // Only the achievement changed, so only the achievement was sent.
    expect(Object.keys(changes).filter((key) => ['awardForm', 'nominee', 'achievement'].includes(key))).toEqual(['achievement']);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a returned proposal shows why, is edited and submitted again', async () => {
    const unit = await createUnit(t);
    const proposal = await createProposal(t, unit.id, null, {
      nominee: { type: 'individual', name: 'Lê Thị Cúc' },
      achievement: { summary: 'Dập tắt đám cháy', date: daysAgo(2), basis: 'rescue' },
    });
    await prepareDossierFor(t, proposal, 'SUBMIT');
    expect((await postEvent(t, proposal.id, { role: 'drafter', unitId: unit.id }, { type: 'SUBMIT' })).status).toBe(200);
    const reason = 'Tóm tắt chưa nêu thiệt hại đã ngăn chặn được';
    expect((await postEvent(t, proposal.id, { role: 'unit_head', unitId: unit.id }, { type: 'RETURN', reason })).status).toBe(200);

    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    await clerk.goto(`${baseUrl(t)}/proposals/${proposal.id}/edit`);
    const returned = clerk.getByTestId('proposal-return-reason');
    await returned.waitFor();
    expect(await returned.textContent()).toBe(`Lý do trả lại: ${reason}`);
    await clerk.getByLabel('Tóm tắt thành tích', { exact: true }).fill('Dập tắt đám cháy kho xăng, ngăn thiệt hại ước 2 tỷ đồng');
    await screenshot(clerk, 'clerk-07-returned-proposal-edit');
    await clerk.getByTestId('proposal-save').click();
    await clerk.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await waitForState(clerk, 'drafting');
    await act(clerk, 'SUBMIT');
    await waitForState(clerk, 'unitDecision');
    await screenshot(clerk, 'clerk-08-returned-proposal-resubmitted');

    // Once it has left drafting, the edit address says so plainly and leads back.
    await clerk.goto(`${baseUrl(t)}/proposals/${proposal.id}/edit`);
    await clerk.getByTestId('proposal-not-editable').waitFor();
    expect(await clerk.getByTestId('proposal-save').count()).toBe(0);

    const types = (await getHistory(t, proposal.id)).map((event) => event.type).filter((type) => type !== 'DOCUMENT_ATTACHED');
    expect(types).toEqual(['CREATED', 'SUBMIT', 'RETURN', 'UPDATE', 'SUBMIT']);
    await openProposal(t, clerk, proposal.id);
  }, BROWSER_TEST_TIMEOUT_MS);
});
