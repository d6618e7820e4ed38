import { addDays, isIsoDate, type IsoDate } from '#calendar';
import { DomainError } from '#kernel';

/**
 * The dates a request may carry, judged against today (in Vietnam) and against each other, before anything
 * is written: the log is permanent, so a ceremony set in 2001 or an achievement dated next month would be
 * evidence forever and would fire deadlines nobody meant. The shape of a request (a date is a real date, a
 * name is text) is checked at the HTTP edge; these windows need the clock and so live here. docs/validation.md
 * explains each window.
 */
export const INPUT_WINDOWS = {
  /** How far back an achievement, a document or an achievement period may reach (programme summaries span years). */
  pastYears: 20,
  /** How far ahead a ceremony may be planned. */
  futureYears: 10,
} as const;

export interface FieldProblem {
  field: string;
  message: string;
}

/** The problems of one request, refused together: every field named at once, not one per round trip. */
export function refuseIfAny(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), { errors: problems });
}

const yearsFrom = (date: IsoDate, years: number): IsoDate => {
  const [year, month, day] = date.split('-').map(Number);
  const target = `${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 29 February of a leap year, years later, is 1 March when that year has no 29 February.
  return isIsoDate(target) ? target : addDays(`${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-28`, 1);
};

const earliest = (today: IsoDate): IsoDate => yearsFrom(today, -INPUT_WINDOWS.pastYears);
const latest = (today: IsoDate): IsoDate => yearsFrom(today, INPUT_WINDOWS.futureYears);

/** A date that has happened: today or before, and not older than the window. */
function past(field: string, date: IsoDate | null | undefined, today: IsoDate, what: string): FieldProblem[] {
  if (!date) return [];
  if (date > today) return [{ field, message: `${field} ${date} is after today (${today}): ${what} cannot be in the future` }];
  if (date < earliest(today)) {
    return [{ field, message: `${field} ${date} is more than ${INPUT_WINDOWS.pastYears} years ago (before ${earliest(today)})` }];
  }
  return [];
}

function notBefore(field: string, date: IsoDate | null | undefined, other: IsoDate | null | undefined, otherName: string): FieldProblem[] {
  if (!date || !other || date >= other) return [];
  return [{ field, message: `${field} ${date} is before ${otherName} ${other}` }];
}

export interface AchievementDates {
  date: IsoDate;
  recognizedAt?: IsoDate | null;
}

/** An achievement has happened, and it was recognised after it happened and not later than today (DX-4). */
export function achievementProblems(achievement: AchievementDates, today: IsoDate, prefix = 'achievement'): FieldProblem[] {
  return [
    ...past(`${prefix}.date`, achievement.date, today, 'an achievement'),
    ...past(`${prefix}.recognizedAt`, achievement.recognizedAt, today, 'a recognition'),
    ...notBefore(`${prefix}.recognizedAt`, achievement.recognizedAt, achievement.date, 'the achievement on'),
  ];
}

/** A decision (the chairman's, or the unit head's own award) is dated the day it was signed: not ahead of today, not before the achievement. */
export function decisionProblems(decision: { date: IsoDate }, achievementDate: IsoDate, today: IsoDate): FieldProblem[] {
  return [...past('decision.date', decision.date, today, 'a decision'), ...notBefore('decision.date', decision.date, achievementDate, 'the achievement on')];
}

export interface CampaignDates {
  plan?: { issuedAt: IsoDate } | null;
  launchedAt?: IsoDate | null;
  finalReviewAt?: IsoDate | null;
  guidance?: { issuedAt: IsoDate; achievementPeriod: { from: IsoDate; to: IsoDate } } | null;
  ceremonyDate?: IsoDate | null;
}

/** A ceremony is today or ahead, within the planning window. */
export function ceremonyProblems(ceremonyDate: IsoDate | null | undefined, today: IsoDate): FieldProblem[] {
  if (!ceremonyDate) return [];
  if (ceremonyDate < today) return [{ field: 'ceremonyDate', message: `ceremonyDate ${ceremonyDate} is in the past (today is ${today})` }];
  if (ceremonyDate > latest(today)) {
    return [{ field: 'ceremonyDate', message: `ceremonyDate ${ceremonyDate} is more than ${INPUT_WINDOWS.futureYears} years ahead (after ${latest(today)})` }];
  }
  return [];
}

/**
 * A campaign's documents were issued (plan, guidance: not in the future); its steps come in order (plan, then
 * launch; launch, final review and guidance no later than the ceremony); its achievement period runs forwards.
 */
export function campaignProblems(campaign: CampaignDates, today: IsoDate): FieldProblem[] {
  const { plan, launchedAt, finalReviewAt, guidance } = campaign;
  const period = guidance?.achievementPeriod;
  const withinWindow = (field: string, date: IsoDate | null | undefined): FieldProblem[] =>
    date && (date < earliest(today) || date > latest(today))
      ? [{ field, message: `${field} ${date} is outside ${earliest(today)} … ${latest(today)}` }]
      : [];
  return [
    ...past('plan.issuedAt', plan?.issuedAt, today, 'a plan'),
    ...past('guidance.issuedAt', guidance?.issuedAt, today, 'a guidance document'),
    ...withinWindow('launchedAt', launchedAt),
    ...withinWindow('finalReviewAt', finalReviewAt),
    ...notBefore('launchedAt', launchedAt, plan?.issuedAt, 'the plan issued on'),
    ...withinWindow('guidance.achievementPeriod.from', period?.from),
    ...withinWindow('guidance.achievementPeriod.to', period?.to),
    ...(period && period.from > period.to
      ? [{ field: 'guidance.achievementPeriod.from', message: `guidance.achievementPeriod.from ${period.from} is after its end ${period.to}` }]
      : []),
    ...ceremonyOrderProblems(campaign, today),
  ];
}

/**
 * The ceremony is today or ahead, and launch, final review and guidance come no later than it: asked when a
 * campaign is created and again whenever its ceremony moves.
 */
export function ceremonyOrderProblems(campaign: CampaignDates, today: IsoDate): FieldProblem[] {
  const { ceremonyDate } = campaign;
  const ceremony = ceremonyProblems(ceremonyDate, today);
  // A ceremony that is itself wrong is the one thing to say: every other date measured against it would be noise.
  if (ceremony.length > 0 || !ceremonyDate) return ceremony;
  const byCeremony = (field: string, date: IsoDate | null | undefined): FieldProblem[] =>
    date && date > ceremonyDate ? [{ field, message: `${field} ${date} is after the ceremony on ${ceremonyDate}` }] : [];
  return [
    ...byCeremony('launchedAt', campaign.launchedAt),
    ...byCeremony('finalReviewAt', campaign.finalReviewAt),
    ...byCeremony('guidance.issuedAt', campaign.guidance?.issuedAt),
  ];
}

/** The dates an event request carries: an UPDATE's achievement, an APPROVE's or AWARD_AT_UNIT's decision. */
export function eventProblems(
  request: { type: string; changes?: { achievement?: AchievementDates }; decision?: { date: IsoDate } },
  achievementDate: IsoDate,
  today: IsoDate,
): FieldProblem[] {
  const achievement = request.changes?.achievement;
  return [
    ...(achievement ? achievementProblems(achievement, today, 'changes.achievement') : []),
    ...(request.decision ? decisionProblems(request.decision, achievement?.date ?? achievementDate, today) : []),
  ];
}
