import { bearer, createProposal, expectStatus, http, suffix } from '../support/api.js';
import { BROWSER_TEST_TIMEOUT_MS, describeInBrowser, screenshot, useBrowser } from '../support/browser.js';
import { signInAs } from '../support/console-browser.js';
import { PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

/**
 * The units page (docs/units.md), clicked through: the administrator registers a cluster and a commune,
 * records that a former district was merged into the commune from 01/07/2025, and reads the history; the
 * district's proposal, drafted before the merge was recorded, still names the district, and what it is now.
 */
describeInBrowser('units, clusters and a merge in the console', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  const { official } = useBrowser();

  it('the admin adds a cluster and a commune, merges a former district into it from 01/07/2025, and its old proposal reads "nay là …"', async () => {
    const tag = suffix();
    const districtName = `Huyện Nghi Lộc ${tag}`;
    const communeName = `Xã Nghi Lộc ${tag}`;
    const created = await http(t).post('/api/units').set('Authorization', bearer(t, { role: 'admin' })).send({ code: `HUYEN-${tag}`, name: districtName });
    expectStatus(created, 201);
    const district = created.body as { id: string };
    // Drafted by the district while it existed, before the merge is recorded.
    const old = await createProposal(t, district.id, null, { nominee: { type: 'individual', name: 'Phan Thị Hoài' } });

    const admin = await signInAs(t, await official(), 'admin');
    await admin.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Đơn vị' }).waitFor();
    await admin.getByTestId(`unit-HUYEN-${tag}`).waitFor();
    await screenshot(admin, 'units-01-list');

    // A cluster, then a commune in it.
    await admin.getByTestId('new-cluster').locator('summary').click();
    const clusterForm = admin.getByRole('form', { name: 'Thêm cụm, khối thi đua' });
    await clusterForm.getByLabel('Tên cụm, khối', { exact: true }).fill(`Cụm thi đua các xã ven biển ${tag}`);
    await clusterForm.getByLabel('Là', { exact: true }).selectOption({ label: 'Cụm thi đua' });
    await clusterForm.getByRole('button', { name: 'Thêm cụm, khối' }).click();
    await admin.getByRole('status').getByText(`Đã thêm Cụm thi đua các xã ven biển ${tag}.`).waitFor();

    await admin.getByTestId('new-unit').locator('summary').click();
    const unitForm = admin.getByRole('form', { name: 'Thêm đơn vị' });
    await screenshot(admin, 'units-02-new-unit-form');
    await unitForm.getByLabel('Tên đơn vị', { exact: true }).fill(communeName);
    await unitForm.getByLabel('Mã đơn vị', { exact: true }).fill(`XA-${tag}`);
    await unitForm.getByLabel('Cụm, khối thi đua', { exact: true }).selectOption({ label: `Cụm thi đua: Cụm thi đua các xã ven biển ${tag}` });
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const commune = admin.getByTestId(`unit-XA-${tag}`);
    await commune.waitFor();
    expect(await commune.textContent()).toContain('Xã');
    const clusterGroup = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: new RegExp(`Cụm thi đua: Cụm thi đua các xã ven biển ${tag}`) }) });
    expect(await clusterGroup.getByTestId(`unit-XA-${tag}`).count()).toBe(1);
    await screenshot(admin, 'units-03-cluster-and-commune');

    // The merge, effective 01/07/2025, citing the resolution.
    const card = admin.getByTestId(`unit-HUYEN-${tag}`);
    await card.getByRole('button', { name: `Ghi nhận thay đổi của ${districtName}` }).click();
    const change = card.getByRole('form', { name: `Ghi nhận thay đổi của ${districtName}` });
    await change.getByLabel('Thay đổi', { exact: true }).selectOption({ label: 'Sáp nhập vào đơn vị khác' });
    await change.getByLabel('Sáp nhập vào đơn vị', { exact: true }).selectOption({ label: communeName });
    await change.getByLabel('Có hiệu lực từ ngày', { exact: true }).fill('2025-07-01');
    await change.getByLabel('Số, ký hiệu văn bản', { exact: true }).fill('1678/NQ-UBTVQH15');
    await change.getByLabel('Ngày ban hành', { exact: true }).fill('2025-06-16');
    await screenshot(admin, 'units-04-merge-form');
    await change.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await admin.getByRole('status').getByText(`Đã ghi nhận thay đổi của ${districtName}.`).waitFor();

    // The district is now among the former units, with its history in plain words.
    const former = admin.getByTestId('units-group-former');
    const merged = former.getByTestId(`unit-HUYEN-${tag}`);
    await merged.waitFor();
    expect(await merged.getByRole('listitem').first().textContent()).toBe(
      `Từ 01/07/2025: sáp nhập vào ${communeName} theo Nghị quyết số 1678/NQ-UBTVQH15 ngày 16/06/2025`,
    );
    expect(await merged.textContent()).toContain(`Đã sáp nhập vào ${communeName} từ 01/07/2025`);
    expect(await merged.getByRole('button').count()).toBe(0);

    // The commune names the district as its old proposals do: its name then, and what it is now.
    const predecessors = admin.getByTestId(`unit-XA-${tag}-predecessors`);
    await predecessors.getByText(`${districtName} (nay là ${communeName}, sáp nhập từ 01/07/2025)`).waitFor();
    await screenshot(admin, 'units-05-history');

    // The API refuses a new proposal of the district, in words an official reads.
    const refused = await http(t)
      .post('/api/proposals')
      .set('Authorization', bearer(t, { role: 'drafter', unitId: district.id }))
      .send({ kind: 'extraordinary', unitId: district.id, awardForm: 'chairman_certificate', nominee: { type: 'individual', name: 'X' }, achievement: { summary: 'Cứu người', date: '2026-04-22', basis: 'rescue' } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'UNIT_DISSOLVED' });

    // Its old proposal is still there: the link lists it.
    await predecessors.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await admin.waitForURL((url) => url.searchParams.get('unitId') === district.id);
    await admin.locator(`tr[data-proposal-id="${old.id}"]`).waitFor();
    await screenshot(admin, 'units-06-old-proposal-listed');
  }, BROWSER_TEST_TIMEOUT_MS);
});
