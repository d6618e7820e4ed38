import type { ErrorCode } from '#contracts';
import { classifyProblem, type ProblemKind } from '../features/forms/field-problems.js';
import { FIELD_PROBLEM_MESSAGES, upper } from '../features/forms/field-problems.messages.js';
import type { Lang } from '../i18n/i18n.js';

/**
 * What a refusal of the API means for the person who met it, per stable code (libs/kernel DomainErrorCode and
 * the HTTP edge's codes, libs/contracts errors.ts): what happened, then what to do next. The server's own
 * message (English, for logs and developers) is never shown to officials; auditors and administrators find it
 * folded under "Chi tiết kỹ thuật".
 */
const CODES_VI: Record<ErrorCode, string> = {
  VERSION_CONFLICT: 'Hồ sơ vừa được người khác cập nhật. Tải lại trang để xem bản mới rồi thao tác lại.',
  INVALID_TRANSITION:
    'Ở bước hiện tại, hồ sơ không nhận thao tác này nữa (có thể người khác vừa xử lý). Tải lại trang để xem hồ sơ đang ở bước nào và những thao tác còn làm được.',
  FORBIDDEN:
    'Bạn không có quyền thực hiện việc này với hồ sơ ở bước hiện tại. Nếu cho rằng có nhầm lẫn, đề nghị quản trị viên kiểm tra vai trò và đơn vị của tài khoản.',
  NOT_FOUND: 'Không tìm thấy nội dung cần mở: đường dẫn không đúng, hoặc bạn không được xem hồ sơ của đơn vị này. Quay lại danh sách hồ sơ.',
  RULE_VIOLATION: 'Chưa thực hiện được vì hồ sơ chưa đáp ứng quy định:',
  VALIDATION_FAILED: 'Thông tin gửi đi chưa hợp lệ. Sửa các mục dưới đây rồi gửi lại.',
  IDEMPOTENCY_KEY_REUSED: 'Yêu cầu này đã được gửi một lần với nội dung khác. Tải lại trang rồi thao tác lại.',
  DUPLICATE: 'Nội dung này đã có trong hệ thống. Kiểm tra danh sách trước khi tạo mới.',
  NOT_CONFIGURED: 'Chức năng này chưa được cài đặt trên máy chủ. Báo quản trị viên.',
  PAYLOAD_TOO_LARGE: 'Tệp hoặc nội dung gửi đi quá lớn. Giảm dung lượng (ví dụ quét lại với độ phân giải thấp hơn) rồi gửi lại.',
  UNSUPPORTED_MEDIA_TYPE: 'Chỉ nhận tệp PDF, Word (.docx), ảnh JPEG hoặc PNG.',
  UNSAFE_ARCHIVE: 'Tệp Word bị hỏng hoặc có cấu trúc không an toàn nên không được nhận. Mở tệp, lưu lại rồi gửi lại.',
  FORM_NOT_READY: 'Văn bản này chưa lập được vì hồ sơ chưa đến bước có đủ nội dung (ví dụ quyết định chỉ có sau khi Chủ tịch ký).',
  TOO_MANY_STREAMS: 'Bạn đang mở quá nhiều cửa sổ của hệ thống. Đóng bớt các thẻ trình duyệt rồi tải lại trang.',
  CONFIRMATION_REQUIRED: 'Việc này có hệ quả cần bạn xác nhận trước khi thực hiện.',
  UNIT_DISSOLVED: 'Đơn vị này đã sáp nhập hoặc giải thể nên không lập, sửa thêm hồ sơ. Lập hồ sơ cho đơn vị kế thừa.',
  UNAUTHENTICATED: 'Phiên đăng nhập đã hết hạn hoặc mã truy cập không hợp lệ. Đăng nhập lại.',
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'Yêu cầu quá lớn để máy chủ nhận. Đăng xuất, đăng nhập lại rồi thử lại.',
  QUEUE_UNAVAILABLE: 'Bộ phận xử lý nền tạm thời không hoạt động. Thử lại sau ít phút.',
  BAD_REQUEST: 'Máy chủ không nhận yêu cầu này. Tải lại trang rồi thử lại; nếu vẫn lỗi, báo quản trị viên.',
  HTTP_ERROR: 'Máy chủ không nhận yêu cầu này. Tải lại trang rồi thử lại; nếu vẫn lỗi, báo quản trị viên.',
  INTERNAL: 'Máy chủ gặp sự cố khi xử lý; sự cố đã được ghi lại. Thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.',
};

