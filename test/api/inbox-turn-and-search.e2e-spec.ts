import { bearer, createProposal, createUnit, expectStatus, http, listAll, walkTo, type ProposalBody } from '../support/api.js';
import { describeEachDatabase, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * The inbox's two parts and its search (docs/operations.md, "The inbox's two parts"): GET /api/proposals?actionable=true is
 * what the caller has to act on now, nearest deadline first; actionable=false is the rest of the same list;
 * `q` finds a nominee by a part of the name typed with or without diacritics.
 */
describeEachDatabase('the inbox: my turn first, the rest after, and a search by name', (database) => {
  const t = useTestApp(database, { env: { REQUIRED_DOCUMENTS: 'false' } });
  let unitId: string;
  const proposals: Record<string, ProposalBody> = {};
  const head = () => ({ role: 'unit_head' as const, unitId, sub: 'head' });
  const clerk = () => ({ role: 'drafter' as const, unitId, sub: 'clerk' });

  const page = async (app: TestApp, caller: Parameters<typeof bearer>[1], query: Record<string, string>) => {
    const response = await http(app).get('/api/proposals').query(query).set('Authorization', bearer(app, caller));
    expectStatus(response, 200);
    return response.body as { items: ProposalBody[]; nextCursor: string | null };
  };
  const names = (items: ProposalBody[]) => items.map((item) => (item.nominee as { name: string }).name);

  beforeAll(async () => {
    unitId = (await createUnit(t)).id;
    const draft = (name: string, achievementDate: string) =>
      createProposal(t, unitId, null, { nominee: { type: 'individual', name }, achievement: { summary: 'Cứu người bị nạn trong lũ', date: achievementDate, basis: 'rescue' } });
    // A draft the clerk is still writing, and three waiting on the head with different deadlines (DX-4 counts
    // from the achievement's date): the one achieved earliest is due first.
    proposals.draft = await draft('Lê Thị Đào', '2026-05-20');
    proposals.later = await walkTo(t, await draft('Phạm Văn Cường', '2026-05-18'), 'unitDecision');
    proposals.sooner = await walkTo(t, await draft('Nguyễn Văn An', '2026-05-04'), 'unitDecision');
    proposals.middle = await walkTo(t, await draft('Đỗ Minh Đức', '2026-05-10'), 'unitDecision');
  }, 60_000);

  it("lists the head's turn nearest deadline first, and leaves the clerk's draft to the rest", async () => {
    const dues = [proposals.sooner, proposals.middle, proposals.later].map((p) => (p.deadline as { dueAt?: string } | null)?.dueAt ?? null);
    expect(dues.every((due) => typeof due === 'string')).toBe(true);
    expect([...dues].sort()).toEqual(dues);

    const turn = await listAll(t, head(), { inbox: 'true', actionable: 'true' });
    expect(names(turn)).toEqual(['Nguyễn Văn An', 'Đỗ Minh Đức', 'Phạm Văn Cường']);
    expect(turn.every((item) => item.allowedEvents.includes('FORWARD'))).toBe(true);
    const rest = await listAll(t, head(), { inbox: 'true', actionable: 'false' });
    expect(names(rest)).toEqual(['Lê Thị Đào']);
    // The two parts are the inbox, no more and no less.
    const inbox = await listAll(t, head(), { inbox: 'true' });
    expect(names(inbox).sort()).toEqual([...names(turn), ...names(rest)].sort());
  });

  it("pages the turn by its own cursor, one proposal at a time, in the same order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 5; n++) {
      const one: { items: ProposalBody[]; nextCursor: string | null } = await page(t, head(), {
        inbox: 'true',
        actionable: 'true',
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...names(one.items));
      cursor = one.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(['Nguyễn Văn An', 'Đỗ Minh Đức', 'Phạm Văn Cường']);
    // A cursor of the other order is refused, not misread.
    const created = await page(t, head(), { inbox: 'true', limit: '1' });
    const refused = await http(t).get('/api/proposals').query({ actionable: 'true', cursor: created.nextCursor! }).set('Authorization', bearer(t, head()));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it("a clerk's turn is the draft; the proposals at the head are the clerk's to watch", async () => {
    expect(names(await listAll(t, clerk(), { inbox: 'true', actionable: 'true' }))).toEqual(['Lê Thị Đào']);
    const turnOfCouncil = await listAll(t, { role: 'council' }, { inbox: 'true', actionable: 'true', unitId });
    expect(turnOfCouncil).toEqual([]);
  });

  it('finds a nominee by a part of the name, with or without diacritics, đ as d, in any case', async () => {
    for (const q of ['nguyen van an', 'NGUYỄN VĂN', 'Văn An', '  nguyen   van an ']) {
      expect(names(await listAll(t, head(), { q }))).toEqual(['Nguyễn Văn An']);
    }
    expect(names(await listAll(t, head(), { q: 'duc' }))).toEqual(['Đỗ Minh Đức']);
    expect(names(await listAll(t, head(), { q: 'dao' }))).toEqual(['Lê Thị Đào']);
    // With the parts of the inbox, and with LIKE's own wildcards taken as letters.
    expect(names(await listAll(t, head(), { q: 'van', inbox: 'true', actionable: 'true' }))).toEqual(['Nguyễn Văn An', 'Phạm Văn Cường']);
    expect(await listAll(t, head(), { q: '%' })).toEqual([]);
    expect(await listAll(t, head(), { q: 'an_' })).toEqual([]);
  });

  it('keeps the search key current when a draft is renamed', async () => {
    const renamed = await http(t)
      .post(`/api/proposals/${proposals.draft.id}/events`)
      .set('Authorization', bearer(t, clerk()))
      .set('If-Match', `"${proposals.draft.version}"`)
      .send({ type: 'UPDATE', changes: { nominee: { type: 'individual', name: 'Hoàng Thị Hoa' } } });
    expectStatus(renamed, 200);
    expect(names(await listAll(t, head(), { q: 'hoang thi hoa' }))).toEqual(['Hoàng Thị Hoa']);
    expect(await listAll(t, head(), { q: 'dao' })).toEqual([]);
  });
});
