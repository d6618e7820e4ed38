import { completeCampaign, DECISION, daysFromToday, proposalDraft, VOTE } from '../support/api.js';
import type { DatabaseKind } from '../support/test-app.js';

/**
 * Bad inputs over every HTTP endpoint, as data: each case says who calls, what the path points at, what is sent,
 * and what the application must answer. `bad-input-catalogue.e2e-spec.ts` runs every case on SQLite and
 * PostgreSQL and checks, besides the answer, that no row of any table changed. It complements
 * `bad-input.e2e-spec.ts` (the model); the cases there are not repeated here.
 *
 * Where the application answers differently from what it should (a 500, a write after a refusal, a wrong shape),
 * the case keeps the answer it SHOULD give and carries `knownBug`: the spec runs it as `it.failing`, so the day
 * the bug is fixed the suite says so.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who calls. The unit roles belong to the suite's own unit; `other_drafter` to a second unit. `null`: no token. */
export type CallerName = 'drafter' | 'unit_head' | 'other_drafter' | 'council' | 'home_affairs' | 'chairman' | 'admin' | 'auditor' | null;

/** A token that must not get in, carrying the caller's claims (or an admin's when there is no caller). */
export type BrokenToken = 'garbage' | 'noExp' | 'expired' | 'tooLong' | 'wrongSecret' | 'algNone' | 'unknownRole' | 'basicScheme';

/**
 * What `:id` points at. Proposal stages are proposals of the suite's campaign waiting there; the rest are the
 * suite's records or ids that name nothing (`ghost`: a UUID; `nul`: a NUL byte, percent-encoded; `badEncoding`:
 * a percent sequence that is no UTF-8).
 */
export type Target =
  | 'drafting'
  | 'unitDecision'
  | 'unitCertificate'
  | 'councilScreening'
  | 'homeAffairsAgreement'
  | 'supplementRequested'
  | 'chairmanDecision'
  | 'awarded'
  | 'campaign'
  | 'emptyCampaign'
  | 'unit'
  | 'ghost'
  | 'notAUuid'
  | 'longId'
  | 'dotDot'
  | 'nul'
  | 'badEncoding'
  | 'unitDecisionReport';

export const PROPOSAL_TARGETS: readonly Target[] = [
  'drafting',
  'unitDecision',
  'unitCertificate',
  'councilScreening',
  'homeAffairsAgreement',
  'supplementRequested',
  'chairmanDecision',
  'awarded',
];

/** Ids that name nothing, used as they are in the path. */
export const GHOST = '0b7c2a4e-9d1f-4c3b-8a6e-5f2d1c0b9a87';
export const LITERAL_TARGETS: Partial<Record<Target, string>> = {
  ghost: GHOST,
  notAUuid: 'not-a-uuid',
  longId: 'x'.repeat(300),
  dotDot: '..%2f..',
  nul: '%00',
  badEncoding: '%E0%A4%A',
};

export interface Upload {
  /** The multipart field `kind`, sent before the file; left out when undefined. */
  kind?: string;
  /** The file's bytes: a real PDF, text, or a Linux executable named .pdf; no file at all when undefined. */
  file?: 'pdf' | 'text' | 'elf';
  /** A second file after the first. */
  twice?: boolean;
}

export interface BadInputCase {
  /** Method and route, as the count table shows them. */
  endpoint: `${Method} /${string}`;
  name: string;
  caller: CallerName;
  token?: BrokenToken;
  /** What `:id` resolves to. */
  target?: Target;
  /** Other path parameters: a target name or a literal. */
  params?: Record<string, Target | string>;
  /** An object goes through supertest; a string is appended as it is (for percent-encoded names). */
  query?: Record<string, string | string[]> | string;
  /**
   * An object or array is sent as JSON; a string is sent as it is with Content-Type: application/json (raw JSON,
   * for lone surrogates and broken syntax). `$unit`, `$otherUnit` and `$campaign` (values, keys, or inside a raw
   * string) become the suite's ids.
   */
  body?: Record<string, unknown> | unknown[] | string;
  /** Sent as a form instead of JSON. */
  form?: string;
  upload?: Upload;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** With VALIDATION_FAILED: exactly the fields errors[] must name. */
  fields?: string[];
  /** The answer the application gives instead, in one line: the case then runs as `it.failing`. */
  knownBug?: string;
  /** The databases the bug shows on (both when left out); elsewhere the case runs as a plain test. */
  bugOn?: DatabaseKind[];
  /** Runs in the application that requires documents (HS-1 … HS-4) instead of the paper-dossier one. */
  documentsRequired?: boolean;
}

// ------------------------------------------------------------------------------------------------ builders

const today = daysFromToday(0);
const tomorrow = daysFromToday(1);
/** A little over 20 years back: outside every "at most 20 years ago" window whatever the leap days. */
const TWENTY_ONE_YEARS_AGO = daysFromToday(-366 * 21);
/** A little over 10 years ahead: outside every "at most 10 years ahead" window. */
const ELEVEN_YEARS_AHEAD = daysFromToday(366 * 11);

const draft = (overrides: Record<string, unknown> = {}) => proposalDraft('$unit', '$campaign', overrides);
const ACHIEVEMENT = proposalDraft('', null).achievement;
const achievement = (overrides: Record<string, unknown>) => ({ ...ACHIEVEMENT, ...overrides });
const individual = (overrides: Record<string, unknown>) => ({ type: 'individual', name: 'Nguyễn Văn An', ...overrides });
const collective = (overrides: Record<string, unknown>) => ({ type: 'collective', name: 'Tổ cứu hộ xã Hòa Bình', ...overrides });