const CODES_EN: Record<ErrorCode, string> = {
  VERSION_CONFLICT: 'Someone else has just updated this proposal. Reload the page to see the new version, then act again.',
  INVALID_TRANSITION:
    'At its current stage the proposal no longer takes this action (someone may have just acted on it). Reload the page to see its stage and what can still be done.',
  FORBIDDEN: 'You may not do this with the proposal at its current stage. If you think this is a mistake, ask an administrator to check your roles and unit.',
  NOT_FOUND: 'What you asked for was not found: the address is wrong, or the proposal belongs to a unit you cannot see. Go back to the list.',
  RULE_VIOLATION: 'Not done: the proposal does not meet the rules yet:',
  VALIDATION_FAILED: 'Some of what was sent is not valid. Correct the items below and send again.',
  IDEMPOTENCY_KEY_REUSED: 'This request was already sent once with different content. Reload the page and act again.',
  DUPLICATE: 'This already exists. Check the list before creating it again.',
  NOT_CONFIGURED: 'This function is not set up on the server. Tell an administrator.',
  PAYLOAD_TOO_LARGE: 'The file or content is too large. Make it smaller (for example scan at a lower resolution) and send again.',
  UNSUPPORTED_MEDIA_TYPE: 'Only PDF, Word (.docx), JPEG or PNG files are accepted.',
  UNSAFE_ARCHIVE: 'The Word file is damaged or unsafe and was not accepted. Open it, save it again and resend.',
  FORM_NOT_READY: 'This document cannot be produced yet: the proposal has not reached the stage that provides its content (a decision exists only once signed).',
  TOO_MANY_STREAMS: 'You have too many windows of the console open. Close some tabs and reload the page.',
  CONFIRMATION_REQUIRED: 'This has consequences you need to confirm first.',
  UNIT_DISSOLVED: 'This unit has been merged or dissolved and takes no new or changed proposals. Draft for its successor.',
  UNAUTHENTICATED: 'Your session has expired or the token is not valid. Sign in again.',
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'The request is too large for the server. Sign out, sign in again and retry.',
  QUEUE_UNAVAILABLE: 'Background processing is unavailable for the moment. Try again in a few minutes.',
  BAD_REQUEST: 'The server did not accept this request. Reload the page and try again; if it persists, tell an administrator.',
  HTTP_ERROR: 'The server did not accept this request. Reload the page and try again; if it persists, tell an administrator.',
  INTERNAL: 'The server ran into a problem; it has been logged. Try again in a few minutes; if it persists, tell an administrator.',
};

/** Vietnamese letters beyond ASCII: a message that has them was written for officials and is shown as it is. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** A field of the API's bodies as the forms name it (one table: features/forms/field-problems.messages.ts). */
function fieldName(lang: Lang, field: string): string | undefined {
  const labels = FIELD_PROBLEM_MESSAGES[lang].labels;
  const label = labels[field] ?? labels[field.split('.')[0]!];
  return label === undefined ? undefined : upper(label);
}

