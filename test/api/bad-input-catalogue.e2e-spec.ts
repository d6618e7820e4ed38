import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';
import { elfExecutable, minimalPdf } from '../../libs/documents/src/test-support/zip-fixtures.js';
import {
  bearer,
  createCampaign,
  createUnit,
  expectStatus,
  fieldsOf,
  getHistory,
  http,
  proposalDraft,
  proposalIn,
  seed,
  type Caller,
  type ProposalBody,
} from '../support/api.js';
import { describeEachDatabase, PAPER_DOSSIERS, useTestApp, type DatabaseKind, type TestApp } from '../support/test-app.js';
import {
  CATALOGUE,
  countByEndpoint,
  LITERAL_TARGETS,
  PROPOSAL_TARGETS,
  type BadInputCase,
  type Method,
  type Target,
} from './bad-input.catalogue.js';

/** The suite's records, by the names the catalogue uses for them (`$unit` in a body, `target: 'drafting'`). */
type Context = Record<string, string>;

/**
 * Tables `t.rowCounts()` leaves out that a refused webhook, calendar, checkpoint or notice write could still
 * touch: a refusal must leave them as they were too.
 */
const EXTRA_TABLES = ['webhooks', 'official_calendars', 'audit_checkpoints', 'notices', 'notice_reads', 'notice_deliveries', 'quota_counters'] as const;

const methodOf = (c: BadInputCase) => c.endpoint.split(' ')[0] as Method;
const isProposalTarget = (target: Target | undefined): target is Target => target !== undefined && PROPOSAL_TARGETS.includes(target);
const isCampaignTarget = (target: Target | undefined) => target === 'campaign' || target === 'emptyCampaign';

function callerOf(c: BadInputCase, context: Context): Caller | null {
  switch (c.caller) {
    case null:
      return null;
    case 'drafter':
    case 'unit_head':
      return { role: c.caller, unitId: context.unit };
    case 'other_drafter':
      return { role: 'drafter', unitId: context.otherUnit };
    default:
      return { role: c.caller };
  }
}

/** The Authorization header a case sends, or none. A broken token carries the caller's claims, so only its flaw differs. */
function authorization(t: TestApp, c: BadInputCase, context: Context): string | undefined {
  const caller = callerOf(c, context);
  if (!c.token) return caller ? bearer(t, caller) : undefined;
  const who = caller ?? { role: 'admin' as const };
  const claims = { name: 'catalogue', roles: Array.isArray(who.role) ? who.role : [who.role], unitId: who.unitId ?? null };
  const sign = (payload: object, options: jwt.SignOptions, secret = t.config.jwtSecret) =>
    `Bearer ${jwt.sign(payload, secret, { algorithm: 'HS256', subject: 'catalogue', ...options })}`;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  switch (c.token) {
    case 'garbage':
      return 'Bearer not.a.jwt';
    case 'noExp':
      return sign(claims, {});
    case 'expired':
      return sign(claims, { expiresIn: -60 });
    case 'tooLong':
      return sign(claims, { expiresIn: 8 * 24 * 3600 });
    case 'wrongSecret':
      return sign(claims, { expiresIn: 600 }, 'not-the-secret-of-this-server');
    case 'unknownRole':
      return sign({ ...claims, roles: ['god'] }, { expiresIn: 600 });
    case 'algNone':
      return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, sub: 'catalogue', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    case 'basicScheme':
      return `Basic ${Buffer.from('admin:admin').toString('base64')}`;
  }
}

const idOf = (key: string, context: Context): string => context[key] ?? LITERAL_TARGETS[key as Target] ?? key;

function pathOf(c: BadInputCase, context: Context): string {
  const route = c.endpoint.slice(c.endpoint.indexOf(' ') + 1);
  const path = route.replace(/:(\w+)/g, (_match, name: string) => {
    const key = name === 'id' ? c.target : c.params?.[name];
    if (key === undefined) throw new Error(`${c.endpoint} ${c.name}: nothing for :${name}`);
    return idOf(key, context);
  });
  return typeof c.query === 'string' ? `${path}?${c.query}` : path;
}

/** `$unit`, `$campaign`, … in values and keys become the suite's ids; everything else goes as written. */
function substitute(value: unknown, context: Context): unknown {
  if (typeof value === 'string') return value.startsWith('$') && context[value.slice(1)] !== undefined ? context[value.slice(1)] : value;
  if (Array.isArray(value)) return value.map((item) => substitute(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [substitute(key, context) as string, substitute(item, context)]));
  }
  return value;
}

