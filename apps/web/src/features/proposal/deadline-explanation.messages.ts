const WEEKDAYS_VI: Record<string, string> = {
  Sun: 'Chủ nhật',
  Mon: 'Thứ Hai',
  Tue: 'Thứ Ba',
  Wed: 'Thứ Tư',
  Thu: 'Thứ Năm',
  Fri: 'Thứ Sáu',
  Sat: 'Thứ Bảy',
};

const STATUS_VI: Record<string, string> = {
  weekend: 'Nghỉ hằng tuần',
  holiday: 'Nghỉ lễ, Tết',
  compensatory: 'Nghỉ bù',
  swapped: 'Nghỉ hoán đổi',
};

const STATUS_EN: Record<string, string> = {
  weekend: 'Weekly rest day',
  holiday: 'Public holiday',
  compensatory: 'Compensatory day off',
  swapped: 'Swapped day off',
};

export const DEADLINE_EXPLANATION_MESSAGES = {
  vi: {
    summary: 'Cách tính thời hạn',
    start: 'Ngày bắt đầu (không tính)',
    basis: (basis: 'achievement' | 'recognition' | 'ceremony') =>
      basis === 'achievement' ? 'ngày lập thành tích' : basis === 'recognition' ? 'ngày được cơ quan có thẩm quyền ghi nhận' : 'ngày tổ chức lễ khen thưởng',
    due: 'Ngày cuối cùng',
    endOfDay: '(hết 24 giờ, giờ Việt Nam)',
    counted: (n: number) => `Các ngày được tính (${n})`,
    skipped: (n: number) => `Các ngày bỏ qua vì không phải ngày làm việc (${n})`,
    noneSkipped: 'Không có ngày nào bị bỏ qua.',
    date: 'Ngày',
    kind: 'Loại',
    name: 'Tên',
    years: 'Lịch các năm đã tra',
    official: 'theo lịch chính thức',
    explanation: 'Diễn giải',
    cannot: 'Chưa tính được: hồ sơ chuyên đề cần ngày tổ chức lễ của phong trào.',
    weekday: (name: string) => WEEKDAYS_VI[name] ?? name,
    status: (status: string) => STATUS_VI[status] ?? status,
  },
  en: {
    summary: 'How the deadline was computed',
    start: 'Start day (not counted)',
    basis: (basis: 'achievement' | 'recognition' | 'ceremony') =>
      basis === 'achievement' ? 'the achievement date' : basis === 'recognition' ? 'the date of recognition' : 'the award ceremony',
    due: 'Last day',
    endOfDay: '(until 24:00, Vietnam time)',
    counted: (n: number) => `Days counted (${n})`,
    skipped: (n: number) => `Days passed over as not working days (${n})`,
    noneSkipped: 'No day was passed over.',
    date: 'Date',
    kind: 'Kind',
    name: 'Name',
    years: 'Calendar years consulted',
    official: 'official schedule',
    explanation: 'The server’s explanation',
    cannot: 'Cannot be computed yet: a thematic proposal needs the campaign’s ceremony date.',
    weekday: (name: string) => name,
    status: (status: string) => STATUS_EN[status] ?? status,
  },
};
