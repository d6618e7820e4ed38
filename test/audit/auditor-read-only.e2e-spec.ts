import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { PersonRole } from '#kernel';
import {
  bearer,
  completeCampaign,
  createProposal,
  createUnit,
  daysFromToday,
  getHistory,
  http,
  listAll,
  proposalDraft,
  seed,
  walkTo,
  PATHS,
  type Caller,
  type ProposalBody,
  type Seed,
  type UnitBody,
} from '../support/api.js';
import { allTableCounts, exportLog, sql } from '../support/audit.js';
import { EVENT_BODIES, EVENT_TYPES, MACHINE_TABLE, type EventType, type State } from '../support/machine-table.js';
import { officialSchedule2027 } from '../support/rules-fixtures.js';
import { useTestApp, type TestApp, PAPER_DOSSIERS} from '../support/test-app.js';

/** A write call: how to send it with a given Authorization header, who may send it, and what they get. */
interface WriteCall {
  name: string;
  send: (authorization: string) => Test;
  /** The role the call is for (a unit role acts in the proposal's own unit). */
  allowed: Caller;
  /** What `allowed` gets: proof that the body is good and that only the auditor role made the difference. */
  allowedStatus: number;
}

/** The first stage (in the design's table order) that accepts `type`, and the first role that may send it there. */
function whereAccepted(type: EventType): { state: State; role: PersonRole } {
  for (const [state, row] of Object.entries(MACHINE_TABLE) as [State, (typeof MACHINE_TABLE)[State]][]) {
    const entry = row[type];
    if (entry) return { state, role: entry.by[0] };
  }
  throw new Error(`no stage accepts ${type}`);
}

const QUEUE = 'domain-events';

async function queuePaused(t: TestApp): Promise<boolean> {
  const response = await http(t).get('/queues/api/queues').set('Authorization', bearer(t, { role: 'admin' }));
  const queue = (response.body.queues as { name: string; isPaused: boolean }[]).find((q) => q.name === QUEUE);
  if (!queue) throw new Error(`no queue ${QUEUE} on the board`);
  return queue.isPaused;
}

/**
 * ISSUE: auditors read everything and change nothing; every write call refuses the auditor role, whatever other
 * roles the same token carries. Each write is tried with an auditor-only token and with the auditor role next to
 * the role the call is for; both must be 403 FORBIDDEN with not one row changed anywhere. Then the same call by
 * that role alone succeeds, so the refusal was the auditor role's doing and not a bad body.
 */
