import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createProposal, createUnit, daysFromToday, expectStatus, getProposal, postEvent, proposalIn } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, SCREENSHOT_DIR, useBrowser } from '../support/browser.js';
import { act, openProposal, PHONE, signInAs, waitForState } from '../support/console-browser.js';
import { prepareDossierFor } from '../support/documents.js';
import { useTestApp } from '../support/test-app.js';

/** The action panel alone, as the official sees it, beside the full-page screenshots. */
async function panelShot(page: Page, name: string): Promise<void> {
  const panel = page.locator('section.action-panel');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The text of every button the panel offers, as `EVENT=words`. */
async function buttons(page: Page): Promise<string[]> {
  return page
    .locator('section.action-panel button[data-event]')
    .evaluateAll((all) => all.map((button) => `${button.getAttribute('data-event')}=${button.textContent?.trim()}`));
}

const noAward = (page: Page) => page.getByRole('button', { name: 'Không khen thưởng', exact: true });

const HEX64 = /\b[0-9a-f]{64}\b/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;

describeInBrowser('the proposal page as each office reads it, in Chromium', () => {
  const t = useTestApp('sqlite');
  const { official } = useBrowser();

  it('unit head, council, Sở Nội vụ and chairman each get the words of their office; only the chairman has “Không khen thưởng”', async () => {
    const unit = await createUnit(t);
    const proposal = await proposalIn(t, 'unitDecision', unit.id, null, { nominee: { type: 'individual', name: 'Phạm Thị Dung' } });
    await prepareDossierFor(t, proposal, 'FORWARD');

    const head = await signInAs(t, await official(), `unit_head:${unit.id}`);
    await openProposal(t, head, proposal.id);
    expect(await buttons(head)).toEqual([
      'FORWARD=Trình UBND tỉnh khen thưởng',
      'AWARD_AT_UNIT=Khen thưởng theo thẩm quyền của đơn vị',
      'RETURN=Trả lại để hoàn thiện',
      'REJECT=Không đề nghị khen thưởng',
      'WITHDRAW=Rút hồ sơ',
    ]);
    expect(await noAward(head).count()).toBe(0);
    await panelShot(head, 'roles-1-unit-head-panel');
    await act(head, 'FORWARD');
    await waitForState(head, 'councilScreening');

    await prepareDossierFor(t, proposal, 'RECOMMEND');
    const council = await signInAs(t, await official(), 'council');
    await openProposal(t, council, proposal.id);
    expect(await buttons(council)).toEqual([
      'RECOMMEND=Đề nghị khen thưởng (ghi kết quả biểu quyết)',
      'RETURN=Trả lại đơn vị',
      'REJECT=Không đề nghị khen thưởng',
    ]);
    expect(await noAward(council).count()).toBe(0);
    await panelShot(council, 'roles-2-council-panel');
    // The council's refusal asks the council's question.
    await council.locator('button[data-event="REJECT"]').click();
    const councilDialog = council.locator('dialog[data-event="REJECT"]');
    await councilDialog.waitFor();
    expect(await councilDialog.locator('h2').textContent()).toBe('Không đề nghị khen thưởng');
    expect(await councilDialog.textContent()).toContain('Hội đồng không đề nghị khen thưởng Phạm Thị Dung');
    await screenshot(council, 'roles-2b-council-reject-dialog');
    await councilDialog.getByRole('button', { name: 'Huỷ' }).click();
    await councilDialog.waitFor({ state: 'detached' });
    await act(council, 'RECOMMEND', { 'Số thành viên Hội đồng': '9', 'Số phiếu tán thành': '8', 'Số phiếu không tán thành': '1' });
    await waitForState(council, 'homeAffairsAgreement');

    const department = await signInAs(t, await official(), 'home_affairs');
    await openProposal(t, department, proposal.id);
    expect(await buttons(department)).toEqual([
      'AGREE=Thống nhất, trình Chủ tịch UBND tỉnh',
      'REQUEST_SUPPLEMENT=Đề nghị bổ sung hồ sơ',
      'RETURN=Trả lại đơn vị',
      'REJECT=Không thống nhất',
    ]);
    expect(await noAward(department).count()).toBe(0);
    await panelShot(department, 'roles-3-home-affairs-panel');
    await act(department, 'AGREE');
    await waitForState(department, 'chairmanDecision');

    const chairman = await signInAs(t, await official(), 'chairman');
    await openProposal(t, chairman, proposal.id);
    expect(await buttons(chairman)).toEqual(['APPROVE=Ký quyết định khen thưởng', 'RETURN=Trả lại Sở Nội vụ', 'REJECT=Không khen thưởng']);
    expect(await noAward(chairman).count()).toBe(1);
    await panelShot(chairman, 'roles-4-chairman-panel');
    await chairman.locator('button[data-event="REJECT"]').click();
    const chairmanDialog = chairman.locator('dialog[data-event="REJECT"]');
    await chairmanDialog.waitFor();
    expect(await chairmanDialog.textContent()).toContain('Không khen thưởng Phạm Thị Dung: hồ sơ kết thúc.');
    await screenshot(chairman, 'roles-4b-chairman-reject-dialog');
    await chairmanDialog.getByRole('button', { name: 'Huỷ' }).click();
    await chairmanDialog.waitFor({ state: 'detached' });
    await act(chairman, 'APPROVE', { 'Số quyết định': '2001/QĐ-UBND', 'Ngày ký': daysFromToday(0), 'Người ký': 'Chủ tịch UBND tỉnh' });
    await waitForState(chairman, 'awarded');

    // The history tells it in the offices' words, on the default tab.
    const process = chairman.getByRole('list', { name: 'Quá trình xử lý' });
    await process.locator('li[data-event="APPROVE"]', { hasText: 'Chủ tịch UBND tỉnh ký quyết định khen thưởng' }).waitFor();
    expect(await process.locator('li[data-event="RECOMMEND"]').textContent()).toContain('Hội đồng Thi đua – Khen thưởng biểu quyết đề nghị khen thưởng');
    await screenshot(chairman, 'roles-5-awarded-history');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a rule refusal reads in Vietnamese, each rule with its link, with no code', async () => {
    const unit = await createUnit(t);
    const proposal = await createProposal(t, unit.id, null, { nominee: { type: 'individual', name: 'Lê Văn Cường', underDiscipline: true } });
    await prepareDossierFor(t, proposal, 'SUBMIT');
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    await openProposal(t, clerk, proposal.id);
    await act(clerk, 'SUBMIT');
    const refusal = clerk.locator('.error[data-code="RULE_VIOLATION"]');
    await refusal.waitFor();
    const text = (await refusal.innerText()).trim();
    expect(text).toContain('Chưa thực hiện được vì hồ sơ chưa đáp ứng quy định:');
    expect(text).toMatch(/xem quy định ND-1/);
    expect(text).not.toMatch(/Mã lỗi|Refused by|RULE_VIOLATION|Error code/);
    // Each finding speaks Vietnamese, in the rulebook's words (libs/rules).
    expect(await refusal.getByTestId('finding-ND-1').innerText()).toMatch(/[àáảãạăâđêôơư]/i);
    expect(await refusal.locator('a[href="/rules/ND-1"]').count()).toBe(1);
    await screenshot(clerk, 'roles-6-refusal-in-vietnamese');
    expect((await getProposal(t, proposal.id, { role: 'drafter', unitId: unit.id })).state).toBe('drafting');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('an achievement 15 days old: the page warns it is late, and SUBMIT says it will be recorded late before the clerk confirms', async () => {
    const unit = await createUnit(t);
    // A Giấy khen of the unit meets DX-4 at SUBMIT: the clerk's own button is the late step.
    const proposal = await createProposal(t, unit.id, null, {
      awardForm: 'unit_certificate',
      nominee: { type: 'individual', name: 'Hoàng Văn Em' },
      achievement: { summary: 'Dập tắt đám cháy kho hàng của xã', date: daysFromToday(-15), basis: 'rescue' },
    });
    await prepareDossierFor(t, proposal, 'SUBMIT');
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    await openProposal(t, clerk, proposal.id);
    const late = clerk.getByTestId('finding-late');
    await late.filter({ hasText: /ngày làm việc/ }).waitFor();
    expect(await late.innerText()).toMatch(/Hồ sơ đã quá hạn \d+ ngày làm việc: khi trình thủ trưởng đơn vị, hồ sơ sẽ được ghi nhận là nộp quá hạn theo DX-4/);
    expect(await clerk.getByTestId('findings-none').count()).toBe(0);
    expect(await clerk.getByText('Chưa thấy điều gì trái quy định').count()).toBe(0);

    await clerk.locator('button[data-event="SUBMIT"]').click();
    const dialog = clerk.locator('dialog[data-event="SUBMIT"]');
    await dialog.waitFor();
    const warning = dialog.getByTestId('late-confirm');
    expect(await warning.innerText()).toMatch(/^Hồ sơ sẽ được ghi nhận là nộp quá hạn \d+ ngày làm việc theo DX-4 \(hạn cuối \d{2}\/\d{2}\/\d{4}\)\./);
    await screenshot(clerk, 'roles-7-late-submit-confirmation');
    await dialog.getByTestId('event-send').click();
    await waitForState(clerk, 'unitDecision');
    // The server agrees: it is recorded late under DX-4.
    await clerk.locator('.proposal-late a[data-rule="DX-4"]').waitFor();
    const after = await getProposal(t, proposal.id, { role: 'drafter', unitId: unit.id });
    expect(after).toMatchObject({ late: true, lateRule: 'DX-4' });
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a returned proposal says why, with “Sửa hồ sơ” beside it, on a phone too', async () => {
    const unit = await createUnit(t);
    const proposal = await proposalIn(t, 'unitDecision', unit.id, null, { nominee: { type: 'individual', name: 'Vũ Thị Giang' } });
    const reason = 'Bổ sung xác nhận của UBND xã về số người được cứu';
    expectStatus(await postEvent(t, proposal.id, { role: 'unit_head', unitId: unit.id }, { type: 'RETURN', reason }), 200);
    const clerk = await signInAs(t, await official(PHONE), `drafter:${unit.id}`);
    await openProposal(t, clerk, proposal.id);
    const notice = clerk.getByTestId('returned-notice');
    await notice.locator('p.muted', { hasText: 'Thủ trưởng đơn vị trả lại để hoàn thiện' }).waitFor();
    expect(await notice.innerText()).toContain(`Hồ sơ bị trả lại: ${reason}`);
    expect(await clerk.getByRole('link', { name: 'Sửa hồ sơ' }).getAttribute('href')).toBe(`/proposals/${proposal.id}/edit`);
    expect(await clerk.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(clerk, 'roles-10-returned-proposal-phone');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('the default tab shows no hash or system ID; the audit tab holds them', async () => {
    const unit = await createUnit(t);
    const proposal = await proposalIn(t, 'councilScreening', unit.id, null);
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    await openProposal(t, clerk, proposal.id);
    const article = clerk.locator('article.proposal-page');
    await clerk.getByRole('list', { name: 'Quá trình xử lý' }).locator('li').first().waitFor();
    const plain = await article.innerText();
    expect(plain).not.toMatch(HEX64);
    expect(plain).not.toMatch(UUID);
    expect(plain).not.toContain('Phiên bản dữ liệu');
    expect(await article.locator('code.hash').count()).toBe(0);
    expect(await article.locator('svg.machine-diagram, figure.machine-diagram').count()).toBe(0);
    await screenshot(clerk, 'roles-8-default-tab-no-hashes');

    const auditor = await signInAs(t, await official(), 'auditor');
    await openProposal(t, auditor, proposal.id);
    await auditor.getByTestId('tab-audit').click();
    await auditor.waitForURL(/\?tab=kiem-tra$/);
    const hash = auditor.locator('code.hash').first();
    await hash.waitFor();
    expect(await hash.getAttribute('title')).toMatch(HEX64);
    expect(await auditor.locator('[data-testid="tab-panel-audit"]').innerText()).toContain('Phiên bản dữ liệu');
    await auditor.locator('svg g[data-state="councilScreening"][aria-current="step"]').waitFor();
    expect(await auditor.getByRole('link', { name: 'Phát lại nhật ký (kiểm tra)' }).count()).toBe(1);
    await screenshot(auditor, 'roles-9-audit-tab-hashes');
  }, BROWSER_TEST_TIMEOUT_MS);
});
