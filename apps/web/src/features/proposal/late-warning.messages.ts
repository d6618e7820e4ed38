const STEP_VI = { SUBMIT: 'trình thủ trưởng đơn vị', FORWARD: 'đơn vị trình UBND tỉnh' } as const;
const STEP_EN = { SUBMIT: 'it is submitted to the unit head', FORWARD: 'the unit proposes it to the province' } as const;

type Step = keyof typeof STEP_VI;

const overdueVi = (days: number | null) => (days && days > 0 ? `quá hạn ${days} ngày làm việc` : 'quá hạn');
const overdueEn = (days: number | null) => (days && days > 0 ? `${days} working day${days === 1 ? '' : 's'} late` : 'late');

/**
 * The late warning, on the page and in the dialog of the step that meets the deadline (docs/rules.md DX-4,
 * TH-5). Each sentence is followed by the rule's link, so it reads "… theo DX-4" with DX-4 opening the rule.
 */
export const LATE_MESSAGES = {
  vi: {
    heading: 'Thời hạn',
    marked: 'Hồ sơ đã được ghi nhận là nộp quá hạn theo',
    pending: (days: number | null, step: Step) => `Hồ sơ đã ${overdueVi(days)}: khi ${STEP_VI[step]}, hồ sơ sẽ được ghi nhận là nộp quá hạn theo`,
    confirmMeeting: (days: number | null) => `Hồ sơ sẽ được ghi nhận là nộp ${overdueVi(days)} theo`,
    due: (due: string) => ` (hạn cuối ${due}).`,
    confirmMeetingAfter:
      'Hồ sơ vẫn được chuyển đi, nhưng mang dấu quá hạn trên mọi danh sách và được báo cáo cấp trên. Nếu có lý do chính đáng, ghi vào tờ trình.',
    confirmBefore: (days: number | null) => `Hồ sơ đã ${overdueVi(days)} theo`,
    confirmBeforeAfter: 'Khi thủ trưởng đơn vị trình UBND tỉnh, hồ sơ sẽ được ghi nhận là nộp quá hạn.',
  },
  en: {
    heading: 'Deadline',
    marked: 'This proposal has been recorded as late under',
    pending: (days: number | null, step: Step) => `Already ${overdueEn(days)}: when ${STEP_EN[step]}, it will be recorded as late under`,
    confirmMeeting: (days: number | null) => `The proposal will be recorded as ${overdueEn(days)} under`,
    due: (due: string) => ` (last day ${due}).`,
    confirmMeetingAfter:
      'It still goes on, but carries the late mark on every list and is escalated. If there is a good reason, state it in the submission.',
    confirmBefore: (days: number | null) => `The proposal is already ${overdueEn(days)} under`,
    confirmBeforeAfter: 'When the unit head proposes it to the province, it will be recorded as late.',
  },
};
