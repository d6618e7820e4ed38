import type { AwardForm, ProposalState } from '#workflows/proposal';

/** Award forms as the directive names them, so a message reads like the letter it enforces. */
export const AWARD_FORM_NAMES: Readonly<Record<AwardForm, { vi: string; en: string }>> = {
  unit_certificate: { vi: 'Giấy khen', en: 'unit certificate' },
  chairman_certificate: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "chairman's certificate" },
};

/** Each stage as officials name it, on screen and on the lists they print. */
export const STATE_NAMES: Record<'vi' | 'en', Record<ProposalState, string>> = {
  vi: {
    drafting: 'Đang soạn',
    unitDecision: 'Chờ thủ trưởng đơn vị',
    councilScreening: 'Hội đồng TĐKT xét',
    homeAffairsAgreement: 'Chờ Sở Nội vụ thống nhất',
    supplementRequested: 'Chờ bổ sung hồ sơ',
    chairmanDecision: 'Chờ Chủ tịch quyết định',
    awarded: 'Đã khen thưởng',
    awardedByUnit: 'Đơn vị đã khen thưởng',
    rejected: 'Không khen thưởng',
    withdrawn: 'Đã rút',
  },
  en: {
    drafting: 'Drafting',
    unitDecision: 'Unit head to decide',
    councilScreening: 'Council screening',
    homeAffairsAgreement: 'Home Affairs to agree',
    supplementRequested: 'Supplement requested',
    chairmanDecision: 'Chairman to decide',
    awarded: 'Awarded',
    awardedByUnit: 'Awarded by the unit',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
  },
};

export const awardFormVi = (form: string): string => AWARD_FORM_NAMES[form as AwardForm]?.vi ?? form;
export const awardFormEn = (form: string): string => AWARD_FORM_NAMES[form as AwardForm]?.en ?? form;

const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day as the HTTP contract writes it: `YYYY-MM-DD`, nothing more. Such strings sort as dates. */
export const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);

/** `2026-06-22` → `22/06/2026`, the way Vietnamese documents write dates; anything else is shown as it is. */
export function dayVi(value: string): string {
  return isDay(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
}

/** Present and not just blank: a guidance whose scope is "" states no scope. */
export const isStated = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** A count the caller may leave out: missing means none. */
export const countOf = (value: number | undefined): number => value ?? 0;

/** A number of awards or of people: a whole number, zero or more. */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
