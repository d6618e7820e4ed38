import type { AwardForm, ProposalEventType, ProposalState } from '#workflows/proposal';
import type { Lang } from '../../i18n/i18n.js';

/**
 * What each button says, and what its dialog asks, in the words of the office that presses it. One event is
 * a different act in each stage (workflows/proposal/proposal-v2.machine.ts): REJECT is the council declining to
 * recommend, the Department of Home Affairs not agreeing, and only in the chairman's stage "Không khen thưởng",
 * since only the chairman (or a vice-chairman on the chairman's behalf) decides an award of the province
 * (Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP). A stage a newer machine adds falls back to the
 * event's plain name.
 */
type Labels = Partial<Record<ProposalEventType, string>>;

const LABELS_VI: Partial<Record<ProposalState, Labels>> = {
  drafting: {
    UPDATE: 'Sửa hồ sơ',
    SUBMIT: 'Trình thủ trưởng đơn vị',
    WITHDRAW: 'Rút hồ sơ',
  },
  unitDecision: {
    AWARD_AT_UNIT: 'Khen thưởng theo thẩm quyền của đơn vị',
    FORWARD: 'Trình UBND tỉnh khen thưởng',
    RETURN: 'Trả lại để hoàn thiện',
    REJECT: 'Không đề nghị khen thưởng',
    WITHDRAW: 'Rút hồ sơ',
  },
  councilScreening: {
    RECOMMEND: 'Đề nghị khen thưởng (ghi kết quả biểu quyết)',
    RETURN: 'Trả lại đơn vị',
    REJECT: 'Không đề nghị khen thưởng',
  },
  homeAffairsAgreement: {
    AGREE: 'Thống nhất, trình Chủ tịch UBND tỉnh',
    REQUEST_SUPPLEMENT: 'Đề nghị bổ sung hồ sơ',
    RETURN: 'Trả lại đơn vị',
    REJECT: 'Không thống nhất',
  },
  supplementRequested: {
    SUPPLEMENT: 'Đã bổ sung, gửi lại Sở Nội vụ',
    REJECT: 'Không thống nhất',
    WITHDRAW: 'Rút hồ sơ',
  },
  chairmanDecision: {
    APPROVE: 'Ký quyết định khen thưởng',
    RETURN: 'Trả lại Sở Nội vụ',
    REJECT: 'Không khen thưởng',
  },
};

const LABELS_EN: Partial<Record<ProposalState, Labels>> = {
  drafting: { UPDATE: 'Edit the proposal', SUBMIT: 'Submit to the unit head', WITHDRAW: 'Withdraw' },
  unitDecision: {
    AWARD_AT_UNIT: "Award within the unit's authority",
    FORWARD: 'Propose to the province',
    RETURN: 'Return for completion',
    REJECT: 'Do not propose an award',
    WITHDRAW: 'Withdraw',
  },
  councilScreening: { RECOMMEND: 'Recommend (record the vote)', RETURN: 'Return to the unit', REJECT: 'Do not recommend' },
  homeAffairsAgreement: {
    AGREE: 'Agree, submit to the chairman',
    REQUEST_SUPPLEMENT: 'Ask for more documents',
    RETURN: 'Return to the unit',
    REJECT: 'Do not agree',
  },
  supplementRequested: { SUPPLEMENT: 'Documents added, send back to Home Affairs', REJECT: 'Do not agree', WITHDRAW: 'Withdraw' },
  chairmanDecision: { APPROVE: 'Sign the award decision', RETURN: 'Return to Home Affairs', REJECT: 'No award' },
};

