import type { Gender } from '#contracts';
import type { CampaignRound } from '#rules';
import type { AchievementBasis, AwardForm, EscalationLevel, NomineeType, ProposalEventType, ProposalKind } from '#workflows/proposal';
import type { Lang } from './i18n.js';
import type { PersonRole } from '#kernel';
import type { DocumentKind } from '../api/document-types.js';

/** Names shared by every screen: states (the same table the server prints on its lists), events, roles, award forms. */
export { STATE_NAMES } from '#rules';

/** Events of the log, the machine's and the dossier's (DOCUMENT_ATTACHED, DOCUMENT_REMOVED: no step of the machine). */
export const EVENT_NAMES: Record<'vi' | 'en', Record<ProposalEventType | 'CREATED' | 'MIGRATED' | 'DOCUMENT_ATTACHED' | 'DOCUMENT_REMOVED', string>> = {
  vi: {
    CREATED: 'Tạo hồ sơ',
    UPDATE: 'Sửa hồ sơ',
    SUBMIT: 'Trình thủ trưởng',
    WITHDRAW: 'Rút hồ sơ',
    AWARD_AT_UNIT: 'Khen thưởng tại đơn vị',
    FORWARD: 'Trình cấp tỉnh',
    RETURN: 'Trả lại',
    REJECT: 'Không khen thưởng',
    RECOMMEND: 'Đề nghị (biểu quyết)',
    AGREE: 'Thống nhất',
    REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung',
    SUPPLEMENT: 'Đã bổ sung',
    APPROVE: 'Quyết định khen thưởng',
    DEADLINE_REMINDER: 'Nhắc hạn',
    DEADLINE_MISSED: 'Quá hạn',
    ESCALATE: 'Báo cáo cấp trên',
    MIGRATED: 'Chuyển phiên bản quy trình',
    DOCUMENT_ATTACHED: 'Đính kèm tài liệu',
    DOCUMENT_REMOVED: 'Gỡ tài liệu',
  },
  en: {
    CREATED: 'Created',
    UPDATE: 'Edited',
    SUBMIT: 'Submit to the unit head',
    WITHDRAW: 'Withdraw',
    AWARD_AT_UNIT: 'Award at the unit',
    FORWARD: 'Forward to the province',
    RETURN: 'Return',
    REJECT: 'Reject',
    RECOMMEND: 'Recommend (vote)',
    AGREE: 'Agree',
    REQUEST_SUPPLEMENT: 'Request a supplement',
    SUPPLEMENT: 'Supplement sent',
    APPROVE: 'Approve (decision)',
    DEADLINE_REMINDER: 'Deadline reminder',
    DEADLINE_MISSED: 'Deadline missed',
    ESCALATE: 'Escalated',
    MIGRATED: 'Migrated to a new workflow version',
    DOCUMENT_ATTACHED: 'Document attached',
    DOCUMENT_REMOVED: 'Document removed',
  },
};

export const ROLE_NAMES: Record<'vi' | 'en', Record<PersonRole, string>> = {
  vi: {
    drafter: 'Cán bộ soạn hồ sơ',
    unit_head: 'Thủ trưởng đơn vị',
    council: 'Hội đồng TĐKT',
    home_affairs: 'Sở Nội vụ',
    chairman: 'Chủ tịch UBND tỉnh',
    vice_chairman: 'Phó Chủ tịch',
    auditor: 'Thanh tra',
    admin: 'Quản trị',
  },
  en: {
    drafter: 'Drafting clerk',
    unit_head: 'Unit head',
    council: 'Commendation council',
    home_affairs: 'Home Affairs',
    chairman: 'Chairman',
    vice_chairman: 'Vice-chairman',
    auditor: 'Auditor',
    admin: 'Administrator',
  },
};

export const COMMON = {
  vi: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    cancel: 'Huỷ',
    confirm: 'Xác nhận',
    save: 'Lưu',
    close: 'Đóng',
    next: 'Trang sau',
    previous: 'Trang trước',
    none: 'Không có',
    late: 'Quá hạn',
    provisional: 'Tạm tính',
    signOut: 'Đăng xuất',
    language: 'Ngôn ngữ',
    unexpected: 'Có lỗi xảy ra. Thử lại; nếu vẫn lỗi, báo quản trị viên (kèm thời điểm và việc đang làm).',
    network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    confirm: 'Confirm',
    save: 'Save',
    close: 'Close',
    next: 'Next page',
    previous: 'Previous page',
    none: 'None',
    late: 'Late',
    provisional: 'Provisional',
    signOut: 'Sign out',
    language: 'Language',
    unexpected: 'Something went wrong. Try again; if it persists, tell an administrator when it happened and what you were doing.',
    network: 'The server cannot be reached. Check the connection and try again.',
  },
};