const substituteRaw = (raw: string, context: Context) => raw.replace(/\$(\w+)/g, (match, name: string) => context[name] ?? match);

const FILES = {
  pdf: () => minimalPdf('Bao cao thanh tich'),
  text: () => Buffer.from('Báo cáo thành tích: không phải tệp PDF\n'),
  elf: () => elfExecutable(),
};

function send(t: TestApp, c: BadInputCase, context: Context) {
  const agent = http(t);
  const path = pathOf(c, context);
  const method = methodOf(c);
  const call =
    method === 'GET' ? agent.get(path) : method === 'POST' ? agent.post(path) : method === 'PUT' ? agent.put(path) : method === 'PATCH' ? agent.patch(path) : agent.delete(path);
  if (c.query && typeof c.query === 'object') call.query(substitute(c.query, context) as Record<string, string>);
  const auth = authorization(t, c, context);
  if (auth) call.set('Authorization', auth);
  for (const [name, value] of Object.entries(c.headers ?? {})) call.set(name, value);
  if (c.upload) {
    if (c.upload.kind !== undefined) call.field('kind', c.upload.kind);
    if (c.upload.file) {
      for (let copy = 0; copy < (c.upload.twice ? 2 : 1); copy++) {
        call.attach('file', FILES[c.upload.file](), { filename: `tai-lieu-${copy}.pdf`, contentType: 'application/octet-stream' });
      }
    }
    return call;
  }
  if (c.form !== undefined) return call.type('form').send(c.form);
  if (typeof c.body === 'string') return call.set('Content-Type', 'application/json').send(substituteRaw(c.body, context));
  if (c.body !== undefined) return call.send(substitute(c.body, context) as object);
  return call;
}

/** Everything a refusal must leave alone: every table, the proposal's log, the campaign as its readers see it. */
async function observe(t: TestApp, c: BadInputCase, context: Context) {
  const extra: Record<string, number> = {};
  for (const table of EXTRA_TABLES) {
    const [row] = (await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
    extra[table] = Number(row.n);
  }
  const history = isProposalTarget(c.target) ? (await getHistory(t, context[c.target])).length : null;
  const campaign =
    isCampaignTarget(c.target) && methodOf(c) !== 'GET'
      ? (await http(t).get(`/api/campaigns/${context[c.target!]}`).set('Authorization', bearer(t, { role: 'auditor' }))).body
      : null;
  return { rows: await t.rowCounts(), extra, history, campaign };
}

const expectAnswer = (response: Response, c: BadInputCase) => {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status: c.status, code: c.code });
  if (c.code === 'VALIDATION_FAILED') {
    expect([...new Set(fieldsOf(response))].sort()).toEqual([...(c.fields ?? [])].sort());
    for (const error of (response.body.errors ?? []) as { message: string }[]) expect(error.message).toEqual(expect.any(String));
    expect(typeof response.body.message).toBe('string');
  }
};

/** Test titles stay printable: control, bidi and surrogate characters are shown as \uXXXX. */
const printable = (text: string) =>
  text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFEFF\u200B-\u200D]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * CATALOGUE_KNOWN_BUGS=run runs the known bugs as plain tests, so that each failure prints what the application
 * answers today (to check a bug is still the one described, or to see it fixed).
 */
const RUN_KNOWN_BUGS_PLAIN = process.env.CATALOGUE_KNOWN_BUGS === 'run';

const titleOf = (c: BadInputCase) =>
  printable(`${c.name} → ${c.status} ${c.code}${c.fields ? ` naming ${c.fields.join(', ')}` : ''}`);

function declareCases(database: DatabaseKind, t: TestApp, context: () => Context, cases: readonly BadInputCase[]): void {
  for (const endpoint of Object.keys(countByEndpoint(cases))) {
    describe(endpoint, () => {
      for (const c of cases.filter((candidate) => candidate.endpoint === endpoint)) {
        const bug = c.knownBug !== undefined && (c.bugOn === undefined || c.bugOn.includes(database));
        const run = async () => {
          const before = await observe(t, c, context());
          const response = await send(t, c, context());
          const after = await observe(t, c, context());
          if (bug && RUN_KNOWN_BUGS_PLAIN) {
            const wrote = Object.keys(before.extra).filter((table) => before.extra[table] !== after.extra[table]);
            for (const table of Object.keys(before.rows) as (keyof typeof before.rows)[]) if (before.rows[table] !== after.rows[table]) wrote.push(table);
            console.log(`${database} ${c.endpoint} ${printable(c.name)}: ${response.status} ${printable(JSON.stringify(response.body)).slice(0, 300)}; tables changed: ${wrote.join(', ') || 'none'}`);
          }
          expectAnswer(response, c);
          expect(after).toEqual(before);
        };
        const title = bug ? `${titleOf(c)} [known bug: ${c.knownBug}]` : titleOf(c);
        (bug && !RUN_KNOWN_BUGS_PLAIN ? it.failing : it)(title, run);
      }
    });
  }
}