/** The plain names of events, where a stage has no word of its own (and for the system's events). */
const FALLBACK: Record<Lang, Record<ProposalEventType, string>> = {
  vi: {
    UPDATE: 'Sửa hồ sơ',
    SUBMIT: 'Trình thủ trưởng đơn vị',
    WITHDRAW: 'Rút hồ sơ',
    AWARD_AT_UNIT: 'Khen thưởng theo thẩm quyền của đơn vị',
    FORWARD: 'Trình UBND tỉnh khen thưởng',
    RETURN: 'Trả lại',
    REJECT: 'Không đề nghị khen thưởng',
    RECOMMEND: 'Đề nghị khen thưởng (ghi kết quả biểu quyết)',
    AGREE: 'Thống nhất',
    REQUEST_SUPPLEMENT: 'Đề nghị bổ sung hồ sơ',
    SUPPLEMENT: 'Đã bổ sung hồ sơ',
    APPROVE: 'Ký quyết định khen thưởng',
    DEADLINE_REMINDER: 'Nhắc hạn',
    DEADLINE_MISSED: 'Quá hạn',
    ESCALATE: 'Báo cáo cấp trên',
  },
  en: {
    UPDATE: 'Edit the proposal',
    SUBMIT: 'Submit to the unit head',
    WITHDRAW: 'Withdraw',
    AWARD_AT_UNIT: "Award within the unit's authority",
    FORWARD: 'Propose to the province',
    RETURN: 'Return',
    REJECT: 'Do not propose an award',
    RECOMMEND: 'Recommend (record the vote)',
    AGREE: 'Agree',
    REQUEST_SUPPLEMENT: 'Ask for more documents',
    SUPPLEMENT: 'Documents added',
    APPROVE: 'Sign the award decision',
    DEADLINE_REMINDER: 'Deadline reminder',
    DEADLINE_MISSED: 'Deadline missed',
    ESCALATE: 'Escalate',
  },
};

/**
 * The button's words for `type` in `state`. A unit head turning down a Giấy khen, which the unit itself would
 * have awarded, decides not to award; turning down a Bằng khen, the head decides not to propose it.
 */
export function actionLabel(lang: Lang, state: string, type: ProposalEventType, awardForm?: AwardForm): string {
  if (state === 'unitDecision' && type === 'REJECT' && awardForm === 'unit_certificate') {
    return lang === 'vi' ? 'Không khen thưởng' : 'No award';
  }
  const table = lang === 'vi' ? LABELS_VI : LABELS_EN;
  return table[state as ProposalState]?.[type] ?? FALLBACK[lang][type] ?? type;
}

/**
 * The question each dialog asks before the event is sent: what happens next and to whom the dossier goes, so
 * nobody confirms an act they read differently.
 */
