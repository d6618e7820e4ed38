import { minimalPdf } from '../../libs/documents/src/test-support/zip-fixtures.js';
import { pdfText } from '../../libs/forms/src/test-support/read-document-text.js';
import { createProposal, createUnit, getHistory, proposalIn } from '../support/api.js';
import { prepareDossierFor } from '../support/documents.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import {
  act,
  attachInConsole,
  openProposal,
  PHONE,
  proposalState,
  signInAs,
  signInWithToken,
  waitForState,
} from '../support/console-browser.js';
import { useTestApp } from '../support/test-app.js';

/** Four days before today in Vietnam: inside DX-4's ten days, so the walk is on time. */
const recentDay = () => new Date(Date.now() + 7 * 3_600_000 - 4 * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('the console, clicked through in Chromium', () => {
  const t = useTestApp('sqlite');
  const { official } = useBrowser();

  it('a clerk drafts, the unit head forwards, the council votes, the department agrees and the chairman approves', async () => {
    const unit = await createUnit(t);

    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`, '00-sign-in');
    await screenshot(clerk, '01-inbox-clerk-empty');
    await clerk.goto(clerk.url().replace(/\/$/, '') + '/proposals/new');
    await clerk.getByTestId('proposal-save').waitFor();
    await clerk.getByLabel('Loại khen thưởng', { exact: true }).selectOption('extraordinary');
    await clerk.getByLabel('Hình thức khen thưởng', { exact: true }).selectOption('chairman_certificate');
    await clerk.getByLabel('Họ tên cá nhân hoặc tên tập thể', { exact: true }).fill('Trần Thị Bình');
    await clerk.getByLabel('Tóm tắt thành tích', { exact: true }).fill('Cứu hai em nhỏ đuối nước trên sông Lam');
    await clerk.getByLabel('Ngày lập thành tích', { exact: true }).fill(recentDay());
    // No basis yet: the rulebook the server runs says so while the clerk types, with the rule's link.
    await clerk.getByTestId('finding-DX-1').waitFor();
    expect(await clerk.getByTestId('finding-DX-1').locator('a[href="/rules/DX-1"]').count()).toBe(1);
    await clerk.getByTestId('proposal-deadline').locator('[data-due]').waitFor();
    await screenshot(clerk, '02-new-proposal-with-warning');
    await clerk.getByLabel('Căn cứ khen thưởng đột xuất', { exact: true }).selectOption('rescue');
    await clerk.getByTestId('finding-DX-1').waitFor({ state: 'detached' });
    await clerk.getByTestId('proposal-save').click();
    await clerk.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const id = new URL(clerk.url()).pathname.split('/').pop()!;
    await waitForState(clerk, 'drafting');
    // Before the button is pressed, the page says what the step still needs (HS-1) …
    await clerk.getByTestId('dossier-missing').getByText('Báo cáo thành tích', { exact: false }).first().waitFor();
    await screenshot(clerk, '03-proposal-drafting');
    // … and the clerk attaches it.
    await attachInConsole(clerk, 'bao_cao_thanh_tich', 'Báo cáo thành tích – Trần Thị Bình.pdf', minimalPdf('Bao cao'), '03a-dossier-report-attached');
    await clerk.getByTestId('dossier-missing').waitFor({ state: 'detached' });
    await act(clerk, 'SUBMIT');
    await waitForState(clerk, 'unitDecision');

    const head = await signInAs(t, await official(), `unit_head:${unit.id}`);
    // It waits on the head, so it is in the head's inbox; the head opens it from there.
    await head.locator(`tr[data-proposal-id="${id}"]`).waitFor();
    await screenshot(head, '04-inbox-unit-head');
    await head.locator(`tr[data-proposal-id="${id}"] a[href="/proposals/${id}"]`).first().click();
    await waitForState(head, 'unitDecision');
    await attachInConsole(head, 'to_trinh', 'Tờ trình đề nghị khen thưởng.pdf', minimalPdf('To trinh'));
    await act(head, 'FORWARD');
    await waitForState(head, 'councilScreening');

    const council = await signInAs(t, await official(), 'council');
    await openProposal(t, council, id);
    await attachInConsole(council, 'bien_ban_hoi_dong', 'Biên bản họp Hội đồng TĐKT.pdf', minimalPdf('Bien ban'));
    await act(council, 'RECOMMEND', { 'Số thành viên Hội đồng': '9', 'Số phiếu tán thành': '8', 'Số phiếu không tán thành': '1' }, '05-council-vote-dialog');
    await waitForState(council, 'homeAffairsAgreement');

    const department = await signInAs(t, await official(), 'home_affairs');
    await openProposal(t, department, id);
    await act(department, 'AGREE');
    await waitForState(department, 'chairmanDecision');

    const chairman = await signInAs(t, await official(), 'chairman');
    await openProposal(t, chairman, id);
    await act(
      chairman,
      'APPROVE',
      { 'Số quyết định': '1520/QĐ-UBND', 'Ngày ký': recentDay(), 'Người ký': 'Chủ tịch UBND tỉnh' },
      '06-chairman-decision-dialog',
    );
    await waitForState(chairman, 'awarded');
    // The history lists all nine events; the audit tab's diagram lights the stage the proposal is in.
    await chairman.locator('li.history-event').nth(8).waitFor();
    expect(await chairman.locator('li.history-event').count()).toBe(9);
    expect(await chairman.locator('button[data-event]').count()).toBe(0);
    await screenshot(chairman, '07-proposal-awarded');
    await chairman.getByTestId('tab-audit').click();
    await chairman.locator('svg g[data-state="awarded"][aria-current="step"]').waitFor();
    await chairman.getByTestId('tab-dossier').click();

    // The department prints the decision from the page, and files the signed copy back into the dossier.
    await department.reload();
    await waitForState(department, 'awarded');
    const forms = department.getByTestId('proposal-forms');
    const [printed] = await Promise.all([department.waitForEvent('download'), forms.getByRole('button', { name: 'Quyết định khen thưởng — PDF' }).click()]);
    expect(printed.suggestedFilename()).toMatch(/^quyet-dinh-1520-QD-UBND.*\.pdf$/);
    const decisionText = (await pdfText(await readDownload(await printed.createReadStream()))).replace(/\s+/g, '');
    expect(decisionText).toContain('1520/QĐ-UBND');
    expect(decisionText).toContain('TrầnThịBình');
    await attachInConsole(department, 'quyet_dinh', 'Quyết định 1520-QĐ-UBND (bản ký).pdf', minimalPdf('Quyet dinh da ky'), '07a-signed-decision-filed');

    const history = await getHistory(t, id);
    expect(history.map((event) => event.type)).toEqual([
      'CREATED',
      'DOCUMENT_ATTACHED',
      'SUBMIT',
      'DOCUMENT_ATTACHED',
      'FORWARD',
      'DOCUMENT_ATTACHED',
      'RECOMMEND',
      'AGREE',
      'APPROVE',
      'DOCUMENT_ATTACHED',
    ]);
    expect(history.filter((event) => event.type === 'DOCUMENT_ATTACHED').map((event) => event.payload.kind)).toEqual([
      'bao_cao_thanh_tich',
      'to_trinh',
      'bien_ban_hoi_dong',
      'quyet_dinh',
    ]);
    expect(history[1]!.payload).toMatchObject({ fileName: 'Báo cáo thành tích – Trần Thị Bình.pdf', mediaType: 'application/pdf' });
    expect(history[6]!.payload).toMatchObject({ vote: { members: 9, for: 8, against: 1 } });
    expect(history[8]!.payload).toMatchObject({ decision: { number: '1520/QĐ-UBND', signedBy: 'Chủ tịch UBND tỉnh' } });
    expect(history[2]!.actor).toMatchObject({ roles: ['drafter'], unitId: unit.id });
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a refused action shows the rule that refused it, and nothing moves', async () => {
    const unit = await createUnit(t);
    const proposal = await createProposal(t, unit.id, null, {
      nominee: { type: 'individual', name: 'Lê Văn Cường', underDiscipline: true },
    });
    const clerk = await signInAs(t, await official(), `drafter:${unit.id}`);
    await openProposal(t, clerk, proposal.id);
    // The warning was there from the start, on the proposal itself …
    await clerk.locator('a[data-rule="ND-1"]').first().waitFor();
    await act(clerk, 'SUBMIT');
    // … and the refusal names it, in the server's words, linking to the rule's text.
    const refusal = clerk.locator('.error[data-code="RULE_VIOLATION"]');
    await refusal.waitFor();
    expect(await refusal.locator('a[href="/rules/ND-1"]').count()).toBe(1);
    await screenshot(clerk, '08-refused-with-rule');
    expect(await proposalState(clerk)).toBe('drafting');

    await refusal.locator('a[href="/rules/ND-1"]').click();
    await clerk.waitForURL(/\/rules\/ND-1$/);
    await clerk.locator('h1', { hasText: 'ND-1' }).waitFor();
    await screenshot(clerk, '09-rule-text');
  }, BROWSER_TEST_TIMEOUT_MS);

  it('two council members acting on one proposal at once: the second is told someone acted first', async () => {
    const unit = await createUnit(t);
    const proposal = await proposalIn(t, 'councilScreening', unit.id, null);
    await prepareDossierFor(t, proposal, 'RECOMMEND');
    const first = await signInAs(t, await official(), 'council');
    const second = await signInWithToken(t, await official(), t.token('council', null, { sub: 'council-2', name: 'Ủy viên Hội đồng thứ hai' }));
    await openProposal(t, first, proposal.id);
    await openProposal(t, second, proposal.id);

    await act(first, 'RECOMMEND', { 'Số thành viên Hội đồng': '9', 'Số phiếu tán thành': '7', 'Số phiếu không tán thành': '2' });
    await waitForState(first, 'homeAffairsAgreement');
    // The second still shows councilScreening (version 3) and returns it with a reason: If-Match no longer matches.
    await act(second, 'RETURN', { 'Lý do': 'Thiếu biên bản họp xét' });
    await second.getByTestId('conflict-message').waitFor();
    await waitForState(second, 'homeAffairsAgreement');
    expect(await second.locator('button[data-event]').count()).toBe(0);
    await screenshot(second, '10-someone-acted-first');

    const history = await getHistory(t, proposal.id);
    expect(history.map((event) => event.type).filter((type) => type !== 'DOCUMENT_ATTACHED')).toEqual(['CREATED', 'SUBMIT', 'FORWARD', 'RECOMMEND']);
  }, BROWSER_TEST_TIMEOUT_MS);

  it('the console reads in English at the switch, and shows a phone a layout it can use', async () => {
    const unit = await createUnit(t);
    await proposalIn(t, 'unitDecision', unit.id, null);
    const head = await signInAs(t, await official(PHONE), `unit_head:${unit.id}`);
    expect(await head.locator('h1').textContent()).toBe('Hồ sơ chờ xử lý');
    await screenshot(head, '11-inbox-phone-vi');
    // On a phone the language switch is in the header's menu (issue 15).
    await head.getByTestId('menu-toggle').click();
    await head.getByRole('button', { name: 'English', exact: true }).click();
    await head.locator('h1', { hasText: 'Waiting on me' }).waitFor();
    // Nothing sticks out sideways on a phone.
    expect(await head.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(head, '12-inbox-phone-en');
  }, BROWSER_TEST_TIMEOUT_MS);
});

async function readDownload(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
