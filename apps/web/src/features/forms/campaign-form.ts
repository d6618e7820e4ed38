import type { CreateCampaignBody } from '#contracts';
import type { CampaignInput, CampaignRound } from '#rules';
import type { AwardForm } from '#workflows/proposal';
import { isCountText, optionalDay } from './calendar-day.js';
import { AWARD_FORM_CHOICES } from './form-names.messages.js';

/** What the new-campaign screen holds while it is being filled in: text as typed. */
export interface CampaignFormState {
  title: string;
  round: CampaignRound;
  planRef: string;
  planIssuedAt: string;
  launchedAt: string;
  finalReviewAt: string;
  ceremonyDate: string;
  guidanceRef: string;
  guidanceIssuedAt: string;
  scope: string;
  subjects: string;
  criteria: string;
  periodFrom: string;
  periodTo: string;
  awardForms: Record<AwardForm, boolean>;
  quota: Record<AwardForm, string>;
  /** Programme summaries (TH-3). */
  steeringMemberCap: string;
  /** Anniversary rounds (TH-2): unit id → award form → the number agreed with the home-affairs department. */
  unitQuota: Record<string, Partial<Record<AwardForm, string>>>;
}

export const EMPTY_CAMPAIGN_FORM: CampaignFormState = {
  title: '',
  round: 'campaign',
  planRef: '',
  planIssuedAt: '',
  launchedAt: '',
  finalReviewAt: '',
  ceremonyDate: '',
  guidanceRef: '',
  guidanceIssuedAt: '',
  scope: '',
  subjects: '',
  criteria: '',
  periodFrom: '',
  periodTo: '',
  awardForms: { unit_certificate: false, chairman_certificate: false },
  quota: { unit_certificate: '', chairman_certificate: '' },
  steeringMemberCap: '',
  unitQuota: {},
};

type Counts = Partial<Record<AwardForm, number>>;

/** POST /api/campaigns: the contract's body, as CreateCampaignDto (apps/api) validates it. */
export type { CreateCampaignBody };

const blank = (value: string) => value.trim() === '';

/** The award forms ticked, in the rulebook's order. */
export const offeredForms = (form: CampaignFormState): AwardForm[] => AWARD_FORM_CHOICES.filter((awardForm) => form.awardForms[awardForm]);

/** The numbers typed for the ticked forms; an empty or malformed one is left out (see `localProblems`). */
function counts(typed: Partial<Record<AwardForm, string>>, forms: readonly AwardForm[]): Counts {
  const result: Counts = {};
  for (const awardForm of forms) {
    const text = typed[awardForm] ?? '';
    if (isCountText(text)) result[awardForm] = Number(text);
  }
  return result;
}

/**
 * The request body. A plan is taken whole or not at all: one not started is left out (TH-1 says it is
 * missing). The guidance always goes, as it stands: a campaign is registered with its guidance
 * (docs/validation.md), so the server names each of its fields still empty instead of the console guessing.
 */
export function toCreateCampaignBody(form: CampaignFormState): CreateCampaignBody {
  const body: CreateCampaignBody = { title: form.title.trim(), round: form.round };
  if (!blank(form.planRef) || !blank(form.planIssuedAt)) body.plan = { ref: form.planRef.trim(), issuedAt: form.planIssuedAt.trim() };
  const launchedAt = optionalDay(form.launchedAt);
  const finalReviewAt = optionalDay(form.finalReviewAt);
  const ceremonyDate = optionalDay(form.ceremonyDate);
  if (launchedAt !== undefined) body.launchedAt = launchedAt;
  if (finalReviewAt !== undefined) body.finalReviewAt = finalReviewAt;
  if (ceremonyDate !== undefined) body.ceremonyDate = ceremonyDate;
  const awardForms = offeredForms(form);
  const guidance: NonNullable<CreateCampaignBody['guidance']> = {
    ref: form.guidanceRef.trim(),
    issuedAt: form.guidanceIssuedAt.trim(),
    scope: form.scope.trim(),
    subjects: form.subjects.trim(),
    criteria: form.criteria.trim(),
    achievementPeriod: { from: form.periodFrom.trim(), to: form.periodTo.trim() },
    awardForms,
    quota: counts(form.quota, awardForms),
  };
  if (form.round === 'programme_summary' && isCountText(form.steeringMemberCap)) guidance.steeringMemberCap = Number(form.steeringMemberCap);
  if (form.round === 'anniversary') {
    const unitQuota: Record<string, Counts> = {};
    for (const [unitId, typed] of Object.entries(form.unitQuota)) {
      const agreed = counts(typed, awardForms);
      if (Object.keys(agreed).length > 0) unitQuota[unitId] = agreed;
    }
    if (Object.keys(unitQuota).length > 0) guidance.unitQuota = unitQuota;
  }
  body.guidance = guidance;
  return body;
}

/** The campaign as the rulebook reads it, from the very body that would be sent. */
export function toCampaignInput(body: CreateCampaignBody): CampaignInput {
  return {
    title: body.title,
    round: body.round,
    plan: body.plan ?? null,
    launchedAt: body.launchedAt ?? null,
    finalReviewAt: body.finalReviewAt ?? null,
    // A guidance with nothing typed in it yet is, to TH-1, a guidance not issued: say that, not eleven blanks.
    guidance: body.guidance && !untouched(body.guidance) ? body.guidance : null,
  };
}

function untouched(guidance: NonNullable<CreateCampaignBody['guidance']>): boolean {
  const texts = [guidance.ref, guidance.issuedAt, guidance.scope, guidance.subjects, guidance.criteria, guidance.achievementPeriod.from, guidance.achievementPeriod.to];
  return texts.every(blank) && guidance.awardForms.length === 0 && Object.keys(guidance.quota).length === 0;
}

/**
 * What the form itself must refuse: the API checks that a quota is an object but not what is in it, so a
 * number of awards of 2.5 or -1 would be stored and then count as "no number" under TH-1.
 * Keys are the field ids of the inputs concerned.
 */
export function localProblems(form: CampaignFormState): Record<string, 'count'> {
  const problems: Record<string, 'count'> = {};
  for (const awardForm of offeredForms(form)) {
    if (!blank(form.quota[awardForm]) && !isCountText(form.quota[awardForm])) problems[`campaign-quota-${awardForm}`] = 'count';
    if (form.round === 'anniversary') {
      for (const [unitId, typed] of Object.entries(form.unitQuota)) {
        const text = typed[awardForm] ?? '';
        if (!blank(text) && !isCountText(text)) problems[`campaign-unit-quota-${unitId}-${awardForm}`] = 'count';
      }
    }
  }
  if (form.round === 'programme_summary' && !blank(form.steeringMemberCap) && !isCountText(form.steeringMemberCap)) {
    problems['campaign-steering-member-cap'] = 'count';
  }
  return problems;
}
