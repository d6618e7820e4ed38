import type { AchievementBasis, AwardForm, EscalationLevel, NomineeType, ProposalKind } from '#workflows/proposal';

const KIND_VI: Record<ProposalKind, string> = { thematic: 'Theo chuyên đề', extraordinary: 'Đột xuất' };
const KIND_EN: Record<ProposalKind, string> = { thematic: 'Thematic', extraordinary: 'Extraordinary' };
const AWARD_VI: Record<AwardForm, string> = {
  unit_certificate: 'Giấy khen của thủ trưởng đơn vị',
  chairman_certificate: 'Bằng khen của Chủ tịch UBND tỉnh',
};
const AWARD_EN: Record<AwardForm, string> = {
  unit_certificate: 'Certificate of merit of the unit head',
  chairman_certificate: 'Certificate of merit of the provincial chairman',
};
const BASIS_VI: Record<AchievementBasis, string> = {
  outside_duty: 'Ngoài chức trách, nhiệm vụ được giao',
  rescue: 'Cứu người, cứu tài sản',
  combat: 'Chiến đấu, phục vụ chiến đấu',
};
const BASIS_EN: Record<AchievementBasis, string> = {
  outside_duty: 'Outside assigned duties',
  rescue: 'Rescue of people or property',
  combat: 'Combat or combat support',
};
const NOMINEE_VI: Record<NomineeType, string> = { individual: 'Cá nhân', collective: 'Tập thể' };
const NOMINEE_EN: Record<NomineeType, string> = { individual: 'Individual', collective: 'Collective' };
const ESCALATION_VI: Record<Exclude<EscalationLevel, 'none'>, string> = {
  reminded: 'Đã nhắc hạn',
  missed: 'Quá hạn',
  escalated: 'Đã báo cáo cấp trên',
};
const ESCALATION_EN: Record<Exclude<EscalationLevel, 'none'>, string> = {
  reminded: 'Reminded',
  missed: 'Deadline missed',
  escalated: 'Escalated',
};

export const PROPOSAL_MESSAGES = {
  vi: {
    back: 'Hồ sơ chờ xử lý',
    heading: (name: string) => `Hồ sơ đề nghị khen thưởng: ${name}`,
    state: 'Trạng thái',
    lateBy: 'theo quy định',
    version: (v: number) => `Phiên bản dữ liệu ${v}`,
    replay: 'Phát lại nhật ký (kiểm tra)',
    details: 'Thông tin hồ sơ',
    nominee: 'Đối tượng đề nghị',
    kind: 'Loại khen thưởng',
    awardForm: 'Hình thức khen thưởng',
    unit: 'Đơn vị đề nghị',
    campaign: 'Phong trào',
    achievement: 'Thành tích',
    summary: 'Tóm tắt thành tích',
    achievementDate: 'Ngày lập thành tích',
    basis: 'Căn cứ',
    recognizedAt: 'Ngày được ghi nhận',
    vote: 'Biểu quyết của Hội đồng',
    voteText: (members: number, yes: number, no: number) => `${yes} tán thành, ${no} không tán thành / ${members} thành viên`,
    decision: 'Quyết định',
    decisionText: (number: string, date: string, signedBy: string) => `Số ${number}, ngày ${date}, ${signedBy} ký`,
    lastReason: 'Lý do gần nhất',
    submittedAt: 'Ngày trình thủ trưởng',
    forwardedAt: 'Ngày trình cấp tỉnh',
    warnings: 'Lưu ý theo quy định',
    deadline: 'Thời hạn',
    workflow: 'Quy trình',
    history: 'Nhật ký xử lý',
    kindName: (kind: ProposalKind) => KIND_VI[kind] ?? kind,
    awardName: (form: AwardForm) => AWARD_VI[form] ?? form,
    basisName: (basis: AchievementBasis) => BASIS_VI[basis] ?? basis,
    nomineeType: (type: NomineeType) => NOMINEE_VI[type] ?? type,
    escalation: (level: Exclude<EscalationLevel, 'none'>) => ESCALATION_VI[level] ?? level,
  },
  en: {
    back: 'Inbox',
    heading: (name: string) => `Commendation proposal: ${name}`,
    state: 'State',
    lateBy: 'under rule',
    version: (v: number) => `Data version ${v}`,
    replay: 'Replay the log (audit)',
    details: 'Proposal',
    nominee: 'Nominee',
    kind: 'Kind',
    awardForm: 'Award form',
    unit: 'Proposing unit',
    campaign: 'Campaign',
    achievement: 'Achievement',
    summary: 'Summary',
    achievementDate: 'Date of the achievement',
    basis: 'Basis',
    recognizedAt: 'Recognized on',
    vote: 'Council vote',
    voteText: (members: number, yes: number, no: number) => `${yes} for, ${no} against, of ${members} members`,
    decision: 'Decision',
    decisionText: (number: string, date: string, signedBy: string) => `No. ${number} of ${date}, signed by ${signedBy}`,
    lastReason: 'Latest reason',
    submittedAt: 'Submitted to the unit head',
    forwardedAt: 'Forwarded to the province',
    warnings: 'Rule warnings',
    deadline: 'Deadline',
    workflow: 'Workflow',
    history: 'History',
    kindName: (kind: ProposalKind) => KIND_EN[kind] ?? kind,
    awardName: (form: AwardForm) => AWARD_EN[form] ?? form,
    basisName: (basis: AchievementBasis) => BASIS_EN[basis] ?? basis,
    nomineeType: (type: NomineeType) => NOMINEE_EN[type] ?? type,
    escalation: (level: Exclude<EscalationLevel, 'none'>) => ESCALATION_EN[level] ?? level,
  },
};