export const KIND_NAMES: Record<Lang, Record<ProposalKind, string>> = {
  vi: { thematic: 'Khen thưởng theo chuyên đề (theo đợt)', extraordinary: 'Khen thưởng đột xuất' },
  en: { thematic: 'Thematic award (end of a campaign)', extraordinary: 'Extraordinary award' },
};

// Vietnamese as the directive and the rulebook's messages write them (AWARD_FORM_NAMES), so the form and the
// findings under it name the award the same way.
export const AWARD_FORM_NAMES: Record<Lang, Record<AwardForm, string>> = {
  vi: { unit_certificate: 'Giấy khen', chairman_certificate: 'Bằng khen của Chủ tịch UBND tỉnh' },
  en: { unit_certificate: 'Unit certificate (Giấy khen)', chairman_certificate: "Chairman's certificate (Bằng khen)" },
};

export const NOMINEE_TYPE_NAMES: Record<Lang, Record<NomineeType, string>> = {
  vi: { individual: 'Cá nhân', collective: 'Tập thể' },
  en: { individual: 'Individual', collective: 'Collective' },
};

/** An individual nominee's gender, on the proposal form and in the registry of people. */
export const GENDER_NAMES: Record<Lang, Record<Gender, string>> = {
  vi: { male: 'Nam', female: 'Nữ' },
  en: { male: 'Male', female: 'Female' },
};

export const BASIS_NAMES: Record<Lang, Record<AchievementBasis, string>> = {
  vi: {
    outside_duty: 'Thành tích ngoài chương trình, kế hoạch, nhiệm vụ phải đảm nhiệm',
    rescue: 'Hành động dũng cảm cứu người, cứu tài sản của Nhân dân, của Nhà nước',
    combat: 'Trong chiến đấu, phục vụ chiến đấu',
  },
  en: {
    outside_duty: "Outside the nominee's programme, plan or duties",
    rescue: 'A brave act saving people or public or private property',
    combat: 'In combat or its support',
  },
};

export const ROUND_NAMES: Record<Lang, Record<CampaignRound, string>> = {
  vi: {
    campaign: 'Phong trào thi đua',
    anniversary: 'Kỷ niệm ngày truyền thống, thành lập, đại hội nhiệm kỳ',
    programme_summary: 'Tổng kết chương trình, dự án, đề án',
  },
  en: {
    campaign: 'Emulation campaign',
    anniversary: 'Anniversary or term congress',
    programme_summary: 'Programme summary',
  },
};

export const ESCALATION_NAMES: Record<Lang, Record<EscalationLevel, string>> = {
  vi: { none: 'Chưa nhắc', reminded: 'Đã nhắc hạn', missed: 'Quá hạn', escalated: 'Đã báo cáo cấp trên' },
  en: { none: 'None', reminded: 'Reminded', missed: 'Deadline missed', escalated: 'Escalated' },
};

/** What each document of a dossier is, named as the directive names it. */
export const DOCUMENT_KIND_NAMES: Record<Lang, Record<DocumentKind, string>> = {
  vi: {
    to_trinh: 'Tờ trình',
    bao_cao_thanh_tich: 'Báo cáo thành tích',
    bien_ban_hoi_dong: 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
    van_ban_cong_nhan: 'Văn bản công nhận của cấp có thẩm quyền',
    quyet_dinh: 'Quyết định khen thưởng đã ký',
    khac: 'Tài liệu khác',
  },
  en: {
    to_trinh: 'Submission (tờ trình)',
    bao_cao_thanh_tich: 'Achievement report',
    bien_ban_hoi_dong: 'Minutes of the Emulation and Commendation Council',
    van_ban_cong_nhan: 'Recognition by a competent authority',
    quyet_dinh: 'Signed award decision',
    khac: 'Other document',
  },
};
