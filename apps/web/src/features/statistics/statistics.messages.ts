import type { StatisticsDimension, StatisticsOutcome } from '#contracts';
import { AWARD_FORM_NAMES } from '../../i18n/common.messages.js';
import type { QuickPeriod } from './statistics-period.js';

const DIMENSIONS_VI: Record<StatisticsDimension, string> = {
  unit: 'Theo đơn vị',
  awardForm: 'Theo hình thức khen thưởng',
  kind: 'Theo loại khen thưởng',
  nominee: 'Theo đối tượng',
  timeliness: 'Theo thời hạn trình',
};
const DIMENSIONS_EN: Record<StatisticsDimension, string> = {
  unit: 'By unit',
  awardForm: 'By award form',
  kind: 'By kind of award',
  nominee: 'By nominee',
  timeliness: 'By timeliness',
};
const KEY_HEADERS_VI: Record<StatisticsDimension, string> = {
  unit: 'Đơn vị',
  awardForm: 'Hình thức khen thưởng',
  kind: 'Loại khen thưởng',
  nominee: 'Đối tượng',
  timeliness: 'Thời hạn trình',
};
const KEY_HEADERS_EN: Record<StatisticsDimension, string> = {
  unit: 'Unit',
  awardForm: 'Award form',
  kind: 'Kind',
  nominee: 'Nominee',
  timeliness: 'Timeliness',
};

// The award forms are named as everywhere else (i18n/common.messages.ts); the kinds keep their shorter words here.
const KEYS_VI: Record<string, string> = {
  ...AWARD_FORM_NAMES.vi,
  thematic: 'Khen thưởng theo chuyên đề',
  extraordinary: 'Khen thưởng đột xuất',
  male: 'Cá nhân nam',
  female: 'Cá nhân nữ',
  unknown: 'Cá nhân chưa rõ giới tính',
  collective: 'Tập thể',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
  pending: 'Chưa đến bước xét hạn',
};
const KEYS_EN: Record<string, string> = {
  ...AWARD_FORM_NAMES.en,
  thematic: 'Thematic award',
  extraordinary: 'Extraordinary award',
  male: 'Individual, male',
  female: 'Individual, female',
  unknown: 'Individual, gender not stated',
  collective: 'Collective',
  onTime: 'On time',
  late: 'Late',
  pending: 'Not yet at the step that meets the deadline',
};

const OUTCOMES_VI: Record<StatisticsOutcome, string> = {
  awarded: 'Đã khen thưởng',
  rejected: 'Không khen thưởng',
  inProgress: 'Đang xử lý',
  withdrawn: 'Đã rút',
};
const OUTCOMES_EN: Record<StatisticsOutcome, string> = {
  awarded: 'Awarded',
  rejected: 'Rejected',
  inProgress: 'In progress',
  withdrawn: 'Withdrawn',
};

const QUICK_VI: Record<QuickPeriod, string> = { thisYear: 'Năm nay', lastYear: 'Năm trước', thisQuarter: 'Quý này', lastQuarter: 'Quý trước' };
const QUICK_EN: Record<QuickPeriod, string> = { thisYear: 'This year', lastYear: 'Last year', thisQuarter: 'This quarter', lastQuarter: 'Last quarter' };