const INTRO_VI: Partial<Record<ProposalState, Partial<Record<ProposalEventType, (nominee: string) => string>>>> = {
  drafting: {
    SUBMIT: (n) => `Trình hồ sơ đề nghị khen thưởng ${n} lên thủ trưởng đơn vị xem xét? Sau khi trình, hồ sơ không sửa được nữa trừ khi bị trả lại.`,
    WITHDRAW: (n) => `Rút hồ sơ ${n}: hồ sơ dừng xử lý và không trình lại được. Ghi rõ lý do; lý do được lưu vào nhật ký.`,
  },
  unitDecision: {
    AWARD_AT_UNIT: (n) => `Thủ trưởng đơn vị quyết định khen thưởng ${n} theo thẩm quyền. Ghi số, ngày ký và người ký quyết định.`,
    FORWARD: (n) => `Trình UBND tỉnh (qua Hội đồng Thi đua – Khen thưởng tỉnh) đề nghị khen thưởng ${n}?`,
    RETURN: (n) => `Trả lại hồ sơ ${n} cho cán bộ soạn hồ sơ để hoàn thiện. Ghi rõ cần sửa, bổ sung gì; người soạn hồ sơ sẽ đọc được.`,
    REJECT: (n) => `Không đề nghị khen thưởng ${n}: hồ sơ kết thúc. Ghi rõ lý do; lý do được lưu vào nhật ký.`,
    WITHDRAW: (n) => `Rút hồ sơ ${n}: hồ sơ dừng xử lý. Ghi rõ lý do; lý do được lưu vào nhật ký.`,
  },
  councilScreening: {
    RECOMMEND: (n) => `Ghi kết quả biểu quyết của Hội đồng Thi đua – Khen thưởng đề nghị khen thưởng ${n}; hồ sơ chuyển Sở Nội vụ.`,
    RETURN: (n) => `Hội đồng trả lại hồ sơ ${n} cho đơn vị. Ghi rõ cần sửa, bổ sung gì; đơn vị sẽ đọc được.`,
    REJECT: (n) => `Hội đồng không đề nghị khen thưởng ${n}: hồ sơ kết thúc. Ghi rõ lý do; đơn vị sẽ đọc được.`,
  },
  homeAffairsAgreement: {
    AGREE: (n) => `Sở Nội vụ thống nhất đề nghị khen thưởng ${n} và trình Chủ tịch UBND tỉnh quyết định?`,
    REQUEST_SUPPLEMENT: (n) => `Đề nghị đơn vị bổ sung hồ sơ ${n}; hồ sơ vẫn ở Sở Nội vụ. Ghi rõ hồ sơ còn thiếu những gì.`,
    RETURN: (n) => `Trả lại hồ sơ ${n} cho đơn vị; hồ sơ phải trình lại từ đầu. Ghi rõ lý do.`,
    REJECT: (n) => `Sở Nội vụ không thống nhất đề nghị khen thưởng ${n}: hồ sơ kết thúc. Ghi rõ lý do; đơn vị sẽ đọc được.`,
  },
  supplementRequested: {
    SUPPLEMENT: (n) => `Báo Sở Nội vụ đã bổ sung hồ sơ ${n}; có thể ghi chú những gì đã bổ sung.`,
    REJECT: (n) => `Sở Nội vụ không thống nhất đề nghị khen thưởng ${n}: hồ sơ kết thúc. Ghi rõ lý do.`,
    WITHDRAW: (n) => `Rút hồ sơ ${n} khỏi cấp tỉnh: hồ sơ dừng xử lý. Ghi rõ lý do.`,
  },
  chairmanDecision: {
    APPROVE: (n) => `Ký quyết định khen thưởng ${n}. Ghi số quyết định, ngày ký và người ký.`,
    RETURN: (n) => `Trả lại hồ sơ ${n} cho Sở Nội vụ. Ghi rõ lý do.`,
    REJECT: (n) => `Không khen thưởng ${n}: hồ sơ kết thúc. Ghi rõ lý do; lý do được lưu vào nhật ký.`,
  },
};

const INTRO_EN: Partial<Record<ProposalState, Partial<Record<ProposalEventType, (nominee: string) => string>>>> = {
  drafting: {
    SUBMIT: (n) => `Submit the proposal for ${n} to the unit head? Once submitted it cannot be edited unless it is returned.`,
    WITHDRAW: (n) => `Withdraw the proposal for ${n}: it stops here for good. Give the reason; it is kept in the log.`,
  },
  unitDecision: {
    AWARD_AT_UNIT: (n) => `The unit head awards ${n} within the unit's authority. Record the decision's number, date and signer.`,
    FORWARD: (n) => `Propose ${n} to the province (through the provincial commendation council)?`,
    RETURN: (n) => `Return the proposal for ${n} to the drafter to complete. Say what to change or add; the drafter will read it.`,
    REJECT: (n) => `Do not propose ${n} for an award: the proposal ends. Give the reason; it is kept in the log.`,
    WITHDRAW: (n) => `Withdraw the proposal for ${n}: it stops here. Give the reason; it is kept in the log.`,
  },
  councilScreening: {
    RECOMMEND: (n) => `Record the council's vote recommending ${n}; the proposal goes on to Home Affairs.`,
    RETURN: (n) => `The council returns the proposal for ${n} to the unit. Say what to change or add; the unit will read it.`,
    REJECT: (n) => `The council does not recommend ${n}: the proposal ends. Give the reason; the unit will read it.`,
  },
  homeAffairsAgreement: {
    AGREE: (n) => `Home Affairs agrees to the award for ${n} and submits it to the chairman?`,
    REQUEST_SUPPLEMENT: (n) => `Ask the unit for more documents for ${n}; the proposal stays with Home Affairs. Say what is missing.`,
    RETURN: (n) => `Return the proposal for ${n} to the unit; it starts again from drafting. Give the reason.`,
    REJECT: (n) => `Home Affairs does not agree to the award for ${n}: the proposal ends. Give the reason; the unit will read it.`,
  },
  supplementRequested: {
    SUPPLEMENT: (n) => `Tell Home Affairs the documents for ${n} have been added; you may note what was added.`,
    REJECT: (n) => `Home Affairs does not agree to the award for ${n}: the proposal ends. Give the reason.`,
    WITHDRAW: (n) => `Withdraw the proposal for ${n} from the province: it stops here. Give the reason.`,
  },
  chairmanDecision: {
    APPROVE: (n) => `Sign the decision awarding ${n}. Record the decision's number, date and signer.`,
    RETURN: (n) => `Return the proposal for ${n} to Home Affairs. Give the reason.`,
    REJECT: (n) => `No award for ${n}: the proposal ends. Give the reason; it is kept in the log.`,
  },
};

