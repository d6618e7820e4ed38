import { createProposal, daysFromToday, getProposal, proposalIn, seed, suffix, walkTo } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { act, baseUrl, openProposal, signInAs, waitForState } from '../support/console-browser.js';
import { PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

/**
 * People and their awards in the console (docs/architecture.md, "People and their awards"; docs/rules.md ND-1,
 * ND-3): a unit head finds a person by a name typed without tone marks, reads the award history, records a
 * matter of Decree 152/2025 Art. 4 citing its document; the chairman's APPROVE of the person's next proposal is
 * then refused in the words of the law, and that proposal carries the ND-3 warning of a second award in the
 * same campaign.
 */
describeInBrowser('people, their awards and Decree 152 Art. 4 in the console', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();

  it(
    'award history, an Art. 4 matter recorded by the unit head, APPROVE refused by ND-1, and the ND-3 warning',
    async () => {
      const { unit, campaign } = await seed(t);
      const tag = suffix();
      const name = `Nguyễn Thị Đào ${tag}`;
      const nominee = { type: 'individual', name, birthYear: 1986, gender: 'female', title: 'Phó Trưởng phòng', workplace: 'Phòng Văn hóa - Xã hội' };
      // Awarded once by the chairman, through the API: the history the page reads.
      const first = await proposalIn(t, 'awarded', unit.id, campaign.id, { nominee, achievement: { summary: 'Dẫn đầu phong trào chuyển đổi số', date: '2026-04-22' } });
      const personId = (first.nominee as { personId: string }).personId;
      // Proposed again in the same campaign: ND-3 warns, it goes on to the chairman.
      const second = await createProposal(t, unit.id, campaign.id, {
        awardForm: 'chairman_certificate',
        nominee: { ...nominee, personId },
        achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ quý II', date: '2026-04-20' },
      });
      await walkTo(t, second, 'chairmanDecision');
      expect((await getProposal(t, second.id, { role: 'chairman' })).warnings.map((w) => w.rule)).toContain('ND-3');

      // The unit head finds the person by a name typed without tone marks.
      const head = await signInAs(t, await official(), `unit_head:${unit.id}`);
      await head.getByRole('link', { name: 'Cá nhân, tập thể', exact: true }).click();
      await head.getByRole('heading', { level: 1, name: 'Cá nhân, tập thể' }).waitFor();
      await head.getByLabel('Tìm theo tên', { exact: true }).fill(`nguyen thi dao ${tag}`);
      await head.getByTestId('people-table').getByRole('link', { name }).waitFor();
      await screenshot(head, 'people-01-search-without-tone-marks');
      await head.getByTestId('people-table').getByRole('link', { name }).click();
      await head.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
      const awards = head.getByTestId('person-awards-table');
      await awards.waitFor();
      expect(await awards.textContent()).toContain('Số 1234/QĐ-UBND');
      expect(await awards.textContent()).toContain('Chủ tịch UBND tỉnh đã khen thưởng');
      expect(await head.getByTestId('person-proposals-table').textContent()).toContain('Hoàn thành xuất sắc nhiệm vụ quý II');
      await screenshot(head, 'people-02-person-award-history');

      // "Ghi nhận vụ việc": being considered for discipline, on an official letter.
      await head.getByTestId('record-matter').click();
      const form = head.getByTestId('record-matter-form');
      await form.getByLabel('Vụ việc', { exact: true }).selectOption({ label: 'Đang bị xem xét kỷ luật' });
      await form.getByLabel('Từ ngày', { exact: true }).fill(daysFromToday(-2));
      await form.getByLabel('Loại văn bản', { exact: true }).fill('Công văn');
      await form.getByLabel('Số, ký hiệu văn bản', { exact: true }).fill('215/CV-UBND');
      await form.getByLabel('Ngày văn bản', { exact: true }).fill(daysFromToday(-2));
      await form.getByLabel('Cơ quan ban hành', { exact: true }).fill('UBND xã Hòa Bình');
      await screenshot(head, 'people-03-record-matter-form');
      await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await head.getByRole('status').getByText('Đã ghi nhận vụ việc.').waitFor();
      const matter = head.getByTestId('matter');
      expect(await matter.getAttribute('data-open')).toBe('true');
      expect(await matter.textContent()).toContain('Công văn số 215/CV-UBND ngày');
      await head.getByTestId('open-matter-badge').waitFor();
      await screenshot(head, 'people-04-matter-recorded');

      // The chairman's APPROVE is refused, naming the matter and its document.
      const chairman = await signInAs(t, await official(), 'chairman');
      await openProposal(t, chairman, second.id);
      await chairman.getByTestId('finding-ND-3').first().waitFor();
      expect(await chairman.getByTestId('finding-ND-3').first().textContent()).toContain('không tặng thưởng nhiều hình thức cho một thành tích');
      await screenshot(chairman, 'people-05-duplicate-warning-nd3');
      // Before pressing APPROVE the chairman already reads, above the buttons, why it would be refused (ND-1 today).
      const blocker = chairman.getByTestId('blocker');
      await blocker.waitFor();
      expect(await blocker.getAttribute('data-rule')).toBe('ND-1');
      expect(await blocker.textContent()).toContain(`Chưa thể khen thưởng: "${name}" đang bị xem xét kỷ luật theo Công văn số 215/CV-UBND ngày`);
      expect(await blocker.locator('a[href="/rules/ND-1"]').count()).toBe(1);
      const blockerBox = await blocker.boundingBox();
      const actionsBox = await chairman.locator('.action-panel').first().boundingBox();
      expect(blockerBox!.y).toBeLessThan(actionsBox!.y);
      await screenshot(chairman, 'people-05b-blocker-shown-before-approve');
      await act(chairman, 'APPROVE', { 'Số quyết định': '1600/QĐ-UBND', 'Ngày ký': daysFromToday(0), 'Người ký': 'Chủ tịch UBND tỉnh' });
      // A rule's refusal closes the dialog and stays on the page, in the action panel.
      const refusal = chairman.locator('.action-panel [data-code="RULE_VIOLATION"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`"${name}" đang bị xem xét kỷ luật theo Công văn số 215/CV-UBND ngày`);
      expect(await refusal.locator('a[href="/rules/ND-1"]').count()).toBe(1);
      await screenshot(chairman, 'people-06-approve-refused-nd1');
      await chairman.goto(`${baseUrl(t)}/proposals/${second.id}`);
      await waitForState(chairman, 'chairmanDecision');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
