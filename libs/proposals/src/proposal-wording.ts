import type { ProposalState } from '#workflows/proposal';

/** Each stage as officials name it on paper (the list they print, the decision's annex). */
export const STATE_NAMES_VI: Readonly<Record<ProposalState, string>> = {
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
};