/** The dialog's question for `type` in `state`, or null where the stage has none of its own (the generic one is used). */
export function actionIntro(lang: Lang, state: string, type: ProposalEventType, nominee: string): string | null {
  const table = lang === 'vi' ? INTRO_VI : INTRO_EN;
  return table[state as ProposalState]?.[type]?.(nominee) ?? null;
}

/**
 * What happened, as the history "Quá trình xử lý" tells it: who acted in which capacity, read from the stage the
 * event left (`from`). The log is untrusted text: an event the console has no words for is named as the log
 * writes it by the caller.
 */
const HISTORY_VI: Record<string, string | Partial<Record<ProposalState, string>>> = {
  CREATED: 'Lập hồ sơ đề nghị khen thưởng',
  UPDATE: 'Sửa hồ sơ',
  SUBMIT: 'Trình thủ trưởng đơn vị',
  WITHDRAW: 'Rút hồ sơ',
  AWARD_AT_UNIT: 'Thủ trưởng đơn vị quyết định khen thưởng theo thẩm quyền',
  FORWARD: 'Thủ trưởng đơn vị trình UBND tỉnh đề nghị khen thưởng',
  RETURN: {
    unitDecision: 'Thủ trưởng đơn vị trả lại để hoàn thiện',
    councilScreening: 'Hội đồng Thi đua – Khen thưởng trả lại đơn vị',
    homeAffairsAgreement: 'Sở Nội vụ trả lại đơn vị',
    chairmanDecision: 'Chủ tịch UBND tỉnh trả lại Sở Nội vụ',
  },
  REJECT: {
    unitDecision: 'Thủ trưởng đơn vị không đề nghị khen thưởng',
    councilScreening: 'Hội đồng Thi đua – Khen thưởng không đề nghị khen thưởng',
    homeAffairsAgreement: 'Sở Nội vụ không thống nhất đề nghị khen thưởng',
    supplementRequested: 'Sở Nội vụ không thống nhất đề nghị khen thưởng',
    chairmanDecision: 'Chủ tịch UBND tỉnh không khen thưởng',
  },
  RECOMMEND: 'Hội đồng Thi đua – Khen thưởng biểu quyết đề nghị khen thưởng',
  AGREE: 'Sở Nội vụ thống nhất, trình Chủ tịch UBND tỉnh',
  REQUEST_SUPPLEMENT: 'Sở Nội vụ đề nghị bổ sung hồ sơ',
  SUPPLEMENT: 'Đơn vị đã bổ sung hồ sơ',
  APPROVE: 'Chủ tịch UBND tỉnh ký quyết định khen thưởng',
  DEADLINE_REMINDER: 'Hệ thống nhắc hồ sơ sắp đến hạn',
  DEADLINE_MISSED: 'Hệ thống ghi nhận hồ sơ đã quá hạn',
  ESCALATE: 'Hệ thống báo cáo cấp trên vì hồ sơ quá hạn',
  MIGRATED: 'Chuyển hồ sơ sang quy trình xét mới',
  DOCUMENT_ATTACHED: 'Đính kèm tài liệu',
  DOCUMENT_REMOVED: 'Gỡ tài liệu',
};