describe('the auditor role reads everything and changes nothing', () => {
  const t = useTestApp('sqlite', { env: PAPER_DOSSIERS });
  let home: Seed;
  let elsewhere: UnitBody;
  let foreign: ProposalBody;
  /** One proposal per event type, waiting in a stage that accepts it. */
  const waiting = new Map<EventType, ProposalBody>();
  let calls: WriteCall[] = [];

  beforeAll(async () => {
    home = await seed(t);
    elsewhere = await createUnit(t);
    foreign = await createProposal(t, elsewhere.id, home.campaign.id);
    for (const type of EVENT_TYPES) {
      const { state } = whereAccepted(type);
      const overrides = type === 'AWARD_AT_UNIT' ? { awardForm: 'unit_certificate' } : {};
      const proposal = await createProposal(t, home.unit.id, type === 'AWARD_AT_UNIT' ? null : home.campaign.id, overrides);
      waiting.set(type, await walkTo(t, proposal, state as keyof typeof PATHS));
    }

    const unitId = home.unit.id;
    calls = [
      { name: 'POST /api/units', send: (a) => http(t).post('/api/units').set('Authorization', a).send({ code: 'AUD-1', name: 'Unit AUD-1' }), allowed: { role: 'admin' }, allowedStatus: 201 },
      { name: 'POST /api/campaigns', send: (a) => http(t).post('/api/campaigns').set('Authorization', a).send(completeCampaign()), allowed: { role: 'home_affairs' }, allowedStatus: 201 },
      {
        name: 'PATCH /api/campaigns/:id',
        send: (a) => http(t).patch(`/api/campaigns/${home.campaign.id}`).set('Authorization', a).send({ ceremonyDate: daysFromToday(90) }),
        allowed: { role: 'home_affairs' },
        allowedStatus: 200,
      },
      { name: 'PUT /api/calendar/2027', send: (a) => http(t).put('/api/calendar/2027').set('Authorization', a).send(officialSchedule2027()), allowed: { role: 'admin' }, allowedStatus: 200 },
      {
        name: 'POST /api/proposals',
        send: (a) => http(t).post('/api/proposals').set('Authorization', a).send(proposalDraft(unitId, home.campaign.id)),
        allowed: { role: 'drafter', unitId },
        allowedStatus: 201,
      },
      ...EVENT_TYPES.map((type): WriteCall => {
        const { role } = whereAccepted(type);
        const proposal = waiting.get(type)!;
        return {
          name: `POST /api/proposals/:id/events ${type} (in ${proposal.state})`,
          send: (a) => http(t).post(`/api/proposals/${proposal.id}/events`).set('Authorization', a).send(EVENT_BODIES[type]),
          allowed: { role, unitId: role === 'drafter' || role === 'unit_head' ? unitId : null },
          allowedStatus: 200,
        };
      }),
      {
        name: 'POST /api/notifications/:id/read',
        send: (a) => http(t).post(`/api/notifications/${randomUUID()}/read`).set('Authorization', a),
        allowed: { role: 'drafter', unitId },
        // No such notice: the drafter is let through to the route and told so; the auditor never gets that far.
        allowedStatus: 404,
      },
      {
        name: 'POST /api/webhooks',
        send: (a) =>
          http(t).post('/api/webhooks').set('Authorization', a).send({ url: 'https://hooks.example.vn/kt', events: ['DEADLINE_MISSED'], secret: 'a-secret-of-32-characters-long!!' }),
        allowed: { role: 'admin' },
        allowedStatus: 201,
      },
      { name: 'POST /api/audit/checkpoints', send: (a) => http(t).post('/api/audit/checkpoints').set('Authorization', a), allowed: { role: 'admin' }, allowedStatus: 201 },
      {
        name: 'POST /api/admin/proposals/migrate',
        send: (a) => http(t).post('/api/admin/proposals/migrate').set('Authorization', a).send({ ids: [foreign.id] }),
        allowed: { role: 'admin' },
        allowedStatus: 200,
      },
    ];
  }, 60_000);

  /** Every table's row count, and every proposal's version: a refusal must leave all of them as they were. */
  const everything = async () => ({
    counts: await allTableCounts(t),
    versions: await sql<{ id: string; version: number }>(t, 'SELECT id, version, machine_version, state, last_hash FROM proposals ORDER BY id'),
    campaign: await sql(t, 'SELECT * FROM campaigns WHERE id = ?', [home.campaign.id]),
  });

  it('covers every event type and every write route of the API', () => {
    expect(calls.map((c) => c.name.split(' (')[0])).toEqual([
      'POST /api/units',
      'POST /api/campaigns',
      'PATCH /api/campaigns/:id',
      'PUT /api/calendar/2027',
      'POST /api/proposals',
      ...EVENT_TYPES.map((type) => `POST /api/proposals/:id/events ${type}`),
      'POST /api/notifications/:id/read',
      'POST /api/webhooks',
      'POST /api/audit/checkpoints',
      'POST /api/admin/proposals/migrate',
    ]);
  });

  it('refuses every write to a token holding the auditor role, alone or beside the role the call is for, and writes nothing', async () => {
    const before = await everything();
    const outcomes: { call: string; roles: string; status: number; code: string }[] = [];
    for (const call of calls) {
      const allowedRoles = Array.isArray(call.allowed.role) ? call.allowed.role : [call.allowed.role];
      for (const roles of [['auditor'], ['auditor', ...allowedRoles]] as PersonRole[][]) {
        const response = await call.send(bearer(t, { role: roles, unitId: call.allowed.unitId ?? null }));
        outcomes.push({ call: call.name, roles: roles.join('+'), status: response.status, code: response.body?.code });
      }
    }
    expect(outcomes).toEqual(outcomes.map(({ call, roles }) => ({ call, roles, status: 403, code: 'FORBIDDEN' })));
    expect(await everything()).toEqual(before);
  });

  it('the same calls by the role they are for, without the auditor role, go through', async () => {
    const outcomes: { call: string; status: number }[] = [];
    for (const call of calls) {
      const response = await call.send(bearer(t, call.allowed));
      outcomes.push({ call: call.name, status: response.status });
    }
    expect(outcomes).toEqual(calls.map((call) => ({ call: call.name, status: call.allowedStatus })));
  });

  it('reads every proposal of every unit, with its history, its replay, the verification and the export', async () => {
    const auditor: Caller = { role: 'auditor' };
    const ids = (await sql<{ id: string }>(t, 'SELECT id FROM proposals')).map((r) => r.id).sort();
    const listed = (await listAll(t, auditor)).map((p) => p.id).sort();
    expect(listed).toEqual(ids);
    expect(listed).toContain(foreign.id);

    const history = await getHistory(t, foreign.id, auditor);
    expect(history.map((e) => e.type)).toEqual(['CREATED']);
    const reads = [
      `/api/proposals/${foreign.id}`,
      `/api/proposals/${foreign.id}/replay?seq=1`,
      '/api/audit/verify',
      '/api/audit/checkpoints',
      '/api/units',
      '/api/campaigns',
      `/api/campaigns/${home.campaign.id}`,
      '/api/calendar/2027',
    ];
    for (const path of reads) {
      const response = await http(t).get(path).set('Authorization', bearer(t, auditor));
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
    const exported = await exportLog(t, { proposalId: foreign.id });
    expect(exported.status).toBe(200);
    expect(exported.body.toString('utf8').trim().split('\n')).toHaveLength(1);
  });

  describe('the queue board (mounted beside the API, outside its guard)', () => {
    afterAll(async () => {
      await http(t).put(`/queues/api/queues/${QUEUE}/resume`).set('Authorization', bearer(t, { role: 'admin' }));
    });

    it('refuses to let a token holding the auditor role pause a queue, even one that also holds admin', async () => {
      expect(await queuePaused(t)).toBe(false);
      const outcomes: { roles: string; status: number }[] = [];
      for (const roles of [['auditor'], ['auditor', 'admin']] as PersonRole[][]) {
        const response = await http(t).put(`/queues/api/queues/${QUEUE}/pause`).set('Authorization', bearer(t, { role: roles }));
        outcomes.push({ roles: roles.join('+'), status: response.status });
      }
      expect({ outcomes, paused: await queuePaused(t) }).toEqual({
        outcomes: [
          { roles: 'auditor', status: 403 },
          { roles: 'auditor+admin', status: 403 },
        ],
        paused: false,
      });
    });

    it('while the admin alone may pause it (and resume it)', async () => {
      const admin = bearer(t, { role: 'admin' });
      expect((await http(t).put(`/queues/api/queues/${QUEUE}/resume`).set('Authorization', admin)).status).toBe(200);
      expect(await queuePaused(t)).toBe(false);
      expect((await http(t).put(`/queues/api/queues/${QUEUE}/pause`).set('Authorization', admin)).status).toBe(200);
      expect(await queuePaused(t)).toBe(true);
    });
  });
});
