import { localDeadline } from './local-deadline.js';
import type { NoticeEventType, NoticeText } from './notice.records.js';

export interface NoticeFacts {
  event: NoticeEventType;
  proposalId: string;
  nominee: string;
  /** The proposal's deadline when the notice is made; a timer event always has one, but a text must not fail. */
  deadline: { rule: string; dueAt: string } | null;
}

/**
 * The notice's words, in Vietnamese first (the language of the province's offices) and English. Each names the
 * proposal, the nominee, the rule and the deadline in Vietnam's local time, so that it can be acted on alone.
 */
export function noticeText({ event, proposalId, nominee, deadline }: NoticeFacts): NoticeText {
  const local = deadline ? { ...localDeadline(deadline.dueAt), rule: deadline.rule } : null;
  const rule = local ? ` ${local.rule}` : '';
  const dueVi = local ? `hạn cuối ${local.vi} (${local.rule})` : 'chưa xác định hạn';
  const dueEn = local ? `due at ${local.en} under rule ${local.rule}` : 'no deadline set';
  const subject = `hồ sơ đề nghị khen thưởng ${proposalId} (${nominee})`;
  const subjectEn = `commendation proposal ${proposalId} (${nominee})`;

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
