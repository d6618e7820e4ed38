import type { EventNeed, FormProblem } from './event-body.js';

export const ACTION_PANEL_MESSAGES = {
  vi: {
    title: 'Thao tác',
    nothing: 'Ở bước này bạn không có thao tác nào với hồ sơ.',
    sent: (event: string) => `Đã ghi “${event}”. Trang đã được tải lại.`,
    conflict:
      'Người khác đã xử lý hồ sơ này trước bạn. Trang đã được tải lại với trạng thái mới; hãy xem lại trước khi thao tác.',
    edit: 'Sửa hồ sơ',
    returned: 'Hồ sơ bị trả lại:',
    returnedHint: 'Sửa hồ sơ theo yêu cầu, bổ sung tài liệu nếu cần, rồi trình lại.',
  },
  en: {
    title: 'Actions',
    nothing: 'You have nothing to do with this proposal at this stage.',
    sent: (event: string) => `“${event}” recorded. The page has been reloaded.`,
    conflict: 'Someone acted on this proposal first. The page has been reloaded with its new state; check it before acting.',
    edit: 'Edit the proposal',
    returned: 'The proposal was returned:',
    returnedHint: 'Edit it as asked, add documents if needed, and submit it again.',
  },
};

const INTRO_VI: Record<EventNeed, (event: string, nominee: string) => string> = {
  confirm: (event, nominee) => `Xác nhận “${event}” đối với hồ sơ đề nghị khen thưởng ${nominee}?`,
  reason: (event, nominee) => `“${event}” hồ sơ ${nominee}: ghi rõ lý do; lý do được lưu vào nhật ký và người soạn hồ sơ sẽ đọc được.`,
  vote: (_event, nominee) => `Ghi kết quả biểu quyết của Hội đồng về hồ sơ ${nominee}.`,
  decision: (_event, nominee) => `Ghi quyết định khen thưởng ${nominee}.`,
  note: (_event, nominee) => `Báo đã bổ sung hồ sơ ${nominee}; có thể ghi chú những gì đã bổ sung.`,
};

const INTRO_EN: Record<EventNeed, (event: string, nominee: string) => string> = {
  confirm: (event, nominee) => `Confirm “${event}” for the proposal for ${nominee}?`,
  reason: (event, nominee) => `“${event}”, proposal for ${nominee}: give the reason; it is kept in the log and the drafter will read it.`,
  vote: (_event, nominee) => `Record the council's vote on the proposal for ${nominee}.`,
  decision: (_event, nominee) => `Record the decision awarding ${nominee}.`,
  note: (_event, nominee) => `Report that the documents for ${nominee} have been supplied; you may note what was added.`,
};

const PROBLEMS_VI: Record<FormProblem, string> = {
  required: 'Cần điền mục này.',
  tooLong: 'Tối đa 2000 ký tự.',
  wholeNumber: 'Nhập một số nguyên không âm.',
  atLeastOne: 'Hội đồng phải có ít nhất 1 thành viên.',
  tooManyVotes: 'Số phiếu tán thành cộng không tán thành không được vượt quá số thành viên.',
  noMajority: 'Đề nghị khen thưởng cần số phiếu tán thành nhiều hơn số phiếu không tán thành.',
  date: 'Ngày viết theo dạng YYYY-MM-DD và phải là ngày có thật.',
};

const PROBLEMS_EN: Record<FormProblem, string> = {
  required: 'This is required.',
  tooLong: 'At most 2000 characters.',
  wholeNumber: 'Enter a whole number, 0 or more.',
  atLeastOne: 'The council has at least 1 member.',
  tooManyVotes: 'Votes for plus votes against cannot exceed the members.',
  noMajority: 'A recommendation needs more votes for than against.',
  date: 'Write the date as YYYY-MM-DD, and a real day.',
};

export const EVENT_DIALOG_MESSAGES = {
  vi: {
    intro: (need: EventNeed, event: string, nominee: string) => INTRO_VI[need](event, nominee),
    problem: (problem: FormProblem) => PROBLEMS_VI[problem],
    reason: 'Lý do',
    supplementReason: 'Hồ sơ còn thiếu những gì',
    note: 'Ghi chú (không bắt buộc)',
    vote: 'Kết quả biểu quyết',
    members: 'Số thành viên Hội đồng',
    for: 'Số phiếu tán thành',
    against: 'Số phiếu không tán thành',
    decision: 'Quyết định',
    number: 'Số quyết định',
    numberHint: 'Ví dụ: 1520/QĐ-UBND',
    date: 'Ngày ký',
    signedBy: 'Người ký',
    signedByHint: 'Điền sẵn tên người đang đăng nhập; sửa nếu người khác ký.',
    send: 'Gửi',
    sending: 'Đang gửi…',
    fix: 'Biểu mẫu còn lỗi; xem các mục được đánh dấu.',
  },
  en: {
    intro: (need: EventNeed, event: string, nominee: string) => INTRO_EN[need](event, nominee),
    problem: (problem: FormProblem) => PROBLEMS_EN[problem],
    reason: 'Reason',
    supplementReason: 'What the dossier lacks',
    note: 'Note (optional)',
    vote: 'Vote',
    members: 'Council members',
    for: 'Votes for',
    against: 'Votes against',
    decision: 'Decision',
    number: 'Decision number',
    numberHint: 'For example: 1520/QĐ-UBND',
    date: 'Date signed',
    signedBy: 'Signed by',
    signedByHint: 'Filled in with the signed-in person; change it if someone else signs.',
    send: 'Send',
    sending: 'Sending…',
    fix: 'The form has problems; see the marked fields.',
  },
};
