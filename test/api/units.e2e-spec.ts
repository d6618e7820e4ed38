import { bearer, createProposal, expectStatus, http, proposalDraft, suffix } from '../support/api.js';
import { describeEachDatabase, useTestApp, type TestApp } from '../support/test-app.js';

/**
 * Units as they are since 1 July 2025 (docs/units.md): types, emulation clusters and blocs, and a history of
 * changes, each effective from a day and citing its document, so that a former district's old proposal still
 * reads right and nothing new is drafted for it.
 */

const ADMIN = { role: 'admin' as const };
const RESOLUTION = { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-06-16', kind: 'Nghị quyết' };

const post = (t: TestApp, path: string, body: object, caller: Parameters<typeof bearer>[1] = ADMIN) =>
  http(t).post(path).set('Authorization', bearer(t, caller)).send(body);
const get = (t: TestApp, path: string, caller: Parameters<typeof bearer>[1] = { role: 'drafter' }) =>
  http(t).get(path).set('Authorization', bearer(t, caller));

async function unit(t: TestApp, name: string, extra: object = {}) {
  const response = await post(t, '/api/units', { code: `U-${suffix()}`, name, ...extra });
  expectStatus(response, 201);
  return response.body as { id: string; name: string; type: string; clusterId: string | null };
}

describeEachDatabase('units, clusters and their history', (database) => {
  const t = useTestApp(database, { env: { REQUIRED_DOCUMENTS: 'false' } });

  it('clusters: the admin registers a cluster and a bloc, anyone reads them, a name is unique, others may not write', async () => {
    const name = `Cụm thi đua các xã miền núi ${suffix()}`;
    const cluster = await post(t, '/api/clusters', { name, kind: 'cum' });
    expectStatus(cluster, 201);
    expect(cluster.body).toMatchObject({ id: expect.any(String), name, kind: 'cum' });
    expectStatus(await post(t, '/api/clusters', { name: `Khối các sở ${suffix()}`, kind: 'khoi' }), 201);

    const list = await get(t, '/api/clusters', { role: 'drafter', unitId: null });
    expectStatus(list, 200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: cluster.body.id, name })]));

    const again = await post(t, '/api/clusters', { name, kind: 'khoi' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DUPLICATE' });
    const drafter = await post(t, '/api/clusters', { name: 'Cụm khác', kind: 'cum' }, { role: 'drafter' });
    expect(drafter.status).toBe(403);
  });

  it('a unit: its type is given or read from its name, it sits in a cluster, and an unknown cluster is 404', async () => {
    const cluster = (await post(t, '/api/clusters', { name: `Cụm ${suffix()}`, kind: 'cum' })).body as { id: string };
    const xa = await unit(t, 'Xã Nghi Lộc', { clusterId: cluster.id });
    expect(xa).toMatchObject({ type: 'xa', clusterId: cluster.id, dissolvedOn: null, successorId: null, history: [], current: { id: xa.id, name: 'Xã Nghi Lộc' } });
    expect(await unit(t, 'Trung tâm Hành chính công', { type: 'so_ban_nganh' })).toMatchObject({ type: 'so_ban_nganh', clusterId: null });
    expect((await unit(t, 'Unit khác')).type).toBe('khac');

    const ghost = await post(t, '/api/units', { code: `U-${suffix()}`, name: 'Xã Ma', clusterId: '0b7c2a4e-9d1f-4c3b-8a6e-5f2d1c0b9a87' });
    expect({ status: ghost.status, code: ghost.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('a former district merged into a commune from 01/07/2025: its old proposal stays readable, it reads "now the commune", and nothing new is drafted for it', async () => {
    const xa = await unit(t, 'Xã Nghi Lộc');
    const district = await unit(t, 'Huyện Nghi Lộc');
    expect(district.type).toBe('huyen_cu');
    // Drafted while the district existed (before the merge was recorded).
    const old = await createProposal(t, district.id, null);

    const merged = await post(t, `/api/units/${district.id}/changes`, { kind: 'merged_into', from: '2025-07-01', successorId: xa.id, document: RESOLUTION });
    expectStatus(merged, 201);
    expect(merged.body).toMatchObject({
      id: district.id,
      name: 'Huyện Nghi Lộc',
      dissolvedOn: '2025-07-01',
      successorId: xa.id,
      current: { id: xa.id, name: 'Xã Nghi Lộc' },
      history: [
        {
          seq: 1,
          kind: 'merged_into',
          from: '2025-07-01',
          successorId: xa.id,
          document: RESOLUTION,
          name: null,
          recordedBy: expect.any(String),
        },
      ],
    });
    const read = await get(t, `/api/units/${district.id}`);
    expectStatus(read, 200);
    expect(read.body).toEqual(merged.body);

    // Its old proposal: still there, for the district's people and the province.
    expectStatus(await get(t, `/api/proposals/${old.id}`, { role: 'drafter', unitId: district.id }), 200);
    expectStatus(await get(t, `/api/proposals/${old.id}`, { role: 'council' }), 200);

    const refused = await http(t)
      .post('/api/proposals')
      .set('Authorization', bearer(t, { role: 'drafter', unitId: district.id }))
      .send(proposalDraft(district.id, null));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'UNIT_DISSOLVED' });
    expect(refused.body.message).toBe('Huyện Nghi Lộc đã sáp nhập vào Xã Nghi Lộc từ ngày 01/07/2025: hồ sơ mới lập cho đơn vị mới');
    expect(refused.body).toMatchObject({ unitId: district.id, successorId: xa.id, dissolvedOn: '2025-07-01' });

    // The commune takes proposals, and a rename of it shows through the district's "now".
    await createProposal(t, xa.id, null);
    const renamed = await post(t, `/api/units/${xa.id}/changes`, { kind: 'renamed', from: '2025-09-01', name: 'Xã Nghi Lộc Mới', document: { ref: '12/NQ-HĐND', issuedAt: '2025-08-20' } });
    expectStatus(renamed, 201);
    expect(renamed.body.history[0]).toMatchObject({ kind: 'renamed', name: 'Xã Nghi Lộc Mới', previousName: 'Xã Nghi Lộc', document: { kind: null } });
    expect((await get(t, `/api/units/${district.id}`)).body.current).toEqual({ id: xa.id, name: 'Xã Nghi Lộc Mới' });

    const list = await get(t, '/api/units');
    const listed = (list.body.items as { id: string; current: { name: string } }[]).find((u) => u.id === district.id);
    expect(listed?.current.name).toBe('Xã Nghi Lộc Mới');
  });

  it('a change is refused, and nothing written, when it goes back in time, merges into itself or a unit no longer there, or touches a unit already merged', async () => {
    const xa = await unit(t, 'Xã Hưng Nguyên');
    const other = await unit(t, 'Xã Hưng Thịnh');
    const district = await unit(t, 'Huyện Hưng Nguyên');
    const change = (id: string, body: object, caller: Parameters<typeof bearer>[1] = ADMIN) => post(t, `/api/units/${id}/changes`, { from: '2025-07-01', document: RESOLUTION, ...body }, caller);
    const history = async (id: string) => (await get(t, `/api/units/${id}`)).body.history as unknown[];

    expect((await change(district.id, { kind: 'merged_into', successorId: xa.id }, { role: 'home_affairs' })).status).toBe(403);

    const itself = await change(district.id, { kind: 'merged_into', successorId: district.id });
    expect({ status: itself.status, code: itself.body.code, fields: itself.body.errors.map((e: { field: string }) => e.field) }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['successorId'],
    });

    expectStatus(await change(other.id, { kind: 'dissolved' }), 201);
    const intoGone = await change(district.id, { kind: 'merged_into', successorId: other.id });
    expect(intoGone.status).toBe(400);
    expect(intoGone.body.errors[0].message).toContain('01/07/2025');

    expectStatus(await change(xa.id, { kind: 'type_changed', type: 'phuong', from: '2025-08-01' }), 201);
    const backwards = await change(xa.id, { kind: 'renamed', name: 'Phường Hưng Nguyên', from: '2025-07-31' });
    expect({ status: backwards.status, field: backwards.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'from' });

    expectStatus(await change(district.id, { kind: 'merged_into', successorId: xa.id }), 201);
    const afterMerge = await change(district.id, { kind: 'renamed', name: 'Huyện Khác' });
    expect({ status: afterMerge.status, code: afterMerge.body.code }).toEqual({ status: 409, code: 'UNIT_DISSOLVED' });

    expect((await history(district.id)).length).toBe(1);
    expect((await history(xa.id)).length).toBe(1);
  });

  it('two opposite merges sent at once: one is recorded, the other refused, and no cycle is left', async () => {
    const a = await unit(t, 'Xã Diễn Châu');
    const b = await unit(t, 'Xã Diễn Thành');
    const merge = (from: { id: string }, into: { id: string }) =>
      post(t, `/api/units/${from.id}/changes`, { kind: 'merged_into', from: '2025-07-01', successorId: into.id, document: RESOLUTION });
    const answers = await Promise.all([merge(a, b), merge(b, a)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400]);
    const [readA, readB] = await Promise.all([get(t, `/api/units/${a.id}`), get(t, `/api/units/${b.id}`)]);
    expect([readA.body.successorId, readB.body.successorId].filter(Boolean)).toHaveLength(1);
  });
});