export const MESSAGES = {
  vi: {
    heading: 'Thống kê khen thưởng',
    whatIsCounted:
      'Khen thưởng trong kỳ là hồ sơ có quyết định khen thưởng (của Chủ tịch UBND tỉnh, hoặc của đơn vị theo thẩm quyền) ký trong kỳ; hồ sơ trình trong kỳ là hồ sơ đơn vị trình trong kỳ, kèm kết quả xử lý đến nay.',
    period: 'Kỳ báo cáo',
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem thống kê',
    quickPeriods: 'Chọn nhanh',
    quick: (choice: QuickPeriod) => QUICK_VI[choice],
    periodLine: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
    scope: 'Phạm vi:',
    everyUnit: 'toàn tỉnh',
    generated: (at: string) => `Lập lúc ${at}`,
    badFrom: 'Ngày bắt đầu phải là một ngày có thật.',
    badTo: 'Ngày kết thúc phải là một ngày có thật.',
    toBeforeFrom: 'Ngày kết thúc không được trước ngày bắt đầu.',
    tooLong: 'Một kỳ báo cáo dài nhất mười năm.',
    summary: 'Tổng hợp',
    awardedTotal: 'Khen thưởng trong kỳ',
    submittedTotal: 'Hồ sơ trình trong kỳ',
    dimension: (by: StatisticsDimension) => DIMENSIONS_VI[by],
    keyHeader: (by: StatisticsDimension) => KEY_HEADERS_VI[by],
    key: (key: string) => KEYS_VI[key] ?? key,
    awarded: 'Khen thưởng trong kỳ',
    submitted: 'Hồ sơ trình trong kỳ',
    ofWhich: 'Trong đó',
    outcome: (outcome: StatisticsOutcome) => OUTCOMES_VI[outcome],
    total: 'Tổng cộng',
    noUnits: 'Không có đơn vị nào có hồ sơ trong kỳ này.',
    chartHeading: 'Biểu đồ',
    chartBy: 'Biểu đồ theo',
    chartTitle: (by: string) => `Số khen thưởng và số hồ sơ trình trong kỳ — ${by.toLowerCase()}`,
    chartDescription: (from: string, to: string) => `Mỗi nhóm có hai cột: khen thưởng trong kỳ và hồ sơ trình trong kỳ, từ ngày ${from} đến ngày ${to}.`,
    chartEmpty: 'Chưa có số liệu để vẽ biểu đồ.',
    chartBar: (label: string, what: string, n: number) => `${label}: ${what} ${n}`,
    excel: 'Tải bảng tính (.xlsx)',
    excelHint: 'Báo cáo thống kê dạng Excel, mỗi cách chia một trang tính',
    print: 'In báo cáo',
    downloading: 'Đang tạo bảng tính…',
    saved: (filename: string) => `Đã tải xuống ${filename}.`,
    excelFailed: 'Không tạo được bảng tính. Vui lòng thử lại.',
    network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  },
  en: {
    heading: 'Commendation statistics',
    whatIsCounted:
      "Awarded in the period: proposals whose award decision (the provincial chairman's, or the unit's within its own authority) is dated in the period; submitted in the period: proposals the units submitted in it, with where each stands now.",
    period: 'Period',
    from: 'From',
    to: 'To',
    show: 'Show statistics',
    quickPeriods: 'Quick choice',
    quick: (choice: QuickPeriod) => QUICK_EN[choice],
    periodLine: (from: string, to: string) => `From ${from} to ${to}`,
    scope: 'Scope:',
    everyUnit: 'the whole province',
    generated: (at: string) => `Made at ${at}`,
    badFrom: 'The first day must be a real date.',
    badTo: 'The last day must be a real date.',
    toBeforeFrom: 'The last day cannot be before the first.',
    tooLong: 'A period is at most ten years.',
    summary: 'Summary',
    awardedTotal: 'Awarded in the period',
    submittedTotal: 'Submitted in the period',
    dimension: (by: StatisticsDimension) => DIMENSIONS_EN[by],
    keyHeader: (by: StatisticsDimension) => KEY_HEADERS_EN[by],
    key: (key: string) => KEYS_EN[key] ?? key,
    awarded: 'Awarded in the period',
    submitted: 'Submitted in the period',
    ofWhich: 'Of which',
    outcome: (outcome: StatisticsOutcome) => OUTCOMES_EN[outcome],
    total: 'Total',
    noUnits: 'No unit has a proposal in this period.',
    chartHeading: 'Chart',
    chartBy: 'Chart by',
    chartTitle: (by: string) => `Awards and submissions in the period — ${by.toLowerCase()}`,
    chartDescription: (from: string, to: string) => `Two bars a group: awarded in the period and submitted in the period, from ${from} to ${to}.`,
    chartEmpty: 'Nothing to chart yet.',
    chartBar: (label: string, what: string, n: number) => `${label}: ${what} ${n}`,
    excel: 'Download spreadsheet (.xlsx)',
    excelHint: 'The statistics as an Excel file, one sheet per breakdown',
    print: 'Print the report',
    downloading: 'Making the spreadsheet…',
    saved: (filename: string) => `Downloaded ${filename}.`,
    excelFailed: 'The spreadsheet could not be made. Please try again.',
    network: 'The server cannot be reached. Check the network and try again.',
  },
};