/** The short phrase after a field's name ("Ngày ký: không được là ngày trong tương lai"), per kind of problem. */
const PHRASES_VI: Record<ProblemKind, (limit?: number) => string> = {
  required: () => 'cần điền',
  choose: () => 'cần điền',
  future: () => 'không được là ngày trong tương lai',
  tooOld: (years) => `không được sớm hơn ${years ?? 20} năm trước`,
  beforeAchievement: () => 'sớm hơn ngày mà nó phải đi sau',
  date: () => 'ngày không hợp lệ',
  singleLine: () => 'chỉ được viết trên một dòng',
  tooLong: (max) => `dài quá ${max} ký tự`,
  tooShort: (min) => `cần ít nhất ${min} ký tự`,
  notAllowed: () => 'có mục không được phép gửi',
  choice: () => 'không thuộc các lựa chọn cho phép',
  wholeNumber: () => 'phải là số nguyên không âm',
  tooSmall: () => 'phải là số nguyên không âm',
  tooLarge: (max) => `không được lớn hơn ${max}`,
  year: () => 'năm không hợp lệ',
  invalid: () => 'chưa hợp lệ',
};

const PHRASES_EN: typeof PHRASES_VI = {
  required: () => 'required',
  choose: () => 'required',
  future: () => 'cannot be in the future',
  tooOld: (years) => `cannot be more than ${years ?? 20} years ago`,
  beforeAchievement: () => 'is earlier than the date it must follow',
  date: () => 'not a valid date',
  singleLine: () => 'must fit on one line',
  tooLong: (max) => `longer than ${max} characters`,
  tooShort: (min) => `needs at least ${min} characters`,
  notAllowed: () => 'holds a field that may not be sent',
  choice: () => 'not one of the allowed choices',
  wholeNumber: () => 'must be a whole number, 0 or more',
  tooSmall: () => 'must be a whole number, 0 or more',
  tooLarge: (max) => `cannot be more than ${max}`,
  year: () => 'not a valid year',
  invalid: () => 'not valid',
};

/**
 * A field problem in plain words. The API writes them for developers (class-validator, the input windows of
 * libs/proposals); they are read by the console's one classifier (features/forms/field-problems.ts), and a
 * message already in Vietnamese is shown as it is.
 */
function problemVi(message: string): string {
  if (VIETNAMESE.test(message)) return message;
  const { kind, limit } = classifyProblem(message);
  return PHRASES_VI[kind](limit);
}

function problemEn(message: string): string {
  if (VIETNAMESE.test(message)) return PHRASES_EN.invalid();
  const { kind, limit } = classifyProblem(message);
  return PHRASES_EN[kind](limit);
}

const isCode = (code: string): code is ErrorCode => Object.hasOwn(CODES_VI, code);

/**
 * A refusal the server already words for officials (Vietnamese, naming the unit and the day, as UNIT_DISSOLVED
 * does) is shown in its own words; a rule refusal never is, since its findings speak.
 */
export const speaksVietnamese = (code: string, message: string) => code !== 'RULE_VIOLATION' && VIETNAMESE.test(message);

export const ERROR_VIEW_MESSAGES = {
  vi: {
    sentence: (code: string, status: number) =>
      isCode(code) ? CODES_VI[code] : status >= 500 ? CODES_VI.INTERNAL : status === 401 ? CODES_VI.UNAUTHENTICATED : CODES_VI.HTTP_ERROR,
    field: (field: string) => fieldName('vi', field) ?? 'Một mục',
    problem: problemVi,
    violations: 'Quy định chưa cho phép',
    technical: 'Chi tiết kỹ thuật',
    code: 'Mã',
    serverSaid: 'Máy chủ ghi',
  },
  en: {
    sentence: (code: string, status: number) =>
      isCode(code) ? CODES_EN[code] : status >= 500 ? CODES_EN.INTERNAL : status === 401 ? CODES_EN.UNAUTHENTICATED : CODES_EN.HTTP_ERROR,
    field: (field: string) => fieldName('en', field) ?? 'An item',
    problem: problemEn,
    violations: 'What the rules do not allow yet',
    technical: 'Technical details',
    code: 'Code',
    serverSaid: 'Server message',
  },
};
