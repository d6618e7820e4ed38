import ExcelJS from 'exceljs';
import { bearer, createCampaign, createProposal, expectStatus, http, postEvent, suffix, type Caller, type ProposalBody, type UnitBody } from '../support/api.js';
import { download } from '../support/documents.js';
import { describeEachDatabase, fixtureClock, FIXTURE_TODAY, PAPER_DOSSIERS, useTestApp } from '../support/test-app.js';

/**
 * GET /api/statistics (docs/statistics.md) over proposals made and walked through the API, on the fixture
 * clock (today is 2026-05-26 in Vietnam): what counts as awarded in a period (by decision date), what counts as
 * submitted in it (with where each stands now), each breakdown's exact numbers, who sees which units, and the
 * spreadsheet read back cell by cell.
 */
const MAY = { from: '2026-05-01', to: '2026-05-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const LATE_ACHIEVEMENT = '2026-04-16'; // 40 days before today: DX-4's ten working days are long past
const RECENT_ACHIEVEMENT = '2026-05-25';
const VOTE = { members: 9, for: 7, against: 2 };

const achievement = (date: string) => ({ achievement: { summary: 'Cứu người bị nạn trong lũ quét', date, basis: 'rescue' } });
const individual = (name: string, gender?: 'male' | 'female') => ({ nominee: { type: 'individual', name, ...(gender ? { gender } : {}) } });
const collective = (name: string) => ({ nominee: { type: 'collective', name, ownParticipants: 8, totalParticipants: 10 } });

describeEachDatabase('statistics of a period', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS, clock: fixtureClock() });
  let health: UnitBody;
  let education: UnitBody;
  const head = (unit: UnitBody): Caller => ({ role: 'unit_head', unitId: unit.id });
  const homeAffairs: Caller = { role: 'home_affairs' };

  const unitNamed = async (name: string): Promise<UnitBody> => {
    const response = await http(t).post('/api/units').set('Authorization', bearer(t, { role: 'admin' })).send({ code: `TK-${suffix()}`, name });
    expectStatus(response, 201);
    return response.body as UnitBody;
  };

  /** Sends each event in turn, checking each lands where it should. */
  const walk = async (proposal: ProposalBody, steps: [Caller, Record<string, unknown>, string][]): Promise<ProposalBody> => {
    let current = proposal;
    for (const [caller, body, state] of steps) {
      const response = await postEvent(t, current.id, caller, body);
      expectStatus(response, 200);
      expect(response.body.state).toBe(state);
      current = response.body as ProposalBody;
    }
    return current;
  };
  const submit = (unit: UnitBody): [Caller, Record<string, unknown>, string] => [{ role: 'drafter', unitId: unit.id }, { type: 'SUBMIT' }, 'unitDecision'];
  const forward = (unit: UnitBody): [Caller, Record<string, unknown>, string] => [head(unit), { type: 'FORWARD' }, 'councilScreening'];
  const toChairman: [Caller, Record<string, unknown>, string][] = [
    [{ role: 'council' }, { type: 'RECOMMEND', vote: VOTE }, 'homeAffairsAgreement'],
    [homeAffairs, { type: 'AGREE' }, 'chairmanDecision'],
  ];
  const approve = (date: string): [Caller, Record<string, unknown>, string] => [
    { role: 'chairman' },
    { type: 'APPROVE', decision: { number: `${date.slice(8)}/QĐ-UBND`, date, signedBy: 'Nguyễn Văn Chủ' } },
    'awarded',
  ];

  const statistics = (caller: Caller, query: Record<string, string>) => http(t).get('/api/statistics').query(query).set('Authorization', bearer(t, caller));

  beforeAll(async () => {
    health = await unitNamed('Sở Y tế');
    education = await unitNamed('Sở Giáo dục và Đào tạo');
    const campaign = await createCampaign(t);
    const create = (unit: UnitBody, overrides: Record<string, unknown>, campaignId: string | null = null) =>
      createProposal(t, unit.id, campaignId, overrides);

    // Sở Y tế
    // 1. A man's Bằng khen, forwarded late, approved by a decision dated today: awarded in May, late.
    await walk(await create(health, { ...individual('Trần Văn Một', 'male'), ...achievement(LATE_ACHIEVEMENT) }), [
      submit(health),
      forward(health),
      ...toChairman,
      approve(FIXTURE_TODAY),
    ]);
    // 2. A woman's Giấy khen, submitted in time, awarded by the unit without a decision number: awarded today.
    await walk(await create(health, { ...individual('Lê Thị Hai', 'female'), ...achievement(RECENT_ACHIEVEMENT), awardForm: 'unit_certificate' }), [
      submit(health),
      [head(health), { type: 'AWARD_AT_UNIT' }, 'awardedByUnit'],
    ]);
    // 3. A collective, rejected by the unit head.
    await walk(await create(health, { ...collective('Tổ cứu hộ phường Hòa Bình'), ...achievement(RECENT_ACHIEVEMENT) }), [
      submit(health),
      [head(health), { type: 'REJECT', reason: 'Chưa đủ tiêu chuẩn' }, 'rejected'],
    ]);
    // 4. A thematic proposal of the campaign, a woman, waiting for the unit head.
    await walk(await create(health, individual('Phạm Thị Bốn', 'female'), campaign.id), [submit(health)]);
    // 5. A man's proposal submitted, then withdrawn by the unit head.
    await walk(await create(health, { ...individual('Hoàng Văn Năm', 'male'), ...achievement(RECENT_ACHIEVEMENT) }), [
      submit(health),
      [head(health), { type: 'WITHDRAW', reason: 'Đơn vị rút để bổ sung' }, 'withdrawn'],
    ]);

    // Sở Giáo dục và Đào tạo
    // 6. An individual whose gender the proposal does not state, forwarded in time, with the council.
    await walk(await create(education, { ...individual('Đỗ Sáu'), ...achievement(RECENT_ACHIEVEMENT) }), [submit(education), forward(education)]);
    // 7. A draft withdrawn before it was ever submitted: in no count at all.
    await walk(await create(education, { ...individual('Vũ Thị Bảy', 'female'), ...achievement(RECENT_ACHIEVEMENT) }), [
      [{ role: 'drafter', unitId: education.id }, { type: 'WITHDRAW' }, 'withdrawn'],
    ]);
    // 8. A man's Bằng khen submitted today, approved by a decision dated 30 April: April's award, May's submission.
    await walk(await create(education, { ...individual('Ngô Văn Tám', 'male'), ...achievement(LATE_ACHIEVEMENT) }), [
      submit(education),
      forward(education),
      ...toChairman,
      approve('2026-04-30'),
    ]);
  }, 60_000);

  const table = (body: { breakdowns: { by: string; rows: { key: string; label: string | null; counts: Counts }[] }[] }, by: string) =>
    body.breakdowns.find((breakdown) => breakdown.by === by)!.rows.map((row) => [row.label ?? row.key, ...flat(row.counts)]);
  interface Counts {
    awarded: number;
    submitted: number;
    outcome: { awarded: number; rejected: number; inProgress: number; withdrawn: number };
  }
  /** awarded in the period, submitted in it, and of those: awarded, rejected, in progress, withdrawn. */
  const flat = (c: Counts) => [c.awarded, c.submitted, c.outcome.awarded, c.outcome.rejected, c.outcome.inProgress, c.outcome.withdrawn];

  it('May, every unit: awarded by decision date, submitted with where each stands now, in every breakdown', async () => {
    const response = await statistics(homeAffairs, MAY);
    expectStatus(response, 200);
    const body = response.body;
    expect({ from: body.from, to: body.to, unitId: body.unitId }).toEqual({ ...MAY, unitId: null });
    expect(flat(body.total)).toEqual([2, 7, 3, 1, 2, 1]);
    expect(table(body, 'unit')).toEqual([
      ['Sở Giáo dục và Đào tạo', 0, 2, 1, 0, 1, 0],
      ['Sở Y tế', 2, 5, 2, 1, 1, 1],
    ]);
    expect(table(body, 'awardForm')).toEqual([
      ['unit_certificate', 1, 1, 1, 0, 0, 0],
      ['chairman_certificate', 1, 6, 2, 1, 2, 1],
    ]);
    expect(table(body, 'kind')).toEqual([
      ['thematic', 0, 1, 0, 0, 1, 0],
      ['extraordinary', 2, 6, 3, 1, 1, 1],
    ]);
    expect(table(body, 'nominee')).toEqual([
      ['male', 1, 3, 2, 0, 0, 1],
      ['female', 1, 2, 1, 0, 1, 0],
      ['unknown', 0, 1, 0, 0, 1, 0],
      ['collective', 0, 1, 0, 1, 0, 0],
    ]);
    expect(table(body, 'timeliness')).toEqual([
      ['onTime', 1, 2, 1, 0, 1, 0],
      ['late', 1, 2, 2, 0, 0, 0],
      ['pending', 0, 3, 0, 1, 1, 1],
    ]);
  });

  it('April: the award whose decision is dated 30 April, and nothing submitted', async () => {
    const response = await statistics(homeAffairs, { ...APRIL, groupBy: 'unit,nominee' });
    expectStatus(response, 200);
    expect(flat(response.body.total)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(response.body.breakdowns.map((b: { by: string }) => b.by)).toEqual(['unit', 'nominee']);
    expect(table(response.body, 'unit')).toEqual([['Sở Giáo dục và Đào tạo', 1, 0, 0, 0, 0, 0]]);
  });

  it("a unit head sees only their own unit's numbers; a provincial role may pick one unit", async () => {
    const own = await statistics(head(education), MAY);
    expectStatus(own, 200);
    expect(own.body.unitId).toBe(education.id);
    expect(flat(own.body.total)).toEqual([0, 2, 1, 0, 1, 0]);
    expect(table(own.body, 'unit')).toEqual([['Sở Giáo dục và Đào tạo', 0, 2, 1, 0, 1, 0]]);

    const drafter = await statistics({ role: 'drafter', unitId: health.id }, { ...MAY, groupBy: 'unit' });
    expectStatus(drafter, 200);
    expect(flat(drafter.body.total)).toEqual([2, 5, 2, 1, 1, 1]);

    const picked = await statistics({ role: 'auditor' }, { ...MAY, unitId: health.id, groupBy: 'kind' });
    expectStatus(picked, 200);
    expect(flat(picked.body.total)).toEqual([2, 5, 2, 1, 1, 1]);

    const refused = await statistics(head(education), { ...MAY, unitId: health.id });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('a period with nothing in it answers zeros, every fixed row still listed', async () => {
    const response = await statistics(homeAffairs, { from: '2025-01-01', to: '2025-12-31' });
    expectStatus(response, 200);
    expect(flat(response.body.total)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(table(response.body, 'unit')).toEqual([]);
    expect(table(response.body, 'nominee').map((row) => row[0])).toEqual(['male', 'female', 'unknown', 'collective']);
  });

  it('format=xlsx: the report as a spreadsheet, a sheet per breakdown, with title, period and numbers', async () => {
    const response = await download(t, `/api/statistics?from=${MAY.from}&to=${MAY.to}&format=xlsx`, homeAffairs);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="thong-ke-khen-thuong-2026-05-01-2026-05-31\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Theo đơn vị', 'Theo hình thức', 'Theo loại khen thưởng', 'Theo đối tượng', 'Theo thời hạn']);

    const units = workbook.getWorksheet('Theo đơn vị')!;
    const cell = (sheet: ExcelJS.Worksheet, ref: string) => sheet.getCell(ref).value;
    expect(cell(units, 'A1')).toBe('BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG');
    expect(cell(units, 'A2')).toBe('Từ ngày 01/05/2026 đến ngày 31/05/2026 — Toàn tỉnh');
    expect(String(cell(units, 'A3'))).toMatch(/^Lập lúc 26\/05\/2026 \d\d:\d\d$/);
    const row = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(units, 5)).toEqual([
      'STT',
      'Đơn vị',
      'Khen thưởng trong kỳ',
      'Hồ sơ trình trong kỳ',
      'Trong đó: đã khen thưởng',
      'Trong đó: không khen thưởng',
      'Trong đó: đang xử lý',
      'Trong đó: đã rút',
    ]);
    expect(row(units, 6)).toEqual([1, 'Sở Giáo dục và Đào tạo', 0, 2, 1, 0, 1, 0]);
    expect(row(units, 7)).toEqual([2, 'Sở Y tế', 2, 5, 2, 1, 1, 1]);
    expect(row(units, 8).slice(1)).toEqual(['Tổng cộng', 2, 7, 3, 1, 2, 1]);

    const nominees = workbook.getWorksheet('Theo đối tượng')!;
    expect([6, 7, 8, 9].map((n) => row(nominees, n).slice(1, 4))).toEqual([
      ['Cá nhân nam', 1, 3],
      ['Cá nhân nữ', 1, 2],
      ['Cá nhân chưa rõ giới tính', 0, 1],
      ['Tập thể', 0, 1],
    ]);
    const timeliness = workbook.getWorksheet('Theo thời hạn')!;
    expect(row(timeliness, 7).slice(1, 4)).toEqual(['Quá hạn', 1, 2]);
  });

  it("a unit head's spreadsheet names the unit instead of the province", async () => {
    const response = await download(t, `/api/statistics?from=${MAY.from}&to=${MAY.to}&format=xlsx&groupBy=kind`, head(health));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const sheet = workbook.worksheets[0];
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.getCell('A2').value).toBe('Từ ngày 01/05/2026 đến ngày 31/05/2026 — Đơn vị: Sở Y tế');
    expect((sheet.getRow(8).values as unknown[]).slice(2)).toEqual(['Tổng cộng', 2, 5, 2, 1, 1, 1]);
  });
});
