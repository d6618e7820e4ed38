import type { AwardForm, EscalationLevel } from '#workflows/proposal';

export const MESSAGES = {
  vi: {
    heading: 'Hồ sơ chờ xử lý',
    newProposal: 'Lập hồ sơ',
    filters: 'Lọc hồ sơ',
    state: 'Trạng thái',
    unit: 'Đơn vị',
    campaign: 'Phong trào',
    any: 'Tất cả',
    lateOnly: 'Chỉ hồ sơ trễ hạn',
    allVisible: 'Mọi hồ sơ tôi được xem (không chỉ hồ sơ chờ tôi)',
    clear: 'Bỏ lọc',
    nominee: 'Người/tập thể được đề nghị',
    awardForm: 'Hình thức',
    deadline: 'Hạn xử lý',
    flags: 'Cảnh báo',
    table: 'Danh sách hồ sơ',
    emptyInbox: 'Không có hồ sơ nào đang chờ bạn. Việc mới sẽ hiện ở đây.',
    emptyFiltered: 'Không có hồ sơ nào khớp bộ lọc. Thử bỏ bớt điều kiện lọc.',
    emptyAll: 'Chưa có hồ sơ nào bạn được xem.',
    page: (n: number) => `Trang ${n}`,
    paging: 'Chuyển trang hồ sơ',
    lateBy: 'Trễ hạn theo quy định',
    collective: 'tập thể',
  },
  en: {
    heading: 'Waiting on me',
    newProposal: 'New proposal',
    filters: 'Filter proposals',
    state: 'State',
    unit: 'Unit',
    campaign: 'Campaign',
    any: 'All',
    lateOnly: 'Late only',
    allVisible: 'All I may see (not only what waits on me)',
    clear: 'Clear filters',
    nominee: 'Nominee',
    awardForm: 'Award form',
    deadline: 'Deadline',
    flags: 'Warnings',
    table: 'Proposals',
    emptyInbox: 'Nothing is waiting on you. New work will show up here.',
    emptyFiltered: 'No proposal matches these filters. Try removing some.',
    emptyAll: 'There is no proposal you may see yet.',
    page: (n: number) => `Page ${n}`,
    paging: 'Proposal pages',
    lateBy: 'Late under rule',
    collective: 'collective',
  },
};

export const AWARD_FORM_NAMES: Record<'vi' | 'en', Record<AwardForm, string>> = {
  vi: { unit_certificate: 'Giấy khen', chairman_certificate: 'Bằng khen của Chủ tịch UBND tỉnh' },
  en: { unit_certificate: 'Unit certificate', chairman_certificate: "Chairman's certificate" },
};

export const ESCALATION_NAMES: Record<'vi' | 'en', Record<Exclude<EscalationLevel, 'none'>, string>> = {
  vi: { reminded: 'Đã nhắc hạn', missed: 'Quá hạn', escalated: 'Đã báo cáo cấp trên' },
  en: { reminded: 'Reminded', missed: 'Deadline missed', escalated: 'Escalated' },
};
