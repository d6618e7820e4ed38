import { AWARD_FORM_NAMES } from '#rules';
import type { AwardForm, ProposalKind, ProposalState } from '#workflows/proposal';
import { localDeadline } from './local-deadline.js';
import type { NoticeEventType, NoticeText } from './notice.records.js';

export interface NoticeFacts {
  event: NoticeEventType;
  nominee: string;
  kind: ProposalKind;
  awardForm: AwardForm;
  /** The stage the proposal stands in when the notice is made: who has to act now. */
  state: ProposalState;
  /** The proposal's deadline when the notice is made; a timer event always has one, but a text must not fail. */
  deadline: { rule: string; dueAt: string } | null;
}

const KIND_VI: Record<ProposalKind, string> = { thematic: 'theo chuyên đề', extraordinary: 'đột xuất' };
const KIND_EN: Record<ProposalKind, string> = { thematic: 'thematic', extraordinary: 'extraordinary' };

/** Who the proposal waits on, in each stage: what the reader of the notice needs to know to act. */
const WAITING_VI: Record<ProposalState, string> = {
  drafting: 'đang soạn tại đơn vị, chờ trình Thủ trưởng đơn vị',
  unitDecision: 'chờ Thủ trưởng đơn vị quyết định',
  councilScreening: 'chờ Hội đồng Thi đua - Khen thưởng xét',
  homeAffairsAgreement: 'chờ Sở Nội vụ thống nhất',
  supplementRequested: 'chờ đơn vị bổ sung hồ sơ',
  chairmanDecision: 'chờ Chủ tịch UBND tỉnh quyết định',
  awarded: 'đã được khen thưởng',
  awardedByUnit: 'đơn vị đã khen thưởng',
  rejected: 'không được khen thưởng',
  withdrawn: 'đã rút',
};
const WAITING_EN: Record<ProposalState, string> = {
  drafting: 'being drafted at the unit, to be submitted to the unit head',
  unitDecision: 'waiting for the unit head to decide',
  councilScreening: 'waiting for the Emulation and Commendation Council',
  homeAffairsAgreement: 'waiting for the Department of Home Affairs to agree',
  supplementRequested: 'waiting for the unit to supplement the dossier',
  chairmanDecision: 'waiting for the chairman to decide',
  awarded: 'awarded',
  awardedByUnit: 'awarded by the unit',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/**
 * The notice's words, in Vietnamese first (the language of the province's offices) and English. Each names the
 * nominee, the kind and form of the award, who the proposal waits on, the rule and the deadline in Vietnam's
 * local time, so that it can be acted on alone. The proposal's id stays in the notice's fields (and the link
 * built from them), never in its text: an official reads names, not identifiers.
 */
export function noticeText({ event, nominee, kind, awardForm, state, deadline }: NoticeFacts): NoticeText {
  const local = deadline ? { ...localDeadline(deadline.dueAt), rule: deadline.rule } : null;
  const rule = local ? ` ${local.rule}` : '';
  const dueVi = local ? `hạn cuối ${local.vi} (${local.rule})` : 'chưa xác định hạn';
  const dueEn = local ? `due at ${local.en} under rule ${local.rule}` : 'no deadline set';
  const form = AWARD_FORM_NAMES[awardForm];
  const subject =
    `hồ sơ đề nghị khen thưởng ${KIND_VI[kind] ?? kind} (${form?.vi ?? awardForm}): ${nominee} — ${WAITING_VI[state] ?? state}`;
  const subjectEn =
    `${KIND_EN[kind] ?? kind} commendation proposal (${form?.en ?? awardForm}) for ${nominee}, ${WAITING_EN[state] ?? state}`;

  switch (event) {
    case 'DEADLINE_REMINDER':
      return {
        title: `Nhắc hạn${rule}: hồ sơ đề nghị khen thưởng ${nominee}`,
        body: `Sắp đến hạn: ${subject}, ${dueVi}. Đề nghị đơn vị hoàn thiện và trình hồ sơ trước thời hạn.`,
        titleEn: `Deadline reminder${rule}: commendation proposal for ${nominee}`,
        bodyEn: `Deadline approaching: ${subjectEn}, ${dueEn}. Please complete and send the proposal before then.`,
      };
    case 'DEADLINE_MISSED':
      return {
        title: `Quá hạn${rule}: hồ sơ đề nghị khen thưởng ${nominee}`,
        body:
          `Đã quá hạn: ${subject}, ${dueVi}. Hồ sơ chưa được trình đúng hạn; ` +
          'Sở Nội vụ được thông báo để theo dõi, đôn đốc.',
        titleEn: `Deadline missed${rule}: commendation proposal for ${nominee}`,
        bodyEn:
          `Deadline missed: ${subjectEn}, ${dueEn}. The proposal was not sent in time; ` +
          'the Department of Home Affairs is informed to follow it up.',
      };
    case 'ESCALATE':
      return {
        title: `Báo cáo lãnh đạo UBND tỉnh: hồ sơ đề nghị khen thưởng ${nominee} quá hạn${rule}`,
        body:
          `Chuyển lãnh đạo xử lý: ${subject}, ${dueVi}, đã quá hạn và vẫn chưa được giải quyết. ` +
          'Báo cáo Chủ tịch, các Phó Chủ tịch UBND tỉnh và Sở Nội vụ.',
        titleEn: `Escalated to the Provincial People's Committee: commendation proposal for ${nominee} overdue${rule}`,
        bodyEn:
          `Escalation: ${subjectEn}, ${dueEn}, is overdue and still unresolved. ` +
          "Reported to the chairman, the vice-chairmen and the Department of Home Affairs.",
      };
  }
}
