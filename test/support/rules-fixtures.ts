import request, { type Response } from 'supertest';
import { bearer, completeCampaign, expectStatus, http, type Caller, type ProposalBody } from './api.js';
import type { TestApp } from './test-app.js';

/**
 * Fixtures for the rulebook and calendar suite (docs/rules.md, docs/calendar.md): deadline shapes, the day in Vietnam,
 * campaigns built for one rule, and an official 2027 schedule to load through `PUT /api/calendar/2027`.
 */

export interface DeadlineBody {
  rule: 'DX-4' | 'TH-5';
  dueDate: string;
  dueAt: string;
  provisional: boolean;
}

export interface Finding {
  rule: string;
  message: string;
  messageEn: string;
}

export type RuledProposal = Omit<ProposalBody, 'deadline' | 'warnings'> & {
  deadline: DeadlineBody | null;
  warnings: Finding[];
  lateRule: 'DX-4' | 'TH-5' | null;
};

/** The docs/architecture.md deadline: 24:00 Asia/Ho_Chi_Minh of the last day, which is 17:00 UTC that same day. */
export const deadlineOn = (rule: DeadlineBody['rule'], dueDate: string, provisional = false): DeadlineBody => ({
  rule,
  dueDate,
  dueAt: `${dueDate}T17:00:00.000Z`,
  provisional,
});

/** Today's date in Vietnam (UTC+7, no DST), as the server's calendar sees it. */
export const todayInVietnam = (now = Date.now()): string => new Date(now + 7 * 3600_000).toISOString().slice(0, 10);

/** `date` moved by `days` calendar days (YYYY-MM-DD in, YYYY-MM-DD out, no time zone involved). */
export const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/** Letters only Vietnamese uses: a `message` meant for Vietnamese readers has some; an English one has none. */
export const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export const rulesOf = (findings: readonly { rule: string }[] | undefined): string[] => (findings ?? []).map((f) => f.rule);

/** A campaign complete for TH-1 whose guidance is changed by `guidance` (merged into the complete one). */
export function campaignWith(guidance: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const base = completeCampaign();
  return { ...base, ...overrides, guidance: { ...base.guidance, ...guidance } };
}

export async function postCampaign(t: TestApp, body: Record<string, unknown>): Promise<{ id: string; dossierDeadline: DeadlineBody | null } & Record<string, unknown>> {
  const response = await http(t).post('/api/campaigns').set('Authorization', bearer(t, { role: 'home_affairs' })).send(body);
  expectStatus(response, 201);
  return response.body;
}

export function getCalendar(t: TestApp, path: string, query: Record<string, string> = {}, caller: Caller | null = { role: 'drafter' }): Promise<Response> {
  const call = http(t).get(`/api/calendar${path}`).query(query);
  if (caller) call.set('Authorization', bearer(t, caller));
  return call;
}

export function putCalendar(t: TestApp, year: number | string, body: unknown, caller: Caller = { role: 'admin' }): request.Test {
  return http(t).put(`/api/calendar/${year}`).set('Authorization', bearer(t, caller)).send(body as object);
}

const MOHA_2027 = 'Thông báo lịch nghỉ lễ, Tết năm 2027 của Bộ Nội vụ (test fixture)';

/**
 * A plausible official schedule for 2027 (docs/calendar.md: Tết is Sat 6 Feb, Hùng Kings Fri 16 Apr). It agrees with
 * the computed provisional year everywhere except one swap: Fri 12 Feb is off, worked on Sat 30 Jan.
 * So a DX-4 period whose day 10 is Fri 12 Feb ends Mon 15 Feb, and one whose day 10 is Sat 30 Jan ends that day.
 */
export function officialSchedule2027() {
  const holiday = (date: string, name: string, nameEn: string) => ({ date, kind: 'holiday', name, nameEn, source: `Bộ luật Lao động 2019, Điều 112; ${MOHA_2027}` });
  return {
    year: 2027,
    source: MOHA_2027,
    entries: [
      holiday('2027-01-01', 'Tết Dương lịch', "New Year's Day"),
      { date: '2027-01-30', kind: 'working_saturday', name: 'Làm bù cho thứ Sáu 12/02', nameEn: 'Working Saturday, in exchange for Fri 12 Feb' },
      holiday('2027-02-05', 'Tết Nguyên đán (30 Tết)', "Lunar New Year's Eve"),
      holiday('2027-02-06', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year, day 1'),
      holiday('2027-02-07', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year, day 2'),
      holiday('2027-02-08', 'Tết Nguyên đán (mùng 3)', 'Lunar New Year, day 3'),
      holiday('2027-02-09', 'Tết Nguyên đán (mùng 4)', 'Lunar New Year, day 4'),
      { date: '2027-02-10', kind: 'compensatory', name: 'Nghỉ bù Tết Nguyên đán', nameEn: 'Compensatory day off (Tết on Saturday)' },
      { date: '2027-02-11', kind: 'compensatory', name: 'Nghỉ bù Tết Nguyên đán', nameEn: 'Compensatory day off (Tết on Sunday)' },
      { date: '2027-02-12', kind: 'swapped', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 30/01)', nameEn: 'Day off swapped with Sat 30 Jan', swappedWith: '2027-01-30' },
      holiday('2027-04-16', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
      holiday('2027-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
      holiday('2027-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'),
      { date: '2027-05-03', kind: 'compensatory', name: 'Nghỉ bù Ngày Quốc tế Lao động', nameEn: 'Compensatory day off for Labour Day (Saturday)' },
      holiday('2027-09-02', 'Quốc khánh', 'National Day'),
      holiday('2027-09-03', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
    ],
  };
}