const campaign = (overrides: Record<string, unknown> = {}) => ({ ...completeCampaign(), ...overrides });
const GUIDANCE = completeCampaign().guidance;
const guidance = (overrides: Record<string, unknown>) => campaign({ guidance: { ...GUIDANCE, ...overrides } });
const withoutKey = (object: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

const update = (changes: unknown) => ({ type: 'UPDATE', changes });
const approve = (decision: unknown) => ({ type: 'APPROVE', decision });
const awardAtUnit = (decision: unknown) => ({ type: 'AWARD_AT_UNIT', decision });
const recommend = (vote: unknown) => ({ type: 'RECOMMEND', vote });

const WEBHOOK = { url: 'https://hooks.example.vn/khen-thuong', events: ['DEADLINE_MISSED'], secret: 's'.repeat(24) };
const webhook = (overrides: Record<string, unknown>) => ({ ...WEBHOOK, ...overrides });

const SCHEDULE_2190 = { year: 2190, source: 'Thông báo 1/TB-BNV', entries: [{ date: '2190-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] };

const deepArrays = '['.repeat(5000) + ']'.repeat(5000);
const deepObjects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
/** Over express's 100 KB JSON limit. */
const OVERSIZED_TEXT = 'x'.repeat(150_000);
/** Over Node's 16 KB header limit. */
const PADDING = { 'X-Padding': 'x'.repeat(20_000) };

const NUL_CURSOR = Buffer.from('2026-01-01T00:00:00.000Z\u0000|x').toString('base64url');

// ------------------------------------------------------------------------------------------------ the cases

const EVENTS = 'POST /api/proposals/:id/events' as const;

const EVENT_CASES: BadInputCase[] = [
  // Who may call at all.
  { endpoint: EVENTS, name: 'no token', caller: null, target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'a token that is no JWT', caller: 'drafter', token: 'garbage', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'a token without exp', caller: 'drafter', token: 'noExp', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'an expired token', caller: 'drafter', token: 'expired', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'a token good for 8 days', caller: 'drafter', token: 'tooLong', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'a token signed with another secret', caller: 'drafter', token: 'wrongSecret', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'an unsigned token (alg none)', caller: 'drafter', token: 'algNone', target: 'drafting', body: { type: 'SUBMIT' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: EVENTS, name: 'the auditor (reads only)', caller: 'auditor', target: 'drafting', body: { type: 'SUBMIT' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: EVENTS, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', body: { type: 'SUBMIT' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: EVENTS, name: 'RECOMMEND by home affairs', caller: 'home_affairs', target: 'councilScreening', body: recommend(VOTE), status: 403, code: 'FORBIDDEN' },
  { endpoint: EVENTS, name: 'FORWARD by the drafter', caller: 'drafter', target: 'unitDecision', body: { type: 'FORWARD' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: EVENTS, name: 'APPROVE by the council', caller: 'council', target: 'chairmanDecision', body: approve(DECISION), status: 403, code: 'FORBIDDEN' },

  // Events the stage does not take.
  { endpoint: EVENTS, name: 'SUBMIT once awarded', caller: 'drafter', target: 'awarded', body: { type: 'SUBMIT' }, status: 409, code: 'INVALID_TRANSITION' },
  { endpoint: EVENTS, name: 'AGREE while the council screens', caller: 'home_affairs', target: 'councilScreening', body: { type: 'AGREE' }, status: 409, code: 'INVALID_TRANSITION' },
  { endpoint: EVENTS, name: 'SUPPLEMENT while drafting', caller: 'drafter', target: 'drafting', body: { type: 'SUPPLEMENT' }, status: 409, code: 'INVALID_TRANSITION' },
  { endpoint: EVENTS, name: 'UPDATE after submission', caller: 'drafter', target: 'unitDecision', body: update({ awardForm: 'unit_certificate' }), status: 409, code: 'INVALID_TRANSITION' },
  // The stage is judged before the dates: the caller hears first that APPROVE is not possible at all.
  { endpoint: EVENTS, name: 'APPROVE with a future decision while drafting', caller: 'chairman', target: 'drafting', body: approve({ ...DECISION, date: '9999-12-31' }), status: 409, code: 'INVALID_TRANSITION' },

  // Versions and retries.
  { endpoint: EVENTS, name: 'If-Match of a version never reached', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: { 'If-Match': '"99"' }, status: 409, code: 'VERSION_CONFLICT' },
  { endpoint: EVENTS, name: 'If-Match W/"0"', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: { 'If-Match': 'W/"0"' }, status: 409, code: 'VERSION_CONFLICT' },
  { endpoint: EVENTS, name: 'If-Match -1', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: { 'If-Match': '-1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['If-Match'] },
  { endpoint: EVENTS, name: 'an Idempotency-Key with a space', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: { 'Idempotency-Key': 'two words' }, status: 400, code: 'VALIDATION_FAILED', fields: ['Idempotency-Key'] },
  // The suite's drafting proposal was created with this key: the same person reusing it for another request.
  { endpoint: EVENTS, name: 'an Idempotency-Key already used to create a proposal', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: { 'Idempotency-Key': 'catalogue-create' }, status: 422, code: 'IDEMPOTENCY_KEY_REUSED' },

  // Ids.
  { endpoint: EVENTS, name: 'a proposal id with no proposal', caller: 'drafter', target: 'ghost', body: { type: 'SUBMIT' }, status: 404, code: 'NOT_FOUND' },
  {
    endpoint: EVENTS,
    name: 'a proposal id that is a NUL byte',
    caller: 'drafter',
    target: 'nul',
    body: { type: 'SUBMIT' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },

  // Text the log must never hold.
  { endpoint: EVENTS, name: 'a reason holding NUL', caller: 'drafter', target: 'drafting', body: { type: 'WITHDRAW', reason: 'rút\u0000hồ sơ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'a reason holding a right-to-left override', caller: 'council', target: 'councilScreening', body: { type: 'REJECT', reason: 'Không đủ \u202Eiêu chuẩn' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'a reason holding the C1 control U+0085', caller: 'council', target: 'councilScreening', body: { type: 'REJECT', reason: 'a\u0085b' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'a reason holding a lone high surrogate (raw JSON)', caller: 'drafter', target: 'drafting', body: '{"type":"WITHDRAW","reason":"r\\ud800t"}', status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'a nominee name holding a lone low surrogate (raw JSON)', caller: 'drafter', target: 'drafting', body: '{"type":"UPDATE","changes":{"nominee":{"type":"individual","name":"\\udc00An"}}}', status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },
  { endpoint: EVENTS, name: 'a key holding NUL (raw JSON)', caller: 'drafter', target: 'drafting', body: '{"type":"SUBMIT","a\\u0000":1}', status: 400, code: 'VALIDATION_FAILED', fields: ['a\u0000'] },
  { endpoint: EVENTS, name: 'a key inside changes holding a right-to-left override', caller: 'drafter', target: 'drafting', body: update({ 'award\u202EForm': 'unit_certificate' }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.award\u202EForm'] },
  { endpoint: EVENTS, name: 'a nominee name holding a directional isolate U+2066', caller: 'drafter', target: 'drafting', body: update({ nominee: individual({ name: 'Nguyễn\u2066Văn An' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },

  // Text with nothing a reader would see.
  { endpoint: EVENTS, name: 'WITHDRAW with a reason of spaces', caller: 'drafter', target: 'drafting', body: { type: 'WITHDRAW', reason: '     ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'RETURN with a reason of zero-width spaces', caller: 'council', target: 'councilScreening', body: { type: 'RETURN', reason: '\u200B\u200B' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'REJECT with a reason of a byte-order mark', caller: 'council', target: 'councilScreening', body: { type: 'REJECT', reason: '\uFEFF' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'REJECT at the unit with a reason of tabs and spaces', caller: 'unit_head', target: 'unitDecision', body: { type: 'REJECT', reason: ' \t \t ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'REQUEST_SUPPLEMENT with a reason of Hangul fillers', caller: 'home_affairs', target: 'homeAffairsAgreement', body: { type: 'REQUEST_SUPPLEMENT', reason: '\u3164\u3164' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'REQUEST_SUPPLEMENT without a reason', caller: 'home_affairs', target: 'homeAffairsAgreement', body: { type: 'REQUEST_SUPPLEMENT' }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'SUPPLEMENT with a note of zero-width joiners', caller: 'drafter', target: 'supplementRequested', body: { type: 'SUPPLEMENT', note: '\u200D\u200D' }, status: 400, code: 'VALIDATION_FAILED', fields: ['note'] },
  { endpoint: EVENTS, name: 'a nominee name of a blank Braille pattern', caller: 'drafter', target: 'drafting', body: update({ nominee: individual({ name: '\u2800' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },
  { endpoint: EVENTS, name: 'a nominee name of combining marks alone', caller: 'drafter', target: 'drafting', body: update({ nominee: individual({ name: '\u0301\u0303' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },
  { endpoint: EVENTS, name: 'a summary of a zero-width and an ideographic space', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ summary: '\u200B\u3000' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.summary'] },
  { endpoint: EVENTS, name: 'a decision signed by a zero-width space', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, signedBy: '\u200B' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.signedBy'] },
  { endpoint: EVENTS, name: 'a decision numbered with spaces', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, number: '   ' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.number'] },

  // One line for what prints on one line.
  { endpoint: EVENTS, name: 'a nominee name with a line feed', caller: 'drafter', target: 'drafting', body: update({ nominee: individual({ name: 'Nguyễn\nVăn An' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },
  { endpoint: EVENTS, name: 'a nominee name with a line separator U+2028', caller: 'drafter', target: 'drafting', body: update({ nominee: individual({ name: 'Nguyễn\u2028Văn An' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.name'] },
  { endpoint: EVENTS, name: 'a decision number with a line feed', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, number: '1234/\nQĐ-UBND' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.number'] },
  { endpoint: EVENTS, name: 'a signer with a tab', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, signedBy: 'Chủ tịch\tUBND tỉnh' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.signedBy'] },

  // Shapes.
  { endpoint: EVENTS, name: 'a vote as an array', caller: 'council', target: 'councilScreening', body: recommend([9, 7, 2]), status: 400, code: 'VALIDATION_FAILED', fields: ['vote'] },
  { endpoint: EVENTS, name: 'a decision as an array', caller: 'chairman', target: 'chairmanDecision', body: approve([DECISION]), status: 400, code: 'VALIDATION_FAILED', fields: ['decision'] },
  { endpoint: EVENTS, name: 'AWARD_AT_UNIT with a decision as an array', caller: 'unit_head', target: 'unitCertificate', body: awardAtUnit([]), status: 400, code: 'VALIDATION_FAILED', fields: ['decision'] },
  { endpoint: EVENTS, name: 'changes as an array', caller: 'drafter', target: 'drafting', body: update([{ awardForm: 'unit_certificate' }]), status: 400, code: 'VALIDATION_FAILED', fields: ['changes'] },
  { endpoint: EVENTS, name: 'changes.nominee as an array', caller: 'drafter', target: 'drafting', body: update({ nominee: [] }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee'] },
  { endpoint: EVENTS, name: 'changes.achievement as an array', caller: 'drafter', target: 'drafting', body: update({ achievement: [] }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement'] },
  { endpoint: EVENTS, name: 'a council of 1001 members', caller: 'council', target: 'councilScreening', body: recommend({ members: 1001, for: 700, against: 2 }), status: 400, code: 'VALIDATION_FAILED', fields: ['vote.members'] },
  // 1e300 is a whole number to JavaScript: only the limit catches it.
  { endpoint: EVENTS, name: 'a council of 1e300 members', caller: 'council', target: 'councilScreening', body: recommend({ members: 1e300, for: 7, against: 2 }), status: 400, code: 'VALIDATION_FAILED', fields: ['vote.members'] },
  { endpoint: EVENTS, name: 'a council of no members', caller: 'council', target: 'councilScreening', body: recommend({ members: 0, for: 0, against: 0 }), status: 400, code: 'VALIDATION_FAILED', fields: ['vote.members'] },
  { endpoint: EVENTS, name: 'votes for of -1', caller: 'council', target: 'councilScreening', body: recommend({ members: 9, for: -1, against: 2 }), status: 400, code: 'VALIDATION_FAILED', fields: ['vote.for'] },
  { endpoint: EVENTS, name: 'votes against of 2.5', caller: 'council', target: 'councilScreening', body: recommend({ members: 9, for: 6, against: 2.5 }), status: 400, code: 'VALIDATION_FAILED', fields: ['vote.against'] },
  { endpoint: EVENTS, name: 'own participants of -1', caller: 'drafter', target: 'drafting', body: update({ nominee: collective({ ownParticipants: -1 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.ownParticipants'] },
  { endpoint: EVENTS, name: 'own participants of 2.5', caller: 'drafter', target: 'drafting', body: update({ nominee: collective({ ownParticipants: 2.5 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.ownParticipants'] },
  { endpoint: EVENTS, name: 'total participants of 1,000,001', caller: 'drafter', target: 'drafting', body: update({ nominee: collective({ totalParticipants: 1_000_001 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.nominee.totalParticipants'] },
  { endpoint: EVENTS, name: 'an unknown field inside changes.achievement', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ place: 'Hòa Bình' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.place'] },
  { endpoint: EVENTS, name: 'a reason of 2001 characters', caller: 'council', target: 'councilScreening', body: { type: 'REJECT', reason: 'x'.repeat(2001) }, status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: EVENTS, name: 'a note with SUBMIT', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT', note: 'đã đủ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['note'] },
  { endpoint: EVENTS, name: 'a JSON array as the body', caller: 'drafter', target: 'drafting', body: '[]', status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  // express's JSON parser is strict: a bare number is no JSON body at all.
  { endpoint: EVENTS, name: 'a bare number as the body', caller: 'drafter', target: 'drafting', body: '42', status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  // Only JSON is read: a form arrives as an empty body, so the event has no type.
  { endpoint: EVENTS, name: 'the event sent as a form', caller: 'drafter', target: 'drafting', form: 'type=SUBMIT', status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  { endpoint: EVENTS, name: 'JSON objects nested 5,000 deep', caller: 'drafter', target: 'drafting', body: deepObjects, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: EVENTS, name: 'JSON nested 33 deep, one past the limit', caller: 'drafter', target: 'drafting', body: '{"a":'.repeat(33) + '1' + '}'.repeat(33), status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: EVENTS, name: 'a 20 KB header', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, headers: PADDING, status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },

  // Dates against today and against the achievement (2026-04-22).
  { endpoint: EVENTS, name: 'an achievement dated tomorrow', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ date: tomorrow }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.date'] },
  { endpoint: EVENTS, name: 'an achievement 21 years back', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ date: TWENTY_ONE_YEARS_AGO }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.date'] },
  { endpoint: EVENTS, name: 'an achievement on 2025-02-29', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ date: '2025-02-29' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.date'] },
  { endpoint: EVENTS, name: 'recognized before the achievement', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ recognizedAt: '2026-04-01' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.recognizedAt'] },
  { endpoint: EVENTS, name: 'recognized tomorrow', caller: 'drafter', target: 'drafting', body: update({ achievement: achievement({ recognizedAt: tomorrow }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['changes.achievement.recognizedAt'] },
  { endpoint: EVENTS, name: 'APPROVE with a decision dated 9999-12-31', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, date: '9999-12-31' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },
  { endpoint: EVENTS, name: 'APPROVE with a decision dated tomorrow', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, date: tomorrow }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },
  { endpoint: EVENTS, name: 'APPROVE with a decision before the achievement', caller: 'chairman', target: 'chairmanDecision', body: approve({ ...DECISION, date: '2026-04-01' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },
  { endpoint: EVENTS, name: 'a unit certificate awarded with a decision dated 9999-12-31', caller: 'unit_head', target: 'unitCertificate', body: awardAtUnit({ ...DECISION, date: '9999-12-31' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },
  { endpoint: EVENTS, name: 'a unit certificate awarded before the achievement', caller: 'unit_head', target: 'unitCertificate', body: awardAtUnit({ ...DECISION, date: '2026-01-15' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },
  { endpoint: EVENTS, name: 'a unit certificate awarded on 2026-06-31', caller: 'unit_head', target: 'unitCertificate', body: awardAtUnit({ ...DECISION, date: '2026-06-31' }), status: 400, code: 'VALIDATION_FAILED', fields: ['decision.date'] },

  // null is not "left out": each of these reaches the machine and the rules as a value.
  {
    endpoint: EVENTS,
    name: 'UPDATE with changes.awardForm null',
    caller: 'drafter',
    target: 'drafting',
    body: update({ awardForm: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['changes.awardForm'],
  },
  {
    endpoint: EVENTS,
    name: 'UPDATE with changes.nominee null',
    caller: 'drafter',
    target: 'drafting',
    body: update({ nominee: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['changes.nominee'],
  },
  {
    endpoint: EVENTS,
    name: 'UPDATE with changes.achievement null',
    caller: 'drafter',
    target: 'drafting',
    body: update({ achievement: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['changes.achievement'],
  },
];

const CREATE = 'POST /api/proposals' as const;

const CREATE_CASES: BadInputCase[] = [
  { endpoint: CREATE, name: 'no token', caller: null, body: draft(), status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE, name: 'a token claiming an unknown role', caller: 'drafter', token: 'unknownRole', body: draft(), status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE, name: 'the council', caller: 'council', body: draft(), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE, name: 'the auditor', caller: 'auditor', body: draft(), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE, name: 'a drafter for another unit', caller: 'drafter', body: proposalDraft('$otherUnit', '$campaign'), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE, name: 'nominee as an array', caller: 'drafter', body: draft({ nominee: [individual({})] }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee'] },
  { endpoint: CREATE, name: 'achievement as an array', caller: 'drafter', body: draft({ achievement: [] }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement'] },
  { endpoint: CREATE, name: 'nominee null', caller: 'drafter', body: draft({ nominee: null }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee'] },
  { endpoint: CREATE, name: 'awardForm as an array', caller: 'drafter', body: draft({ awardForm: ['chairman_certificate'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['awardForm'] },
  { endpoint: CREATE, name: 'a nominee without a type', caller: 'drafter', body: draft({ nominee: { name: 'Nguyễn Văn An' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.type'] },
  { endpoint: CREATE, name: 'a nominee name with a carriage return', caller: 'drafter', body: draft({ nominee: individual({ name: 'Nguyễn Văn\rAn' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a nominee name of a Hangul filler', caller: 'drafter', body: draft({ nominee: individual({ name: '\u3164' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a nominee name of a zero-width space and a BOM', caller: 'drafter', body: draft({ nominee: individual({ name: '\u200B\uFEFF' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a nominee name that reads backwards (U+202E)', caller: 'drafter', body: draft({ nominee: individual({ name: '\u202EnnA năV nễyugN' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a nominee name of 501 characters', caller: 'drafter', body: draft({ nominee: individual({ name: 'A'.repeat(501) }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a nominee name holding a lone surrogate (raw JSON)', caller: 'drafter', body: JSON.stringify(draft()).replace('Nguyễn Văn An', '\\ud83dAn'), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.name'] },
  { endpoint: CREATE, name: 'a summary holding NUL', caller: 'drafter', body: draft({ achievement: achievement({ summary: 'Cứu người\u0000' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.summary'] },
  { endpoint: CREATE, name: 'a summary of spaces', caller: 'drafter', body: draft({ achievement: achievement({ summary: '   ' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.summary'] },
  { endpoint: CREATE, name: 'a summary of 5001 characters', caller: 'drafter', body: draft({ achievement: achievement({ summary: 's'.repeat(5001) }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.summary'] },
  { endpoint: CREATE, name: 'an achievement dated tomorrow', caller: 'drafter', body: draft({ achievement: achievement({ date: tomorrow }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.date'] },
  { endpoint: CREATE, name: 'an achievement dated 9999-12-31', caller: 'drafter', body: draft({ achievement: achievement({ date: '9999-12-31' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.date'] },
  { endpoint: CREATE, name: 'an achievement 21 years back', caller: 'drafter', body: draft({ achievement: achievement({ date: TWENTY_ONE_YEARS_AGO }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.date'] },
  { endpoint: CREATE, name: 'recognized before the achievement', caller: 'drafter', body: draft({ achievement: achievement({ recognizedAt: '2026-04-21' }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.recognizedAt'] },
  { endpoint: CREATE, name: 'recognized tomorrow', caller: 'drafter', body: draft({ achievement: achievement({ recognizedAt: tomorrow }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.recognizedAt'] },
  // Both windows broken at once: both fields named in one answer.
  { endpoint: CREATE, name: 'an achievement tomorrow recognized today', caller: 'drafter', body: draft({ achievement: achievement({ date: tomorrow, recognizedAt: today }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['achievement.date', 'achievement.recognizedAt'] },
  { endpoint: CREATE, name: 'own participants of 1,000,001', caller: 'drafter', body: draft({ nominee: collective({ ownParticipants: 1_000_001 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.ownParticipants'] },
  { endpoint: CREATE, name: 'total participants of 1e300', caller: 'drafter', body: draft({ nominee: collective({ totalParticipants: 1e300 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.totalParticipants'] },
  { endpoint: CREATE, name: 'total participants of -3', caller: 'drafter', body: draft({ nominee: collective({ totalParticipants: -3 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.totalParticipants'] },
  { endpoint: CREATE, name: 'own participants of 12.5', caller: 'drafter', body: draft({ nominee: collective({ ownParticipants: 12.5 }) }), status: 400, code: 'VALIDATION_FAILED', fields: ['nominee.ownParticipants'] },
  { endpoint: CREATE, name: 'a campaignId that is not a UUID', caller: 'drafter', body: draft({ campaignId: 'PT-2026' }), status: 400, code: 'VALIDATION_FAILED', fields: ['campaignId'] },
  { endpoint: CREATE, name: 'a thematic proposal with campaignId null', caller: 'drafter', body: draft({ campaignId: null }), status: 400, code: 'VALIDATION_FAILED', fields: ['campaignId'] },
  { endpoint: CREATE, name: 'a key holding a left-to-right embedding U+202A', caller: 'drafter', body: draft({ 'nomi\u202Anee': 'x' }), status: 400, code: 'VALIDATION_FAILED', fields: ['nomi\u202Anee'] },
  { endpoint: CREATE, name: 'an Idempotency-Key with a space', caller: 'drafter', body: draft(), headers: { 'Idempotency-Key': 'two words' }, status: 400, code: 'VALIDATION_FAILED', fields: ['Idempotency-Key'] },
  // The suite created its drafting proposal with this key and the default draft: another nominee is another request.
  { endpoint: CREATE, name: 'an Idempotency-Key reused for another nominee', caller: 'drafter', body: draft({ nominee: individual({ name: 'Trần Thị Bình' }) }), headers: { 'Idempotency-Key': 'catalogue-create' }, status: 422, code: 'IDEMPOTENCY_KEY_REUSED' },
  { endpoint: CREATE, name: 'a body over 100 KB', caller: 'drafter', body: draft({ achievement: achievement({ summary: OVERSIZED_TEXT }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { endpoint: CREATE, name: 'a 20 KB header', caller: 'drafter', body: draft(), headers: PADDING, status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
];

const LIST = 'GET /api/proposals' as const;

const LIST_CASES: BadInputCase[] = [
  { endpoint: LIST, name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: LIST, name: 'a Basic scheme instead of Bearer', caller: 'council', token: 'basicScheme', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: LIST, name: 'limit=-5', caller: 'council', query: { limit: '-5' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: LIST, name: 'limit=10000', caller: 'council', query: { limit: '10000' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: LIST, name: 'limit=2.5', caller: 'council', query: { limit: '2.5' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: LIST, name: 'limit=1e300', caller: 'council', query: { limit: '1e300' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: LIST, name: 'state=Drafting (case matters)', caller: 'council', query: { state: 'Drafting' }, status: 400, code: 'VALIDATION_FAILED', fields: ['state'] },
  { endpoint: LIST, name: 'state given twice', caller: 'council', query: 'state=drafting&state=awarded', status: 400, code: 'VALIDATION_FAILED', fields: ['state'] },
  { endpoint: LIST, name: 'late=maybe', caller: 'council', query: { late: 'maybe' }, status: 400, code: 'VALIDATION_FAILED', fields: ['late'] },
  { endpoint: LIST, name: 'inbox=1', caller: 'council', query: { inbox: '1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['inbox'] },
  { endpoint: LIST, name: 'actionable=yes', caller: 'council', query: { actionable: 'yes' }, status: 400, code: 'VALIDATION_FAILED', fields: ['actionable'] },
  { endpoint: LIST, name: 'q of 101 characters', caller: 'council', query: { q: 'a'.repeat(101) }, status: 400, code: 'VALIDATION_FAILED', fields: ['q'] },
  { endpoint: LIST, name: 'q holding a line break', caller: 'council', query: { q: 'nguyen\nvan an' }, status: 400, code: 'VALIDATION_FAILED', fields: ['q'] },
  { endpoint: LIST, name: 'q holding NUL', caller: 'council', query: { q: 'an\u0000' }, status: 400, code: 'VALIDATION_FAILED', fields: ['q'] },
  { endpoint: LIST, name: 'q given twice', caller: 'council', query: 'q=an&q=binh', status: 400, code: 'VALIDATION_FAILED', fields: ['q'] },
  { endpoint: LIST, name: 'campaignId=abc', caller: 'council', query: { campaignId: 'abc' }, status: 400, code: 'VALIDATION_FAILED', fields: ['campaignId'] },
  { endpoint: LIST, name: 'format=pdf', caller: 'council', query: { format: 'pdf' }, status: 400, code: 'VALIDATION_FAILED', fields: ['format'] },
  { endpoint: LIST, name: 'a cursor holding a right-to-left override', caller: 'council', query: { cursor: 'abc\u202Edef' }, status: 400, code: 'VALIDATION_FAILED', fields: ['cursor'] },
  { endpoint: LIST, name: 'a query name holding a right-to-left override', caller: 'council', query: 'a%E2%80%AEb=1', status: 400, code: 'VALIDATION_FAILED', fields: ['a\u202Eb'] },
  {
    endpoint: LIST,
    name: 'a cursor that decodes to text holding NUL',
    caller: 'council',
    query: { cursor: NUL_CURSOR },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['cursor'],
  },
  { endpoint: LIST, name: "a drafter listing another unit's proposals", caller: 'drafter', query: { unitId: '$otherUnit' }, status: 403, code: 'FORBIDDEN' },
];

const GET_PROPOSAL = 'GET /api/proposals/:id' as const;
const HISTORY = 'GET /api/proposals/:id/history' as const;
const REPLAY = 'GET /api/proposals/:id/replay' as const;

const READ_PROPOSAL_CASES: BadInputCase[] = [
  { endpoint: GET_PROPOSAL, name: 'no token', caller: null, target: 'drafting', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: GET_PROPOSAL, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', status: 403, code: 'FORBIDDEN' },
  { endpoint: GET_PROPOSAL, name: 'an id of 300 characters', caller: 'auditor', target: 'longId', status: 404, code: 'NOT_FOUND' },
  { endpoint: GET_PROPOSAL, name: 'an id of ../.. (encoded slash)', caller: 'auditor', target: 'dotDot', status: 404, code: 'NOT_FOUND' },
  // express cannot decode the segment and says so as a 400; the filter files it under `body`.
  { endpoint: GET_PROPOSAL, name: 'an id that is no UTF-8 (%E0%A4%A)', caller: 'auditor', target: 'badEncoding', status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  {
    endpoint: GET_PROPOSAL,
    name: 'an id that is a NUL byte',
    caller: 'auditor',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
  { endpoint: HISTORY, name: 'no token', caller: null, target: 'drafting', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: HISTORY, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', status: 403, code: 'FORBIDDEN' },
  { endpoint: HISTORY, name: 'an id of 300 characters', caller: 'auditor', target: 'longId', status: 404, code: 'NOT_FOUND' },
  { endpoint: REPLAY, name: 'the drafter (auditors and admins only)', caller: 'drafter', target: 'drafting', status: 403, code: 'FORBIDDEN' },
  { endpoint: REPLAY, name: 'a proposal id with no proposal', caller: 'auditor', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: REPLAY, name: 'seq=0', caller: 'auditor', target: 'drafting', query: { seq: '0' }, status: 400, code: 'VALIDATION_FAILED', fields: ['seq'] },
  { endpoint: REPLAY, name: 'seq=abc', caller: 'auditor', target: 'drafting', query: { seq: 'abc' }, status: 400, code: 'VALIDATION_FAILED', fields: ['seq'] },
  { endpoint: REPLAY, name: 'seq=1.5', caller: 'auditor', target: 'drafting', query: { seq: '1.5' }, status: 400, code: 'VALIDATION_FAILED', fields: ['seq'] },
  { endpoint: REPLAY, name: 'seq past the end of the log', caller: 'auditor', target: 'drafting', query: { seq: '999' }, status: 400, code: 'VALIDATION_FAILED', fields: ['seq'] },
  { endpoint: REPLAY, name: 'at=yesterday', caller: 'auditor', target: 'drafting', query: { at: 'yesterday' }, status: 400, code: 'VALIDATION_FAILED', fields: ['at'] },
  { endpoint: REPLAY, name: 'both seq and at', caller: 'auditor', target: 'drafting', query: { seq: '1', at: '2026-05-04T03:00:00Z' }, status: 400, code: 'VALIDATION_FAILED', fields: ['seq'] },
  { endpoint: REPLAY, name: 'an unknown parameter', caller: 'auditor', target: 'drafting', query: { upto: '1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['upto'] },
];

const UPLOAD = 'POST /api/proposals/:id/documents' as const;
const DOCUMENTS = 'GET /api/proposals/:id/documents' as const;
const DOCUMENT = 'GET /api/proposals/:id/documents/:documentId' as const;
const REMOVE_DOCUMENT = 'DELETE /api/proposals/:id/documents/:documentId' as const;

const DOCUMENT_CASES: BadInputCase[] = [
  { endpoint: UPLOAD, name: 'no token', caller: null, target: 'drafting', upload: { kind: 'khac', file: 'pdf' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: UPLOAD, name: 'an unknown kind', caller: 'drafter', target: 'drafting', upload: { kind: 'selfie', file: 'pdf' }, status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: UPLOAD, name: 'an unknown kind in the query', caller: 'drafter', target: 'drafting', query: { kind: 'ho_chieu' }, upload: { file: 'pdf' }, status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: UPLOAD, name: 'no kind at all', caller: 'drafter', target: 'drafting', upload: { file: 'pdf' }, status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: UPLOAD, name: 'JSON instead of multipart', caller: 'drafter', target: 'drafting', body: { kind: 'khac' }, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: UPLOAD, name: 'a kind and no file', caller: 'drafter', target: 'drafting', upload: { kind: 'khac' }, status: 400, code: 'VALIDATION_FAILED', fields: ['file'] },
  { endpoint: UPLOAD, name: 'two files', caller: 'drafter', target: 'drafting', upload: { kind: 'khac', file: 'pdf', twice: true }, status: 400, code: 'VALIDATION_FAILED', fields: ['file'] },
  { endpoint: UPLOAD, name: 'plain text named .pdf', caller: 'drafter', target: 'drafting', upload: { kind: 'bao_cao_thanh_tich', file: 'text' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { endpoint: UPLOAD, name: 'a Linux executable named .pdf', caller: 'drafter', target: 'drafting', upload: { kind: 'khac', file: 'elf' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { endpoint: UPLOAD, name: 'a proposal id with no proposal', caller: 'drafter', target: 'ghost', upload: { kind: 'khac', file: 'pdf' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: UPLOAD, name: 'the auditor', caller: 'auditor', target: 'drafting', upload: { kind: 'khac', file: 'pdf' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: UPLOAD, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', upload: { kind: 'khac', file: 'pdf' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: UPLOAD, name: 'the decision scan while drafting', caller: 'drafter', target: 'drafting', upload: { kind: 'quyet_dinh', file: 'pdf' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: UPLOAD, name: "the council's minutes while the unit drafts", caller: 'council', target: 'drafting', upload: { kind: 'bien_ban_hoi_dong', file: 'pdf' }, status: 409, code: 'INVALID_TRANSITION' },
  { endpoint: UPLOAD, name: 'anything once awarded', caller: 'drafter', target: 'awarded', upload: { kind: 'khac', file: 'pdf' }, status: 409, code: 'INVALID_TRANSITION' },
  { endpoint: DOCUMENTS, name: 'a proposal id with no proposal', caller: 'auditor', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: DOCUMENTS, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', status: 403, code: 'FORBIDDEN' },
  { endpoint: DOCUMENT, name: 'a document id with no document', caller: 'auditor', target: 'drafting', params: { documentId: 'ghost' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: DOCUMENT, name: 'a document id that is not a UUID', caller: 'drafter', target: 'drafting', params: { documentId: 'notAUuid' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: REMOVE_DOCUMENT, name: 'a document id with no document', caller: 'drafter', target: 'drafting', params: { documentId: 'ghost' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: REMOVE_DOCUMENT, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', params: { documentId: 'ghost' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: REMOVE_DOCUMENT, name: 'the auditor', caller: 'auditor', target: 'drafting', params: { documentId: 'ghost' }, status: 403, code: 'FORBIDDEN' },

  // Where documents are required (HS-1 … HS-3): a step without its document is a rule violation, not a 400.
  { endpoint: EVENTS, name: 'SUBMIT without the achievement report (HS-1)', caller: 'drafter', target: 'drafting', body: { type: 'SUBMIT' }, status: 422, code: 'RULE_VIOLATION', documentsRequired: true },
  { endpoint: EVENTS, name: "FORWARD without the unit's submission", caller: 'unit_head', target: 'unitDecision', body: { type: 'FORWARD' }, status: 422, code: 'RULE_VIOLATION', documentsRequired: true },
  { endpoint: EVENTS, name: "RECOMMEND without the council's minutes", caller: 'council', target: 'councilScreening', body: recommend(VOTE), status: 422, code: 'RULE_VIOLATION', documentsRequired: true },
  { endpoint: REMOVE_DOCUMENT, name: 'a document of a submitted dossier', caller: 'drafter', target: 'unitDecision', params: { documentId: 'unitDecisionReport' }, status: 409, code: 'INVALID_TRANSITION', documentsRequired: true },
  { endpoint: REMOVE_DOCUMENT, name: 'a document named under another proposal', caller: 'drafter', target: 'drafting', params: { documentId: 'unitDecisionReport' }, status: 404, code: 'NOT_FOUND', documentsRequired: true },
  { endpoint: DOCUMENT, name: 'a document named under another proposal', caller: 'auditor', target: 'councilScreening', params: { documentId: 'unitDecisionReport' }, status: 404, code: 'NOT_FOUND', documentsRequired: true },
  { endpoint: DOCUMENT, name: 'a document of another unit', caller: 'other_drafter', target: 'unitDecision', params: { documentId: 'unitDecisionReport' }, status: 403, code: 'FORBIDDEN', documentsRequired: true },
];

const PROPOSAL_FORM = 'GET /api/proposals/:id/forms/:form' as const;
const CAMPAIGN_FORM = 'GET /api/campaigns/:id/forms/quyet-dinh' as const;

const FORM_CASES: BadInputCase[] = [
  { endpoint: PROPOSAL_FORM, name: 'an unknown form', caller: 'drafter', target: 'drafting', params: { form: 'giay-chung-nhan' }, status: 400, code: 'VALIDATION_FAILED', fields: ['form'] },
  { endpoint: PROPOSAL_FORM, name: 'format=odt', caller: 'drafter', target: 'drafting', params: { form: 'to-trinh' }, query: { format: 'odt' }, status: 400, code: 'VALIDATION_FAILED', fields: ['format'] },
  { endpoint: PROPOSAL_FORM, name: 'the decision while drafting', caller: 'drafter', target: 'drafting', params: { form: 'quyet-dinh' }, status: 409, code: 'FORM_NOT_READY' },
  { endpoint: PROPOSAL_FORM, name: 'the certificate before APPROVE', caller: 'chairman', target: 'chairmanDecision', params: { form: 'bang-khen' }, status: 409, code: 'FORM_NOT_READY' },
  { endpoint: PROPOSAL_FORM, name: 'a proposal id with no proposal', caller: 'auditor', target: 'ghost', params: { form: 'to-trinh' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: PROPOSAL_FORM, name: 'a drafter of another unit', caller: 'other_drafter', target: 'drafting', params: { form: 'to-trinh' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CAMPAIGN_FORM, name: 'a campaign id with no campaign', caller: 'home_affairs', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: CAMPAIGN_FORM, name: 'a drafter (provincial roles only)', caller: 'drafter', target: 'campaign', status: 403, code: 'FORBIDDEN' },
  { endpoint: CAMPAIGN_FORM, name: 'format=odt', caller: 'home_affairs', target: 'campaign', query: { format: 'odt' }, status: 400, code: 'VALIDATION_FAILED', fields: ['format'] },
  { endpoint: CAMPAIGN_FORM, name: 'a decision number nobody was approved under', caller: 'home_affairs', target: 'campaign', query: { decision: '9/QĐ-KHONG' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: CAMPAIGN_FORM, name: 'a campaign with nothing approved yet', caller: 'home_affairs', target: 'emptyCampaign', status: 409, code: 'FORM_NOT_READY' },
];

const CREATE_CAMPAIGN = 'POST /api/campaigns' as const;
const UNKNOWN_UNIT = '5e0f3a2b-7c4d-4e1f-9a8b-6c5d4e3f2a1b';

const CAMPAIGN_CASES: BadInputCase[] = [
  { endpoint: CREATE_CAMPAIGN, name: 'no token', caller: null, body: campaign(), status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE_CAMPAIGN, name: 'a drafter', caller: 'drafter', body: campaign(), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_CAMPAIGN, name: 'the council', caller: 'council', body: campaign(), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_CAMPAIGN, name: 'the auditor', caller: 'auditor', body: campaign(), status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_CAMPAIGN, name: 'no guidance', caller: 'home_affairs', body: withoutKey(campaign(), 'guidance'), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance'] },
  { endpoint: CREATE_CAMPAIGN, name: 'guidance null', caller: 'home_affairs', body: campaign({ guidance: null }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance'] },
  { endpoint: CREATE_CAMPAIGN, name: 'guidance as an array', caller: 'home_affairs', body: campaign({ guidance: [GUIDANCE] }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance'] },
  { endpoint: CREATE_CAMPAIGN, name: 'plan as an array', caller: 'home_affairs', body: campaign({ plan: ['45/KH-UBND', '2025-01-15'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['plan'] },
  { endpoint: CREATE_CAMPAIGN, name: 'achievementPeriod as an array', caller: 'home_affairs', body: guidance({ achievementPeriod: ['2025-01-01', '2026-12-31'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.achievementPeriod'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a title with a line feed', caller: 'home_affairs', body: campaign({ title: 'Phong trào\nthi đua' }), status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a title of zero-width spaces', caller: 'home_affairs', body: campaign({ title: '\u200B\u200B\u200B' }), status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_CAMPAIGN, name: 'an empty title', caller: 'home_affairs', body: campaign({ title: '' }), status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a title holding a pop-directional-formatting U+202C', caller: 'home_affairs', body: campaign({ title: 'Phong trào\u202C 2026' }), status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a title holding a lone surrogate (raw JSON)', caller: 'home_affairs', body: JSON.stringify(campaign({ title: 'TITLE' })).replace('TITLE', 'Thi \\udfff đua'), status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a plan ref with a line feed', caller: 'home_affairs', body: campaign({ plan: { ref: '45/KH\n-UBND', issuedAt: '2025-01-15' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['plan.ref'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a plan ref of spaces', caller: 'home_affairs', body: campaign({ plan: { ref: '   ', issuedAt: '2025-01-15' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['plan.ref'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a guidance ref of a byte-order mark', caller: 'home_affairs', body: guidance({ ref: '\uFEFF' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.ref'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a guidance scope of one space', caller: 'home_affairs', body: guidance({ scope: ' ' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.scope'] },
  { endpoint: CREATE_CAMPAIGN, name: 'guidance subjects of Hangul fillers', caller: 'home_affairs', body: guidance({ subjects: '\u3164\uFFA0' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.subjects'] },
  { endpoint: CREATE_CAMPAIGN, name: 'guidance criteria holding a NUL', caller: 'home_affairs', body: guidance({ criteria: 'Hoàn thành\u0000xuất sắc' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.criteria'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a key inside guidance holding an escape character', caller: 'home_affairs', body: guidance({ 'no\u001Bte': 'x' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.no\u001Bte'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a quota of 1,000,001', caller: 'home_affairs', body: guidance({ quota: { chairman_certificate: 1_000_001 } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.quota'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a quota of 1e300', caller: 'home_affairs', body: guidance({ quota: { unit_certificate: 1e300 } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.quota'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a quota as an array', caller: 'home_affairs', body: guidance({ quota: [20] }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.quota'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a unit quota keyed by a unit code', caller: 'home_affairs', body: guidance({ unitQuota: { 'SO-GDDT': { unit_certificate: 3 } } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.unitQuota'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a unit quota for a UUID that is no unit', caller: 'home_affairs', body: guidance({ unitQuota: { [UNKNOWN_UNIT]: { unit_certificate: 3 } } }), status: 400, code: 'VALIDATION_FAILED', fields: [`guidance.unitQuota.${UNKNOWN_UNIT}`] },
  { endpoint: CREATE_CAMPAIGN, name: 'a unit quota of -1 for a real unit', caller: 'home_affairs', body: guidance({ unitQuota: { $unit: { unit_certificate: -1 } } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.unitQuota'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a steering member cap of 1001', caller: 'home_affairs', body: guidance({ steeringMemberCap: 1001 }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.steeringMemberCap'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a steering member cap of 2.5', caller: 'home_affairs', body: guidance({ steeringMemberCap: 2.5 }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.steeringMemberCap'] },
  { endpoint: CREATE_CAMPAIGN, name: 'no award forms', caller: 'home_affairs', body: guidance({ awardForms: [] }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.awardForms'] },
  { endpoint: CREATE_CAMPAIGN, name: 'an unknown award form', caller: 'home_affairs', body: guidance({ awardForms: ['huan_chuong'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.awardForms'] },
  { endpoint: CREATE_CAMPAIGN, name: 'award forms as one string', caller: 'home_affairs', body: guidance({ awardForms: 'unit_certificate' }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.awardForms'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a ceremony yesterday', caller: 'home_affairs', body: campaign({ ceremonyDate: daysFromToday(-1) }), status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a ceremony 11 years ahead', caller: 'home_affairs', body: campaign({ ceremonyDate: ELEVEN_YEARS_AHEAD }), status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a ceremony on 2027-02-29', caller: 'home_affairs', body: campaign({ ceremonyDate: '2027-02-29' }), status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  // A plan issued tomorrow also puts the launch (2025-02-01) before its plan: both are named.
  { endpoint: CREATE_CAMPAIGN, name: 'a plan issued tomorrow', caller: 'home_affairs', body: campaign({ plan: { ref: '45/KH-UBND', issuedAt: tomorrow } }), status: 400, code: 'VALIDATION_FAILED', fields: ['plan.issuedAt', 'launchedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a plan issued 21 years back', caller: 'home_affairs', body: campaign({ plan: { ref: '45/KH-UBND', issuedAt: TWENTY_ONE_YEARS_AGO } }), status: 400, code: 'VALIDATION_FAILED', fields: ['plan.issuedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'guidance issued tomorrow', caller: 'home_affairs', body: guidance({ issuedAt: tomorrow }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.issuedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'launched before the plan', caller: 'home_affairs', body: campaign({ launchedAt: '2025-01-14' }), status: 400, code: 'VALIDATION_FAILED', fields: ['launchedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'launched after the ceremony', caller: 'home_affairs', body: campaign({ launchedAt: daysFromToday(61) }), status: 400, code: 'VALIDATION_FAILED', fields: ['launchedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'launched 11 years ahead (no ceremony)', caller: 'home_affairs', body: withoutKey(campaign({ launchedAt: ELEVEN_YEARS_AHEAD }), 'ceremonyDate'), status: 400, code: 'VALIDATION_FAILED', fields: ['launchedAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a final review after the ceremony', caller: 'home_affairs', body: campaign({ finalReviewAt: daysFromToday(61) }), status: 400, code: 'VALIDATION_FAILED', fields: ['finalReviewAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a final review 21 years back', caller: 'home_affairs', body: campaign({ finalReviewAt: TWENTY_ONE_YEARS_AGO }), status: 400, code: 'VALIDATION_FAILED', fields: ['finalReviewAt'] },
  { endpoint: CREATE_CAMPAIGN, name: 'an achievement period running backwards', caller: 'home_affairs', body: guidance({ achievementPeriod: { from: '2026-12-31', to: '2025-01-01' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.achievementPeriod.from'] },
  { endpoint: CREATE_CAMPAIGN, name: 'an achievement period from 21 years back', caller: 'home_affairs', body: guidance({ achievementPeriod: { from: TWENTY_ONE_YEARS_AGO, to: '2026-12-31' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.achievementPeriod.from'] },
  { endpoint: CREATE_CAMPAIGN, name: 'an achievement period to 2026-02-30', caller: 'home_affairs', body: guidance({ achievementPeriod: { from: '2025-01-01', to: '2026-02-30' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['guidance.achievementPeriod.to'] },
  { endpoint: CREATE_CAMPAIGN, name: 'malformed JSON', caller: 'home_affairs', body: '{"title": "Phong trào", "round": campaign}', status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: CREATE_CAMPAIGN, name: 'JSON objects nested 5,000 deep', caller: 'home_affairs', body: deepObjects, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: CREATE_CAMPAIGN, name: 'a body over 100 KB', caller: 'home_affairs', body: campaign({ title: OVERSIZED_TEXT }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
];

const MOVE = 'PATCH /api/campaigns/:id' as const;
const GET_CAMPAIGN = 'GET /api/campaigns/:id' as const;
const QUOTA = 'GET /api/campaigns/:id/quota' as const;
const IN_60_DAYS = daysFromToday(60);

const MOVE_CASES: BadInputCase[] = [
  { endpoint: MOVE, name: 'no token', caller: null, target: 'campaign', body: { ceremonyDate: IN_60_DAYS }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: MOVE, name: 'a drafter', caller: 'drafter', target: 'campaign', body: { ceremonyDate: IN_60_DAYS }, status: 403, code: 'FORBIDDEN' },
  { endpoint: MOVE, name: 'the auditor', caller: 'auditor', target: 'campaign', body: { ceremonyDate: IN_60_DAYS }, status: 403, code: 'FORBIDDEN' },
  { endpoint: MOVE, name: 'a campaign id with no campaign', caller: 'home_affairs', target: 'ghost', body: { ceremonyDate: IN_60_DAYS }, status: 404, code: 'NOT_FOUND' },
  { endpoint: MOVE, name: 'a campaign id that is not a UUID', caller: 'home_affairs', target: 'notAUuid', body: { ceremonyDate: IN_60_DAYS }, status: 404, code: 'NOT_FOUND' },
  { endpoint: MOVE, name: 'a ceremony yesterday', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: daysFromToday(-1) }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'a ceremony 11 years ahead', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: ELEVEN_YEARS_AHEAD }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'a ceremony on 2027-02-30', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: '2027-02-30' }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'no ceremonyDate', caller: 'home_affairs', target: 'campaign', body: { confirm: true }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'ceremonyDate null', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: null }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'a ceremony date holding a right-to-left override', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: `\u202E${IN_60_DAYS}` }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremonyDate'] },
  { endpoint: MOVE, name: 'confirm: "yes"', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: daysFromToday(3), confirm: 'yes' }, status: 400, code: 'VALIDATION_FAILED', fields: ['confirm'] },
  { endpoint: MOVE, name: 'confirm: 1', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: daysFromToday(3), confirm: 1 }, status: 400, code: 'VALIDATION_FAILED', fields: ['confirm'] },
  { endpoint: MOVE, name: 'a title beside the date (only the ceremony moves)', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: IN_60_DAYS, title: 'Đổi tên' }, status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  // The campaign has proposals in drafting and unitDecision: 15 working days before either day has passed.
  { endpoint: MOVE, name: 'three days ahead while dossiers are open, unconfirmed', caller: 'home_affairs', target: 'campaign', body: { ceremonyDate: daysFromToday(3) }, status: 409, code: 'CONFIRMATION_REQUIRED' },
  { endpoint: MOVE, name: 'today while dossiers are open, unconfirmed', caller: 'admin', target: 'campaign', body: { ceremonyDate: today }, status: 409, code: 'CONFIRMATION_REQUIRED' },
  { endpoint: MOVE, name: 'JSON arrays nested 5,000 deep', caller: 'home_affairs', target: 'campaign', body: deepArrays, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: GET_CAMPAIGN, name: 'no token', caller: null, target: 'campaign', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: GET_CAMPAIGN, name: 'a campaign id with no campaign', caller: 'drafter', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  {
    endpoint: GET_CAMPAIGN,
    name: 'a campaign id that is a NUL byte',
    caller: 'drafter',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
  { endpoint: QUOTA, name: 'a campaign id with no campaign', caller: 'home_affairs', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: QUOTA, name: 'an id of 300 characters', caller: 'home_affairs', target: 'longId', status: 404, code: 'NOT_FOUND' },
];

const CREATE_UNIT = 'POST /api/units' as const;
const GET_UNIT = 'GET /api/units/:id' as const;
const UNIT_CHANGE = 'POST /api/units/:id/changes' as const;
const CREATE_CLUSTER = 'POST /api/clusters' as const;
const unitChange = (fields: Record<string, unknown>) => ({ from: '2025-07-01', document: { ref: '1678/NQ-UBTVQH15', issuedAt: '2025-06-16' }, ...fields });

const UNIT_CASES: BadInputCase[] = [
  { endpoint: CREATE_UNIT, name: 'no token', caller: null, body: { code: 'SO-NV', name: 'Sở Nội vụ' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE_UNIT, name: 'an expired admin token', caller: 'admin', token: 'expired', body: { code: 'SO-NV', name: 'Sở Nội vụ' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE_UNIT, name: 'a drafter', caller: 'drafter', body: { code: 'SO-NV', name: 'Sở Nội vụ' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_UNIT, name: 'the auditor', caller: 'auditor', body: { code: 'SO-NV', name: 'Sở Nội vụ' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_UNIT, name: 'a code with Vietnamese letters', caller: 'admin', body: { code: 'SỞ-NV', name: 'Sở Nội vụ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['code'] },
  { endpoint: CREATE_UNIT, name: 'a code of 65 characters', caller: 'admin', body: { code: 'A'.repeat(65), name: 'Sở Nội vụ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['code'] },
  { endpoint: CREATE_UNIT, name: 'a code as a number', caller: 'admin', body: { code: 123, name: 'Sở Nội vụ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['code'] },
  { endpoint: CREATE_UNIT, name: 'an empty code', caller: 'admin', body: { code: '', name: 'Sở Nội vụ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['code'] },
  { endpoint: CREATE_UNIT, name: 'a name with a line feed', caller: 'admin', body: { code: 'SO-NV', name: 'Sở\nNội vụ' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'a name holding NUL', caller: 'admin', body: { code: 'SO-NV', name: 'Sở Nội vụ\u0000' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'a name of a Hangul filler', caller: 'admin', body: { code: 'SO-NV', name: '\u3164' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'a name of zero-width spaces', caller: 'admin', body: { code: 'SO-NV', name: '\u200B\u200B' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'a name of no-break spaces', caller: 'admin', body: { code: 'SO-NV', name: '\u00A0\u00A0' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'a name of 501 characters', caller: 'admin', body: { code: 'SO-NV', name: 'S'.repeat(501) }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'no name', caller: 'admin', body: { code: 'SO-NV' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_UNIT, name: 'an unknown field', caller: 'admin', body: { code: 'SO-NV', name: 'Sở Nội vụ', parent: 'UBND' }, status: 400, code: 'VALIDATION_FAILED', fields: ['parent'] },
  { endpoint: CREATE_UNIT, name: 'a JSON array as the body', caller: 'admin', body: '[]', status: 400, code: 'VALIDATION_FAILED', fields: ['code', 'name'] },
  { endpoint: CREATE_UNIT, name: "the second unit's code again", caller: 'admin', body: { code: '$otherUnitCode', name: 'Đơn vị trùng mã' }, status: 409, code: 'DUPLICATE' },
  { endpoint: CREATE_UNIT, name: 'JSON arrays nested 5,000 deep', caller: 'admin', body: deepArrays, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: CREATE_UNIT, name: 'a body over 100 KB', caller: 'admin', body: { code: 'SO-NV', name: OVERSIZED_TEXT }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { endpoint: GET_UNIT, name: 'no token', caller: null, target: 'unit', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: GET_UNIT, name: 'a unit id with no unit', caller: 'drafter', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: GET_UNIT, name: 'a unit id that is not a UUID', caller: 'drafter', target: 'notAUuid', status: 404, code: 'NOT_FOUND' },
  {
    endpoint: GET_UNIT,
    name: 'a unit id that is a NUL byte',
    caller: 'drafter',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
  { endpoint: GET_UNIT, name: 'a unit id that is no UTF-8 (%E0%A4%A)', caller: 'drafter', target: 'badEncoding', status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: 'GET /api/units', name: 'a 20 KB header', caller: 'drafter', headers: PADDING, status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
  // Types, clusters and history (docs/units.md).
  { endpoint: CREATE_UNIT, name: 'a type that is not one (huyen)', caller: 'admin', body: { code: 'XA-1', name: 'Xã Một', type: 'huyen' }, status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  { endpoint: CREATE_UNIT, name: 'a clusterId that is not a UUID', caller: 'admin', body: { code: 'XA-1', name: 'Xã Một', clusterId: 'cum-1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['clusterId'] },
  { endpoint: CREATE_UNIT, name: 'a clusterId with no cluster', caller: 'admin', body: { code: 'XA-1', name: 'Xã Một', clusterId: GHOST }, status: 404, code: 'NOT_FOUND' },
  { endpoint: UNIT_CHANGE, name: 'no token', caller: null, target: 'unit', body: unitChange({ kind: 'dissolved' }), status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: UNIT_CHANGE, name: 'a drafter', caller: 'drafter', target: 'unit', body: unitChange({ kind: 'dissolved' }), status: 403, code: 'FORBIDDEN' },
  { endpoint: UNIT_CHANGE, name: 'home affairs', caller: 'home_affairs', target: 'unit', body: unitChange({ kind: 'dissolved' }), status: 403, code: 'FORBIDDEN' },
  { endpoint: UNIT_CHANGE, name: 'the auditor', caller: 'auditor', target: 'unit', body: unitChange({ kind: 'dissolved' }), status: 403, code: 'FORBIDDEN' },
  { endpoint: UNIT_CHANGE, name: 'a unit id with no unit', caller: 'admin', target: 'ghost', body: unitChange({ kind: 'dissolved' }), status: 404, code: 'NOT_FOUND' },
  { endpoint: UNIT_CHANGE, name: 'a kind that is not one (split)', caller: 'admin', target: 'unit', body: unitChange({ kind: 'split' }), status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: UNIT_CHANGE, name: 'from 30 February', caller: 'admin', target: 'unit', body: unitChange({ kind: 'dissolved', from: '2025-02-30' }), status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: UNIT_CHANGE, name: 'no document', caller: 'admin', target: 'unit', body: withoutKey(unitChange({ kind: 'dissolved' }), 'document'), status: 400, code: 'VALIDATION_FAILED', fields: ['document'] },
  { endpoint: UNIT_CHANGE, name: 'a document ref with a line feed', caller: 'admin', target: 'unit', body: unitChange({ kind: 'dissolved', document: { ref: '1678/NQ\n-UBTVQH15', issuedAt: '2025-06-16' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['document.ref'] },
  { endpoint: UNIT_CHANGE, name: 'a document issued tomorrow', caller: 'admin', target: 'unit', body: unitChange({ kind: 'dissolved', document: { ref: '1/NQ', issuedAt: tomorrow } }), status: 400, code: 'VALIDATION_FAILED', fields: ['document.issuedAt'] },
  { endpoint: UNIT_CHANGE, name: 'effective eleven years ahead', caller: 'admin', target: 'unit', body: unitChange({ kind: 'dissolved', from: ELEVEN_YEARS_AHEAD }), status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: UNIT_CHANGE, name: 'merged into itself', caller: 'admin', target: 'unit', body: unitChange({ kind: 'merged_into', successorId: '$unit' }), status: 400, code: 'VALIDATION_FAILED', fields: ['successorId'] },
  { endpoint: UNIT_CHANGE, name: 'merged into a unit that is not there', caller: 'admin', target: 'unit', body: unitChange({ kind: 'merged_into', successorId: GHOST }), status: 400, code: 'VALIDATION_FAILED', fields: ['successorId'] },
  { endpoint: UNIT_CHANGE, name: 'merged into no unit', caller: 'admin', target: 'unit', body: unitChange({ kind: 'merged_into' }), status: 400, code: 'VALIDATION_FAILED', fields: ['successorId'] },
  { endpoint: UNIT_CHANGE, name: 'a successorId that is not a UUID', caller: 'admin', target: 'unit', body: unitChange({ kind: 'merged_into', successorId: 'xa-1' }), status: 400, code: 'VALIDATION_FAILED', fields: ['successorId'] },
  { endpoint: UNIT_CHANGE, name: 'a rename that also merges', caller: 'admin', target: 'unit', body: unitChange({ kind: 'renamed', name: 'Xã Mới', successorId: '$otherUnit' }), status: 400, code: 'VALIDATION_FAILED', fields: ['successorId'] },
  { endpoint: UNIT_CHANGE, name: 'a rename without a name', caller: 'admin', target: 'unit', body: unitChange({ kind: 'renamed' }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: UNIT_CHANGE, name: 'a rename to a name of spaces', caller: 'admin', target: 'unit', body: unitChange({ kind: 'renamed', name: '   ' }), status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: UNIT_CHANGE, name: 'a type that is not one', caller: 'admin', target: 'unit', body: unitChange({ kind: 'type_changed', type: 'tinh' }), status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  { endpoint: UNIT_CHANGE, name: 'a cluster with no cluster', caller: 'admin', target: 'unit', body: unitChange({ kind: 'cluster_changed', clusterId: GHOST }), status: 400, code: 'VALIDATION_FAILED', fields: ['clusterId'] },
  { endpoint: UNIT_CHANGE, name: 'a clusterId as a number', caller: 'admin', target: 'unit', body: unitChange({ kind: 'cluster_changed', clusterId: 7 }), status: 400, code: 'VALIDATION_FAILED', fields: ['clusterId'] },
  { endpoint: UNIT_CHANGE, name: 'an unknown field', caller: 'admin', target: 'unit', body: unitChange({ kind: 'dissolved', reason: 'sáp xếp' }), status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] },
  { endpoint: UNIT_CHANGE, name: 'JSON arrays nested 5,000 deep', caller: 'admin', target: 'unit', body: deepArrays, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: CREATE_CLUSTER, name: 'no token', caller: null, body: { name: 'Cụm thi đua số 1', kind: 'cum' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE_CLUSTER, name: 'a drafter', caller: 'drafter', body: { name: 'Cụm thi đua số 1', kind: 'cum' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_CLUSTER, name: 'the auditor', caller: 'auditor', body: { name: 'Cụm thi đua số 1', kind: 'cum' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_CLUSTER, name: 'a kind that is not one (nhom)', caller: 'admin', body: { name: 'Cụm thi đua số 1', kind: 'nhom' }, status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: CREATE_CLUSTER, name: 'no kind', caller: 'admin', body: { name: 'Cụm thi đua số 1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: CREATE_CLUSTER, name: 'no name', caller: 'admin', body: { kind: 'cum' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_CLUSTER, name: 'a name with a line feed', caller: 'admin', body: { name: 'Cụm thi đua\nsố 1', kind: 'cum' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_CLUSTER, name: 'a name of 501 characters', caller: 'admin', body: { name: 'C'.repeat(501), kind: 'cum' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_CLUSTER, name: 'an unknown field', caller: 'admin', body: { name: 'Cụm thi đua số 1', kind: 'cum', units: [] }, status: 400, code: 'VALIDATION_FAILED', fields: ['units'] },
  { endpoint: 'GET /api/clusters', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
];

const REGISTER_WEBHOOK = 'POST /api/webhooks' as const;

const WEBHOOK_CASES: BadInputCase[] = [
  { endpoint: REGISTER_WEBHOOK, name: 'no token', caller: null, body: WEBHOOK, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: REGISTER_WEBHOOK, name: 'home affairs', caller: 'home_affairs', body: WEBHOOK, status: 403, code: 'FORBIDDEN' },
  { endpoint: REGISTER_WEBHOOK, name: 'the auditor', caller: 'auditor', body: WEBHOOK, status: 403, code: 'FORBIDDEN' },
  { endpoint: REGISTER_WEBHOOK, name: 'a secret of 20 spaces', caller: 'admin', body: webhook({ secret: ' '.repeat(20) }), status: 400, code: 'VALIDATION_FAILED', fields: ['secret'] },
  { endpoint: REGISTER_WEBHOOK, name: 'an ftp:// url', caller: 'admin', body: webhook({ url: 'ftp://hooks.example.vn/x' }), status: 400, code: 'VALIDATION_FAILED', fields: ['url'] },
  { endpoint: REGISTER_WEBHOOK, name: 'a javascript: url', caller: 'admin', body: webhook({ url: 'javascript:alert(1)' }), status: 400, code: 'VALIDATION_FAILED', fields: ['url'] },
  { endpoint: REGISTER_WEBHOOK, name: 'a url without a scheme', caller: 'admin', body: webhook({ url: 'hooks.example.vn/x' }), status: 400, code: 'VALIDATION_FAILED', fields: ['url'] },
  { endpoint: REGISTER_WEBHOOK, name: 'a url holding a right-to-left override', caller: 'admin', body: webhook({ url: 'https://hooks.example.vn/\u202Egpj.exe' }), status: 400, code: 'VALIDATION_FAILED', fields: ['url'] },
  { endpoint: REGISTER_WEBHOOK, name: 'no url', caller: 'admin', body: withoutKey(WEBHOOK, 'url'), status: 400, code: 'VALIDATION_FAILED', fields: ['url'] },
  { endpoint: REGISTER_WEBHOOK, name: 'a secret of 15 characters', caller: 'admin', body: webhook({ secret: 's'.repeat(15) }), status: 400, code: 'VALIDATION_FAILED', fields: ['secret'] },
  { endpoint: REGISTER_WEBHOOK, name: 'a secret as a number', caller: 'admin', body: webhook({ secret: 12345678901234567890 }), status: 400, code: 'VALIDATION_FAILED', fields: ['secret'] },
  { endpoint: REGISTER_WEBHOOK, name: 'no events', caller: 'admin', body: webhook({ events: [] }), status: 400, code: 'VALIDATION_FAILED', fields: ['events'] },
  { endpoint: REGISTER_WEBHOOK, name: 'an unknown event', caller: 'admin', body: webhook({ events: ['DEADLINE_SOON'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['events'] },
  { endpoint: REGISTER_WEBHOOK, name: 'an event twice', caller: 'admin', body: webhook({ events: ['ESCALATE', 'ESCALATE'] }), status: 400, code: 'VALIDATION_FAILED', fields: ['events'] },
  { endpoint: REGISTER_WEBHOOK, name: 'events as one string', caller: 'admin', body: webhook({ events: 'ESCALATE' }), status: 400, code: 'VALIDATION_FAILED', fields: ['events'] },
  { endpoint: REGISTER_WEBHOOK, name: 'an unknown field', caller: 'admin', body: webhook({ retries: 5 }), status: 400, code: 'VALIDATION_FAILED', fields: ['retries'] },
  { endpoint: REGISTER_WEBHOOK, name: 'JSON arrays nested 5,000 deep', caller: 'admin', body: deepArrays, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  { endpoint: 'GET /api/webhooks', name: 'home affairs', caller: 'home_affairs', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'DELETE /api/webhooks/:id', name: 'a webhook id with no webhook', caller: 'admin', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: 'DELETE /api/webhooks/:id', name: 'a drafter', caller: 'drafter', target: 'ghost', status: 403, code: 'FORBIDDEN' },
  {
    endpoint: 'DELETE /api/webhooks/:id',
    name: 'a webhook id that is a NUL byte',
    caller: 'admin',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
  { endpoint: 'GET /api/webhooks/:id/deliveries', name: 'a webhook id with no webhook', caller: 'admin', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: 'GET /api/webhooks/:id/deliveries', name: 'limit=0', caller: 'admin', target: 'ghost', query: { limit: '0' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: 'GET /api/webhooks/:id/deliveries', name: 'limit=501', caller: 'admin', target: 'ghost', query: { limit: '501' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
];

const NOTICES = 'GET /api/notifications' as const;
const READ_NOTICE = 'POST /api/notifications/:id/read' as const;

const NOTIFICATION_CASES: BadInputCase[] = [
  { endpoint: NOTICES, name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: NOTICES, name: 'limit=0', caller: 'drafter', query: { limit: '0' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: NOTICES, name: 'limit=201', caller: 'drafter', query: { limit: '201' }, status: 400, code: 'VALIDATION_FAILED', fields: ['limit'] },
  { endpoint: NOTICES, name: 'a cursor this server never handed out', caller: 'drafter', query: { cursor: 'garbage' }, status: 400, code: 'VALIDATION_FAILED', fields: ['cursor'] },
  {
    endpoint: NOTICES,
    name: 'a cursor that decodes to text holding NUL',
    caller: 'drafter',
    query: { cursor: NUL_CURSOR },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['cursor'],
  },
  { endpoint: NOTICES, name: 'an unknown parameter', caller: 'drafter', query: { unread: 'true' }, status: 400, code: 'VALIDATION_FAILED', fields: ['unread'] },
  { endpoint: 'GET /api/notifications/unread-count', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'GET /api/notifications/stream', name: 'a token that is no JWT', caller: 'drafter', token: 'garbage', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: READ_NOTICE, name: 'no token', caller: null, target: 'ghost', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: READ_NOTICE, name: 'a notice id with no notice', caller: 'drafter', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: READ_NOTICE, name: 'a notice id that is not a UUID', caller: 'drafter', target: 'notAUuid', status: 404, code: 'NOT_FOUND' },
  { endpoint: 'POST /api/notifications/read-all', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'POST /api/notifications/read-all', name: 'the auditor (reads only)', caller: 'auditor', status: 403, code: 'FORBIDDEN' },
  // Marking read is a write, and an auditor writes nothing, not even their own read marks.
  { endpoint: READ_NOTICE, name: 'the auditor', caller: 'auditor', target: 'ghost', status: 403, code: 'FORBIDDEN' },
  {
    endpoint: READ_NOTICE,
    name: 'a notice id that is a NUL byte',
    caller: 'drafter',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
];

const DEADLINE = 'GET /api/calendar/deadline' as const;
const LOAD_YEAR = 'PUT /api/calendar/:year' as const;

const CALENDAR_CASES: BadInputCase[] = [
  { endpoint: DEADLINE, name: 'no token', caller: null, query: { rule: 'TH-5', ceremony: '2026-06-22' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: DEADLINE, name: 'no rule', caller: 'drafter', status: 400, code: 'VALIDATION_FAILED', fields: ['rule'] },
  { endpoint: DEADLINE, name: 'rule=DX-5', caller: 'drafter', query: { rule: 'DX-5', from: '2026-04-22' }, status: 400, code: 'VALIDATION_FAILED', fields: ['rule'] },
  { endpoint: DEADLINE, name: 'DX-4 without from', caller: 'drafter', query: { rule: 'DX-4' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: DEADLINE, name: 'DX-4 from 2026-02-30', caller: 'drafter', query: { rule: 'DX-4', from: '2026-02-30' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: DEADLINE, name: 'recognizedAt=tomorrow (a word)', caller: 'drafter', query: { rule: 'DX-4', from: '2026-04-22', recognizedAt: 'tomorrow' }, status: 400, code: 'VALIDATION_FAILED', fields: ['recognizedAt'] },
  { endpoint: DEADLINE, name: 'TH-5 without ceremony', caller: 'drafter', query: { rule: 'TH-5' }, status: 400, code: 'VALIDATION_FAILED', fields: ['ceremony'] },
  { endpoint: DEADLINE, name: 'an unknown parameter', caller: 'drafter', query: { rule: 'TH-5', ceremony: '2026-06-22', days: '15' }, status: 400, code: 'VALIDATION_FAILED', fields: ['days'] },
  {
    endpoint: DEADLINE,
    name: 'DX-4 from 1800-01-01, outside the calendar',
    caller: 'drafter',
    query: { rule: 'DX-4', from: '1800-01-01' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['from'],
  },
  {
    endpoint: DEADLINE,
    name: 'TH-5 ceremony 9999-12-31, outside the calendar',
    caller: 'drafter',
    query: { rule: 'TH-5', ceremony: '9999-12-31' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['ceremony'],
  },
  {
    endpoint: DEADLINE,
    name: 'DX-4 recognized before the achievement',
    caller: 'drafter',
    query: { rule: 'DX-4', from: '2026-04-22', recognizedAt: '2026-01-01' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['recognizedAt'],
  },
  { endpoint: 'GET /api/calendar/:year', name: 'no token', caller: null, params: { year: '2026' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'GET /api/calendar/:year', name: 'year=20x6', caller: 'drafter', params: { year: '20x6' }, status: 400, code: 'VALIDATION_FAILED', fields: ['year'] },
  { endpoint: LOAD_YEAR, name: 'a drafter', caller: 'drafter', params: { year: '2190' }, body: SCHEDULE_2190, status: 403, code: 'FORBIDDEN' },
  { endpoint: LOAD_YEAR, name: 'the auditor', caller: 'auditor', params: { year: '2190' }, body: SCHEDULE_2190, status: 403, code: 'FORBIDDEN' },
  { endpoint: LOAD_YEAR, name: 'year=abcd', caller: 'admin', params: { year: 'abcd' }, body: SCHEDULE_2190, status: 400, code: 'VALIDATION_FAILED', fields: ['year'] },
  { endpoint: LOAD_YEAR, name: "a schedule for another year than the path's", caller: 'admin', params: { year: '2190' }, body: { ...SCHEDULE_2190, year: 2191, entries: [{ date: '2191-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] }, status: 400, code: 'VALIDATION_FAILED', fields: ['year'] },
  { endpoint: LOAD_YEAR, name: 'JSON arrays nested 5,000 deep', caller: 'admin', params: { year: '2190' }, body: deepArrays, status: 400, code: 'VALIDATION_FAILED', fields: ['body'] },
  {
    endpoint: LOAD_YEAR,
    name: 'an entry dated 2190-02-30',
    caller: 'admin',
    params: { year: '2190' },
    body: { ...SCHEDULE_2190, entries: [{ date: '2190-02-30', kind: 'holiday', name: 'Tết' }] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['entries[0].date'],
  },
  {
    endpoint: LOAD_YEAR,
    name: 'an unknown field',
    caller: 'admin',
    params: { year: '2190' },
    body: { ...SCHEDULE_2190, note: 'x' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['note'],
  },
  {
    endpoint: LOAD_YEAR,
    name: 'a holiday named by a zero-width space',
    caller: 'admin',
    params: { year: '2190' },
    body: { ...SCHEDULE_2190, entries: [{ date: '2190-01-01', kind: 'holiday', name: '\u200B' }] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['entries[0].name'],
  },
];

const AUDIT_CASES: BadInputCase[] = [
  { endpoint: 'GET /api/audit/verify', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'GET /api/audit/verify', name: 'a drafter', caller: 'drafter', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'GET /api/audit/verify', name: 'replay=maybe', caller: 'auditor', query: { replay: 'maybe' }, status: 400, code: 'VALIDATION_FAILED', fields: ['replay'] },
  { endpoint: 'GET /api/audit/verify', name: 'documents=1', caller: 'auditor', query: { documents: '1' }, status: 400, code: 'VALIDATION_FAILED', fields: ['documents'] },
  { endpoint: 'GET /api/audit/verify', name: 'an unknown parameter', caller: 'auditor', query: { deep: 'true' }, status: 400, code: 'VALIDATION_FAILED', fields: ['deep'] },
  { endpoint: 'GET /api/audit/verify', name: 'a checkpoint that does not exist', caller: 'auditor', query: { checkpoint: 'cp-none-such' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: 'GET /api/audit/export', name: 'a drafter', caller: 'drafter', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'GET /api/audit/export', name: 'from=yesterday', caller: 'auditor', query: { from: 'yesterday' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: 'GET /api/audit/export', name: 'to in month 13', caller: 'auditor', query: { to: '2026-13-01T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED', fields: ['to'] },
  { endpoint: 'GET /api/audit/export', name: 'from after to', caller: 'auditor', query: { from: '2026-06-01T00:00:00Z', to: '2026-05-01T00:00:00Z' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: 'GET /api/audit/export', name: 'format=xml', caller: 'auditor', query: { format: 'xml' }, status: 400, code: 'VALIDATION_FAILED', fields: ['format'] },
  { endpoint: 'GET /api/audit/export', name: 'proposalId=abc', caller: 'auditor', query: { proposalId: 'abc' }, status: 400, code: 'VALIDATION_FAILED', fields: ['proposalId'] },
  { endpoint: 'GET /api/audit/checkpoints', name: 'home affairs', caller: 'home_affairs', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'GET /api/audit/checkpoints/:id', name: 'a checkpoint id with no checkpoint', caller: 'auditor', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: 'GET /api/audit/checkpoints/:id', name: 'a drafter', caller: 'drafter', target: 'ghost', status: 403, code: 'FORBIDDEN' },
  {
    endpoint: 'GET /api/audit/checkpoints/:id',
    name: 'a checkpoint id that is a NUL byte',
    caller: 'auditor',
    target: 'nul',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['id'],
  },
  { endpoint: 'POST /api/audit/checkpoints', name: 'the auditor (reads only)', caller: 'auditor', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'POST /api/audit/checkpoints', name: 'home affairs', caller: 'home_affairs', status: 403, code: 'FORBIDDEN' },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'a drafter', caller: 'drafter', body: { ids: [GHOST] }, status: 403, code: 'FORBIDDEN' },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'the auditor', caller: 'auditor', body: { ids: [GHOST] }, status: 403, code: 'FORBIDDEN' },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'no ids', caller: 'admin', body: {}, status: 400, code: 'VALIDATION_FAILED', fields: ['ids'] },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'an empty list', caller: 'admin', body: { ids: [] }, status: 400, code: 'VALIDATION_FAILED', fields: ['ids'] },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'an id that is not a UUID', caller: 'admin', body: { ids: ['de-nghi-1'] }, status: 400, code: 'VALIDATION_FAILED', fields: ['ids'] },
  { endpoint: 'POST /api/admin/proposals/migrate', name: '1001 ids', caller: 'admin', body: { ids: Array.from({ length: 1001 }, () => GHOST) }, status: 400, code: 'VALIDATION_FAILED', fields: ['ids'] },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'toVersion 0', caller: 'admin', body: { ids: [GHOST], toVersion: 0 }, status: 400, code: 'VALIDATION_FAILED', fields: ['toVersion'] },
  { endpoint: 'POST /api/admin/proposals/migrate', name: 'toVersion 99 (no such machine)', caller: 'admin', body: { ids: [GHOST], toVersion: 99 }, status: 400, code: 'VALIDATION_FAILED', fields: ['toVersion'] },
];

const STATISTICS = 'GET /api/statistics' as const;
const MAY = { from: '2026-05-01', to: '2026-05-31' };

const STATISTICS_CASES: BadInputCase[] = [
  { endpoint: STATISTICS, name: 'no token', caller: null, query: MAY, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: STATISTICS, name: 'no period at all', caller: 'home_affairs', status: 400, code: 'VALIDATION_FAILED', fields: ['from', 'to'] },
  { endpoint: STATISTICS, name: 'from=2026-02-30', caller: 'home_affairs', query: { ...MAY, from: '2026-02-30' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: STATISTICS, name: 'to written dd/mm/yyyy', caller: 'home_affairs', query: { ...MAY, to: '31/05/2026' }, status: 400, code: 'VALIDATION_FAILED', fields: ['to'] },
  { endpoint: STATISTICS, name: 'to before from', caller: 'home_affairs', query: { from: '2026-05-31', to: '2026-05-01' }, status: 400, code: 'VALIDATION_FAILED', fields: ['to'] },
  { endpoint: STATISTICS, name: 'a period of more than ten years', caller: 'home_affairs', query: { from: '2010-01-01', to: '2026-12-31' }, status: 400, code: 'VALIDATION_FAILED', fields: ['to'] },
  { endpoint: STATISTICS, name: 'a period in 1800', caller: 'home_affairs', query: { from: '1800-01-01', to: '1800-12-31' }, status: 400, code: 'VALIDATION_FAILED', fields: ['from', 'to'] },
  { endpoint: STATISTICS, name: 'groupBy=gender (no such breakdown)', caller: 'home_affairs', query: { ...MAY, groupBy: 'unit,gender' }, status: 400, code: 'VALIDATION_FAILED', fields: ['groupBy'] },
  { endpoint: STATISTICS, name: 'groupBy naming a breakdown twice', caller: 'home_affairs', query: { ...MAY, groupBy: 'unit,unit' }, status: 400, code: 'VALIDATION_FAILED', fields: ['groupBy'] },
  { endpoint: STATISTICS, name: 'format=csv', caller: 'home_affairs', query: { ...MAY, format: 'csv' }, status: 400, code: 'VALIDATION_FAILED', fields: ['format'] },
  { endpoint: STATISTICS, name: 'unitId that is not a UUID', caller: 'home_affairs', query: { ...MAY, unitId: 'SO-YTE' }, status: 400, code: 'VALIDATION_FAILED', fields: ['unitId'] },
  { endpoint: STATISTICS, name: 'an unknown parameter', caller: 'home_affairs', query: { ...MAY, state: 'awarded' }, status: 400, code: 'VALIDATION_FAILED', fields: ['state'] },
  { endpoint: STATISTICS, name: "a drafter asking for another unit's statistics", caller: 'drafter', query: { ...MAY, unitId: '$otherUnit' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: STATISTICS, name: "a unit head asking for another unit's spreadsheet", caller: 'unit_head', query: { ...MAY, unitId: '$otherUnit', format: 'xlsx' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: STATISTICS, name: 'a unit that does not exist', caller: 'home_affairs', query: { ...MAY, unitId: GHOST }, status: 404, code: 'NOT_FOUND' },
];

// The registry of nominees and the Decree 152/2025 Art. 4 matters (docs/architecture.md, "People and their awards").
const PEOPLE = 'GET /api/people' as const;
const CREATE_PERSON = 'POST /api/people' as const;
const GET_PERSON = 'GET /api/people/:id' as const;
const RECORD_MATTER = 'POST /api/people/:id/restrictions' as const;
const CLOSE_MATTER = 'POST /api/people/:id/restrictions/:rid/close' as const;
const MATTER = { kind: 'discipline_considered', from: today, document: { type: 'Công văn', number: '123/CV-UBND', date: today, issuer: 'UBND xã Hòa Bình' } };
const matterWith = (overrides: Record<string, unknown>) => ({ ...MATTER, ...overrides });
const CLOSING = { closedOn: today, document: { number: '45/TB-UBND', date: today, issuer: 'UBND xã Hòa Bình' } };

const PEOPLE_CASES: BadInputCase[] = [
  { endpoint: PEOPLE, name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: PEOPLE, name: 'type=group', caller: 'drafter', query: { type: 'group' }, status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  { endpoint: PEOPLE, name: 'unitId that is not a UUID', caller: 'home_affairs', query: { unitId: 'SO-YTE' }, status: 400, code: 'VALIDATION_FAILED', fields: ['unitId'] },
  { endpoint: PEOPLE, name: 'q of 301 characters', caller: 'drafter', query: { q: 'a'.repeat(301) }, status: 400, code: 'VALIDATION_FAILED', fields: ['q'] },
  { endpoint: PEOPLE, name: 'a cursor this server never handed out', caller: 'drafter', query: { cursor: 'bm90LWEtY3Vyc29y' }, status: 400, code: 'VALIDATION_FAILED', fields: ['cursor'] },
  { endpoint: PEOPLE, name: "a drafter asking for another unit's people", caller: 'drafter', query: { unitId: '$otherUnit' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: PEOPLE, name: 'an unknown parameter', caller: 'drafter', query: { name: 'An' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_PERSON, name: 'no token', caller: null, body: { type: 'individual', name: 'Nguyễn Văn An' }, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CREATE_PERSON, name: 'the chairman', caller: 'chairman', body: { type: 'individual', name: 'Nguyễn Văn An' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_PERSON, name: 'the auditor', caller: 'auditor', body: { type: 'individual', name: 'Nguyễn Văn An' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_PERSON, name: 'type group', caller: 'drafter', body: { type: 'group', name: 'Nguyễn Văn An' }, status: 400, code: 'VALIDATION_FAILED', fields: ['type'] },
  { endpoint: CREATE_PERSON, name: 'birth year 1899', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', birthYear: 1899 }, status: 400, code: 'VALIDATION_FAILED', fields: ['birthYear'] },
  { endpoint: CREATE_PERSON, name: 'birth year 1985.5', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', birthYear: 1985.5 }, status: 400, code: 'VALIDATION_FAILED', fields: ['birthYear'] },
  { endpoint: CREATE_PERSON, name: 'birth year as text', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', birthYear: '1985' }, status: 400, code: 'VALIDATION_FAILED', fields: ['birthYear'] },
  { endpoint: CREATE_PERSON, name: 'birth year 2100 (after this year)', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', birthYear: 2100 }, status: 400, code: 'VALIDATION_FAILED', fields: ['birthYear'] },
  { endpoint: CREATE_PERSON, name: 'gender "other"', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', gender: 'other' }, status: 400, code: 'VALIDATION_FAILED', fields: ['gender'] },
  { endpoint: CREATE_PERSON, name: 'a collective with a gender', caller: 'drafter', body: { type: 'collective', name: 'Phòng Y tế', gender: 'male' }, status: 400, code: 'VALIDATION_FAILED', fields: ['gender'] },
  { endpoint: CREATE_PERSON, name: 'a name with a line feed', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn\nVăn An' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_PERSON, name: 'a name of zero-width spaces', caller: 'drafter', body: { type: 'individual', name: '\u200B\u200B' }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_PERSON, name: 'a name of 301 characters', caller: 'drafter', body: { type: 'individual', name: 'N'.repeat(301) }, status: 400, code: 'VALIDATION_FAILED', fields: ['name'] },
  { endpoint: CREATE_PERSON, name: 'a title of 201 characters', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', title: 'T'.repeat(201) }, status: 400, code: 'VALIDATION_FAILED', fields: ['title'] },
  { endpoint: CREATE_PERSON, name: 'a workplace of 301 characters', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', workplace: 'W'.repeat(301) }, status: 400, code: 'VALIDATION_FAILED', fields: ['workplace'] },
  { endpoint: CREATE_PERSON, name: 'an unknown field', caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', cccd: '001085000001' }, status: 400, code: 'VALIDATION_FAILED', fields: ['cccd'] },
  { endpoint: CREATE_PERSON, name: "a drafter registering another unit's person", caller: 'drafter', body: { type: 'individual', name: 'Nguyễn Văn An', unitId: '$otherUnit' }, status: 403, code: 'FORBIDDEN' },
  { endpoint: CREATE_PERSON, name: 'a unit that does not exist', caller: 'home_affairs', body: { type: 'individual', name: 'Nguyễn Văn An', unitId: GHOST }, status: 404, code: 'NOT_FOUND' },
  { endpoint: GET_PERSON, name: 'no token', caller: null, target: 'ghost', status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: GET_PERSON, name: 'an id with no person', caller: 'home_affairs', target: 'ghost', status: 404, code: 'NOT_FOUND' },
  { endpoint: GET_PERSON, name: 'an id that is not a UUID', caller: 'drafter', target: 'notAUuid', status: 404, code: 'NOT_FOUND' },
  { endpoint: GET_PERSON, name: 'an id of 300 characters', caller: 'drafter', target: 'longId', status: 404, code: 'NOT_FOUND' },
  { endpoint: RECORD_MATTER, name: 'no token', caller: null, target: 'ghost', body: MATTER, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: RECORD_MATTER, name: 'a drafter', caller: 'drafter', target: 'ghost', body: MATTER, status: 403, code: 'FORBIDDEN' },
  { endpoint: RECORD_MATTER, name: 'the chairman', caller: 'chairman', target: 'ghost', body: MATTER, status: 403, code: 'FORBIDDEN' },
  { endpoint: RECORD_MATTER, name: 'a person that does not exist', caller: 'council', target: 'ghost', body: MATTER, status: 404, code: 'NOT_FOUND' },
  { endpoint: RECORD_MATTER, name: 'kind "rumour"', caller: 'council', target: 'ghost', body: matterWith({ kind: 'rumour' }), status: 400, code: 'VALIDATION_FAILED', fields: ['kind'] },
  { endpoint: RECORD_MATTER, name: 'from 31 February', caller: 'council', target: 'ghost', body: matterWith({ from: '2026-02-31' }), status: 400, code: 'VALIDATION_FAILED', fields: ['from'] },
  { endpoint: RECORD_MATTER, name: 'no document', caller: 'council', target: 'ghost', body: matterWith({ document: undefined }), status: 400, code: 'VALIDATION_FAILED', fields: ['document'] },
  { endpoint: RECORD_MATTER, name: 'a document without its number', caller: 'council', target: 'ghost', body: matterWith({ document: { date: today, issuer: 'UBND xã' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['document.number'] },
  { endpoint: RECORD_MATTER, name: 'a document without its issuer, dated 2026-13-01', caller: 'council', target: 'ghost', body: matterWith({ document: { number: '1/CV', date: '2026-13-01' } }), status: 400, code: 'VALIDATION_FAILED', fields: ['document.date', 'document.issuer'] },
  { endpoint: RECORD_MATTER, name: 'endsOn as a number', caller: 'council', target: 'ghost', body: matterWith({ kind: 'discipline_served', endsOn: 20260901 }), status: 400, code: 'VALIDATION_FAILED', fields: ['endsOn'] },
  { endpoint: RECORD_MATTER, name: 'an unknown field', caller: 'council', target: 'ghost', body: matterWith({ severity: 'high' }), status: 400, code: 'VALIDATION_FAILED', fields: ['severity'] },
  { endpoint: CLOSE_MATTER, name: 'no token', caller: null, target: 'ghost', params: { rid: 'ghost' }, body: CLOSING, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: CLOSE_MATTER, name: 'a drafter', caller: 'drafter', target: 'ghost', params: { rid: 'ghost' }, body: CLOSING, status: 403, code: 'FORBIDDEN' },
  { endpoint: CLOSE_MATTER, name: 'a person that does not exist', caller: 'home_affairs', target: 'ghost', params: { rid: 'ghost' }, body: CLOSING, status: 404, code: 'NOT_FOUND' },
  { endpoint: CLOSE_MATTER, name: 'no closedOn', caller: 'home_affairs', target: 'ghost', params: { rid: 'ghost' }, body: { document: CLOSING.document }, status: 400, code: 'VALIDATION_FAILED', fields: ['closedOn'] },
  { endpoint: CLOSE_MATTER, name: 'a document as a string', caller: 'home_affairs', target: 'ghost', params: { rid: 'ghost' }, body: { closedOn: today, document: '45/TB-UBND' }, status: 400, code: 'VALIDATION_FAILED', fields: ['document'] },
];

const OTHER_CASES: BadInputCase[] = [
  { endpoint: 'GET /api/machines', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'GET /api/machines/:version', name: 'version 99', caller: 'drafter', params: { version: '99' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: 'GET /api/machines/:version', name: 'version abc', caller: 'drafter', params: { version: 'abc' }, status: 404, code: 'NOT_FOUND' },
  {
    endpoint: 'GET /api/machines/:version',
    name: 'version 0x1',
    caller: 'drafter',
    params: { version: '0x1' },
    status: 404,
    code: 'NOT_FOUND',
  },
  { endpoint: 'POST /api/dev/sign-in', name: 'a key no demo user has', caller: null, body: { key: 'nobody' }, status: 404, code: 'NOT_FOUND' },
  { endpoint: 'POST /api/dev/sign-in', name: 'a key as a number', caller: null, body: { key: 5 }, status: 400, code: 'VALIDATION_FAILED', fields: ['key'] },
  { endpoint: 'POST /api/dev/sign-in', name: 'an unknown field', caller: null, body: { key: 'admin', roles: ['admin'] }, status: 400, code: 'VALIDATION_FAILED', fields: ['roles'] },
  { endpoint: 'GET /queues', name: 'no token', caller: null, status: 401, code: 'UNAUTHENTICATED' },
  { endpoint: 'GET /queues', name: 'a drafter', caller: 'drafter', status: 403, code: 'FORBIDDEN' },
];

export const CATALOGUE: readonly BadInputCase[] = [
  ...EVENT_CASES,
  ...CREATE_CASES,
  ...LIST_CASES,
  ...READ_PROPOSAL_CASES,
  ...DOCUMENT_CASES,
  ...FORM_CASES,
  ...CAMPAIGN_CASES,
  ...MOVE_CASES,
  ...UNIT_CASES,
  ...WEBHOOK_CASES,
  ...NOTIFICATION_CASES,
  ...CALENDAR_CASES,
  ...AUDIT_CASES,
  ...STATISTICS_CASES,
  ...PEOPLE_CASES,
  ...OTHER_CASES,
];

/** How many cases each endpoint has, in the catalogue's order of first appearance. */
export function countByEndpoint(cases: readonly BadInputCase[] = CATALOGUE): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { endpoint } of cases) counts[endpoint] = (counts[endpoint] ?? 0) + 1;
  return counts;
}