describeEachDatabase('the bad-input catalogue: refused, and nothing written', (database) => {
  const t = useTestApp(database, { env: PAPER_DOSSIERS });
  const context: Context = {};
  const seen: Record<string, ProposalBody> = {};

  beforeAll(async () => {
    const home = await seed(t);
    const other = await createUnit(t);
    Object.assign(context, { unit: home.unit.id, campaign: home.campaign.id, otherUnit: other.id, otherUnitCode: other.code });
    context.emptyCampaign = (await createCampaign(t)).id;

    // Created with a key, so that the cases reusing the key for another request have something to collide with.
    const created = await http(t)
      .post('/api/proposals')
      .set('Authorization', bearer(t, { role: 'drafter', unitId: home.unit.id }))
      .set('Idempotency-Key', 'catalogue-create')
      .send(proposalDraft(home.unit.id, home.campaign.id));
    expectStatus(created, 201);
    seen.drafting = created.body as ProposalBody;
    for (const state of ['unitDecision', 'councilScreening', 'homeAffairsAgreement', 'supplementRequested', 'chairmanDecision', 'awarded'] as const) {
      seen[state] = await proposalIn(t, state, home.unit.id, home.campaign.id);
    }
    // The unit's own award: a unit certificate, decided at the unit.
    seen.unitCertificate = await proposalIn(t, 'unitDecision', home.unit.id, home.campaign.id, { awardForm: 'unit_certificate' });
    for (const [name, proposal] of Object.entries(seen)) context[name] = proposal.id;
  }, 60_000);

  declareCases(database, t, () => context, CATALOGUE.filter((c) => !c.documentsRequired));

  it('leaves every proposal the cases pointed at in its stage and version', async () => {
    for (const [name, proposal] of Object.entries(seen)) {
      const now = await http(t).get(`/api/proposals/${proposal.id}`).set('Authorization', bearer(t, { role: 'auditor' }));
      expect({ name, state: now.body.state, version: now.body.version }).toEqual({ name, state: proposal.state, version: proposal.version });
    }
  });
});

describeEachDatabase('the bad-input catalogue where documents are required', (database) => {
  // The default configuration: each step waits for its documents (HS-1 … HS-3).
  const t = useTestApp(database, { env: {} });
  const context: Context = {};

  beforeAll(async () => {
    const home = await seed(t);
    const other = await createUnit(t);
    Object.assign(context, { unit: home.unit.id, campaign: home.campaign.id, otherUnit: other.id, otherUnitCode: other.code });
    for (const state of ['drafting', 'unitDecision', 'councilScreening'] as const) {
      context[state] = (await proposalIn(t, state, home.unit.id, home.campaign.id)).id;
    }
    const documents = await http(t).get(`/api/proposals/${context.unitDecision}/documents`).set('Authorization', bearer(t, { role: 'auditor' }));
    expectStatus(documents, 200);
    context.unitDecisionReport = (documents.body.items as { id: string; kind: string }[]).find((d) => d.kind === 'bao_cao_thanh_tich')!.id;
  }, 60_000);

  declareCases(database, t, () => context, CATALOGUE.filter((c) => c.documentsRequired));
});

describe('the catalogue', () => {
  const counts = countByEndpoint();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const bugs = CATALOGUE.filter((c) => c.knownBug).length;

  it(`holds ${total} cases over ${Object.keys(counts).length} endpoints (${bugs} known bugs), at least 170`, () => {
    const width = Math.max(...Object.keys(counts).map((endpoint) => endpoint.length));
    const table = [
      `${'endpoint'.padEnd(width)}  cases`,
      ...Object.entries(counts).map(([endpoint, n]) => `${endpoint.padEnd(width)}  ${String(n).padStart(5)}`),
      `${'total'.padEnd(width)}  ${String(total).padStart(5)}`,
    ].join('\n');
    console.log(`Bad-input catalogue, cases by endpoint:\n${table}`);
    expect(total).toBeGreaterThanOrEqual(170);
    // A VALIDATION_FAILED case that names no field would pass on any 400: each one says which fields it expects.
    expect(CATALOGUE.filter((c) => c.code === 'VALIDATION_FAILED' && !c.fields?.length).map((c) => `${c.endpoint} ${c.name}`)).toEqual([]);
  });
});
