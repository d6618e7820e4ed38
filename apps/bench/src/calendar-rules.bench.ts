import { createWorkingCalendar, dx4Deadline, th5Deadline } from '#calendar';
import { evaluateRules, type RuleInput } from '#rules';
import { bench, fmt, say, size } from './harness.js';

/**
 * `npm run bench`, second part: deadline computations and rule evaluations per second. Deadlines use random
 * dates 1990–2090 on one calendar, so each year is computed once and reused, as in the server; a first pass
 * over part of them, not counted, computes those years.
 */

const settings = { deadlines: size('BENCH_DEADLINES', 200_000, 20_000), evaluations: size('BENCH_RULE_EVALUATIONS', 500_000, 20_000) };

function randomDates(count: number, seed = 42): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const from = Date.UTC(1990, 0, 1);
  const span = Date.UTC(2090, 11, 31) - from;
  return Array.from({ length: count }, () => new Date(from + Math.floor(next() * span)).toISOString().slice(0, 10));
}

function perSecond(count: number, work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

const forwardThematic: RuleInput = {
  checkpoint: 'forward',
  proposal: {
    kind: 'thematic',
    unitId: 'unit-1',
    campaignId: 'c-1',
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn An', steeringCommitteeMember: true },
    achievement: { summary: 'Chuyển đổi số', date: '2025-06-01', outstanding: true },
  },
  campaign: {
    round: 'anniversary',
    plan: { ref: '1/KH', issuedAt: '2025-01-01' },
    launchedAt: '2025-01-10',
    finalReviewAt: '2026-05-01',
    guidance: {
      ref: '2/HD',
      issuedAt: '2026-04-01',
      scope: 'Toàn tỉnh',
      subjects: 'Cá nhân, tập thể',
      criteria: 'Xuất sắc',
      achievementPeriod: { from: '2025-01-01', to: '2025-12-31' },
      awardForms: ['chairman_certificate'],
      quota: { chairman_certificate: 100 },
      unitQuota: { 'unit-1': { chairman_certificate: 10 } },
    },
  },
  usage: { byAwardForm: { chairman_certificate: 40 }, byUnitAndAwardForm: { chairman_certificate: 3 }, steeringMembers: 1 },
};
const submitCollective: RuleInput = {
  checkpoint: 'submit',
  proposal: {
    kind: 'extraordinary',
    unitId: 'unit-1',
    campaignId: null,
    awardForm: 'chairman_certificate',
    nominee: { type: 'collective', name: 'Đội cứu hộ', ownParticipants: 19, totalParticipants: 30 },
    achievement: { summary: 'Cứu hộ lũ quét', date: '2026-11-20' },
  },
  campaign: null,
};

bench('calendar and rulebook benchmark', `${settings.deadlines} deadlines, ${settings.evaluations} rule evaluations per case`, async () => {
  const calendar = createWorkingCalendar();
  const dates = randomDates(settings.deadlines);
  for (const date of dates.slice(0, 20_000)) dx4Deadline({ achievementDate: date }, calendar);
  const dx4 = perSecond(dates.length, () => dates.forEach((date) => dx4Deadline({ achievementDate: date }, calendar)));
  const th5 = perSecond(dates.length, () => dates.forEach((date) => th5Deadline(date, calendar)));
  let findings = 0;
  const forward = perSecond(settings.evaluations, () => {
    for (let i = 0; i < settings.evaluations; i++) findings += evaluateRules(forwardThematic).warnings.length;
  });
  const submit = perSecond(settings.evaluations, () => {
    for (let i = 0; i < settings.evaluations; i++) findings += evaluateRules(submitCollective).violations.length;
  });
  const rate = (n: number) => fmt(n, 0).padStart(12);
  say(
    `  DX-4 deadlines, random dates 1990–2090     ${rate(dx4)} /s  (${fmt(settings.deadlines, 0)} computed)`,
    `  TH-5 deadlines, random ceremonies           ${rate(th5)} /s`,
    `  rules at FORWARD, thematic anniversary      ${rate(forward)} /s  (1 warning each)`,
    `  rules at SUBMIT, collective with 2 refusals ${rate(submit)} /s  (${fmt(findings, 0)} findings in all)`,
  );
}, { timeoutS: 600 });
