import { PASS, finding, refused, refusedAll, type Finding, type RuleOutcome } from './rule-finding.js';
import type { GuidanceInput, RuleInput } from './rule-input.js';
import { awardFormEn, awardFormVi, dayVi, isCount, isDay, isStated } from './rule-wording.js';

/**
 * TH-1 (directive, section 1, first point): a thematic award needs a campaign that has a plan, a launched
 * movement, a held final review and issued award guidance stating scope, subjects, criteria, achievement
 * period, award forms and numbers; the achievements must lie inside that period.
 *
 * Reading (docs/rules.md): the proposal cannot leave drafting while any piece is missing, and its achievement date
 * and award form must match the guidance. Each missing piece is a finding of its own, so the drafter sees the
 * whole list at once instead of discovering it one refusal at a time. The quota count is TH-1 too, but it is
 * judged where proposals reach the province: see `th-1-award-quota.rule.ts`.
 */
export function th1CampaignPrerequisites({ proposal, campaign }: RuleInput): RuleOutcome {
  if (proposal.kind !== 'thematic') return PASS;

  if (!isStated(proposal.campaignId)) {
    return refused(
      finding(
        'TH-1',
        'Khen thưởng theo chuyên đề phải gắn với một phong trào thi đua có kế hoạch, đã phát động, đã tổng kết và đã ban hành hướng dẫn khen thưởng; hồ sơ chưa chọn phong trào thi đua.',
        'A thematic award needs a campaign with a plan, a launched movement, a held final review and issued award guidance; the proposal names no campaign.',
      ),
    );
  }
  if (campaign === null) {
    return refused(
      finding(
        'TH-1',
        `Không tìm thấy phong trào thi đua "${proposal.campaignId}" của hồ sơ; khen thưởng theo chuyên đề phải gắn với một phong trào thi đua.`,
        `Campaign "${proposal.campaignId}" of the proposal was not found; a thematic award needs a campaign.`,
      ),
    );
  }

  // `found` stays null, and nothing is allocated, for the complete campaigns most proposals belong to.
  let found: Finding[] | null = null;
  if (campaign.plan === null || campaign.plan === undefined || !isStated(campaign.plan.ref)) {
    found = add(found, 'Phong trào thi đua chưa có kế hoạch thi đua.', 'The campaign has no plan.');
  }
  if (!isStated(campaign.launchedAt)) {
    found = add(
      found,
      'Phong trào thi đua chưa được phát động (thiếu ngày phát động).',
      'The campaign has not been launched (no launch date).',
    );
  }
  // Only that a final review is recorded: whether its date has passed needs a clock, which the rulebook has not.
  if (!isStated(campaign.finalReviewAt)) {
    found = add(
      found,
      'Phong trào thi đua chưa tổ chức tổng kết (thiếu ngày tổng kết).',
      'The campaign has held no final review (no final review date).',
    );
  }
  if (campaign.guidance === null || campaign.guidance === undefined) {
    found = add(
      found,
      'Chưa ban hành hướng dẫn khen thưởng cho phong trào thi đua.',
      'No award guidance has been issued for the campaign.',
    );
  } else {
    found = checkGuidance(found, campaign.guidance, proposal.awardForm, proposal.achievement.date);
  }

  return found === null ? PASS : refusedAll(found);
}

function checkGuidance(found: Finding[] | null, guidance: GuidanceInput, awardForm: string, achievedOn: string) {
  if (!isStated(guidance.ref)) {
    found = add(found, 'Hướng dẫn khen thưởng chưa ghi số hiệu văn bản.', 'The award guidance has no document reference.');
  }
  if (!isStated(guidance.issuedAt)) {
    found = add(found, 'Hướng dẫn khen thưởng chưa ghi ngày ban hành.', 'The award guidance has no issue date.');
  }
  if (!isStated(guidance.scope)) {
    found = add(found, 'Hướng dẫn khen thưởng chưa xác định phạm vi khen thưởng.', 'The award guidance states no scope.');
  }
  if (!isStated(guidance.subjects)) {
    found = add(
      found,
      'Hướng dẫn khen thưởng chưa xác định đối tượng khen thưởng.',
      'The award guidance states no eligible subjects.',
    );
  }
  if (!isStated(guidance.criteria)) {
    found = add(found, 'Hướng dẫn khen thưởng chưa xác định tiêu chuẩn khen thưởng.', 'The award guidance states no criteria.');
  }

  const from = guidance.achievementPeriod?.from;
  const to = guidance.achievementPeriod?.to;
  if (!isStated(from) || !isStated(to)) {
    found = add(
      found,
      'Hướng dẫn khen thưởng chưa xác định thời gian lập thành tích.',
      'The award guidance states no achievement period.',
    );
  } else if (!isDay(from) || !isDay(to) || from > to) {
    found = add(
      found,
      `Thời gian lập thành tích trong hướng dẫn khen thưởng không hợp lệ (${dayVi(from)}–${dayVi(to)}).`,
      `The award guidance's achievement period is not valid (${from} to ${to}).`,
    );
  } else if (!isDay(achievedOn)) {
    found = add(
      found,
      `Ngày lập thành tích "${achievedOn}" không hợp lệ (cần dạng YYYY-MM-DD).`,
      `The achievement date "${achievedOn}" is not a valid YYYY-MM-DD date.`,
    );
  } else if (achievedOn < from || achievedOn > to) {
    // `YYYY-MM-DD` strings sort as the days they name; the first and the last day both count as inside.
    found = add(
      found,
      `Thành tích ngày ${dayVi(achievedOn)} nằm ngoài thời gian lập thành tích theo hướng dẫn khen thưởng (${dayVi(from)}–${dayVi(to)}).`,
      `The achievement of ${achievedOn} lies outside the guidance's achievement period (${from} to ${to}).`,
    );
  }

  const forms = guidance.awardForms;
  const offered = forms !== null && forms !== undefined && forms.includes(awardForm as never);
  if (forms === null || forms === undefined || forms.length === 0) {
    found = add(found, 'Hướng dẫn khen thưởng chưa xác định hình thức khen thưởng.', 'The award guidance states no award forms.');
  } else if (!offered) {
    found = add(
      found,
      `Hình thức "${awardFormVi(awardForm)}" không thuộc các hình thức khen thưởng của hướng dẫn (${forms.map(awardFormVi).join(', ')}).`,
      `The award form "${awardFormEn(awardForm)}" is not among the guidance's award forms (${forms.map(awardFormEn).join(', ')}).`,
    );
  }

  const quota = guidance.quota as Record<string, unknown> | null | undefined;
  if (quota === null || quota === undefined || !hasAnyCount(quota)) {
    found = add(found, 'Hướng dẫn khen thưởng chưa xác định số lượng khen thưởng.', 'The award guidance states no number of awards.');
  } else if (offered && !isCount(quota[awardForm])) {
    // Only for a form the guidance offers: a form it does not offer is refused above already.
    found = add(
      found,
      `Hướng dẫn khen thưởng chưa quy định số lượng cho hình thức "${awardFormVi(awardForm)}".`,
      `The award guidance states no number of awards for the form "${awardFormEn(awardForm)}".`,
    );
  }
  return found;
}

function add(found: Finding[] | null, message: string, messageEn: string): Finding[] {
  const list = found ?? [];
  list.push(finding('TH-1', message, messageEn));
  return list;
}

function hasAnyCount(quota: Record<string, unknown>): boolean {
  for (const form in quota) if (isCount(quota[form])) return true;
  return false;
}