const HISTORY_EN: Record<string, string | Partial<Record<ProposalState, string>>> = {
  CREATED: 'Proposal drafted',
  UPDATE: 'Proposal edited',
  SUBMIT: 'Submitted to the unit head',
  WITHDRAW: 'Withdrawn',
  AWARD_AT_UNIT: "The unit head awarded it within the unit's authority",
  FORWARD: 'The unit head proposed it to the province',
  RETURN: {
    unitDecision: 'The unit head returned it for completion',
    councilScreening: 'The council returned it to the unit',
    homeAffairsAgreement: 'Home Affairs returned it to the unit',
    chairmanDecision: 'The chairman returned it to Home Affairs',
  },
  REJECT: {
    unitDecision: 'The unit head decided not to propose it',
    councilScreening: 'The council did not recommend it',
    homeAffairsAgreement: 'Home Affairs did not agree',
    supplementRequested: 'Home Affairs did not agree',
    chairmanDecision: 'The chairman decided on no award',
  },
  RECOMMEND: 'The council voted to recommend it',
  AGREE: 'Home Affairs agreed and submitted it to the chairman',
  REQUEST_SUPPLEMENT: 'Home Affairs asked for more documents',
  SUPPLEMENT: 'The unit added the documents',
  APPROVE: 'The chairman signed the award decision',
  DEADLINE_REMINDER: 'The system sent a deadline reminder',
  DEADLINE_MISSED: 'The system recorded the deadline as missed',
  ESCALATE: 'The system escalated the missed deadline',
  MIGRATED: 'Moved to a new version of the workflow',
  DOCUMENT_ATTACHED: 'Document attached',
  DOCUMENT_REMOVED: 'Document removed',
};

export function historyPhrase(lang: Lang, type: string, from: string | null, roles: readonly string[] = []): string | null {
  const entry = (lang === 'vi' ? HISTORY_VI : HISTORY_EN)[type];
  if (entry === undefined) return null;
  if (typeof entry !== 'string') {
    const phrase = from ? entry[from as ProposalState] : undefined;
    return phrase ?? (FALLBACK[lang] as Record<string, string>)[type] ?? null;
  }
  // A vice-chairman signs on the chairman's behalf (KT. CHỦ TỊCH): the history says who signed.
  if (type === 'APPROVE' && roles.includes('vice_chairman') && !roles.includes('chairman')) {
    return lang === 'vi' ? 'Phó Chủ tịch UBND tỉnh ký quyết định khen thưởng (KT. Chủ tịch)' : 'A vice-chairman signed the award decision for the chairman';
  }
  return entry;
}

/** Where the proposal stands after an event, in full words: the history reads as sentences, not badges. */
export const STAGE_NAMES: Record<Lang, Record<ProposalState, string>> = {
  vi: {
    drafting: 'Đơn vị đang soạn hồ sơ',
    unitDecision: 'Chờ thủ trưởng đơn vị xem xét',
    councilScreening: 'Hội đồng Thi đua – Khen thưởng xem xét',
    homeAffairsAgreement: 'Chờ Sở Nội vụ thống nhất',
    supplementRequested: 'Chờ đơn vị bổ sung hồ sơ',
    chairmanDecision: 'Chờ Chủ tịch UBND tỉnh quyết định',
    awarded: 'Đã có quyết định khen thưởng',
    awardedByUnit: 'Đơn vị đã khen thưởng theo thẩm quyền',
    rejected: 'Không khen thưởng (hồ sơ kết thúc)',
    withdrawn: 'Hồ sơ đã rút',
  },
  en: {
    drafting: 'The unit is drafting it',
    unitDecision: 'With the unit head',
    councilScreening: 'With the commendation council',
    homeAffairsAgreement: 'With Home Affairs',
    supplementRequested: 'Waiting for the unit to add documents',
    chairmanDecision: 'With the chairman',
    awarded: 'Awarded by decision',
    awardedByUnit: 'Awarded by the unit',
    rejected: 'No award (closed)',
    withdrawn: 'Withdrawn',
  },
};

export function stageName(lang: Lang, state: string | null): string | null {
  if (state === null) return null;
  return (STAGE_NAMES[lang] as Record<string, string>)[state] ?? null;
}
