import type { Lang } from '../../i18n/i18n.js';

/**
 * Where a day off comes from, in the words officials use. The calendar library records its sources in English
 * (they are read by developers and kept with the schedules); on screen each part is said in Vietnamese, and in
 * both languages nothing names a file of the project. A part this table does not know is shown as written, less
 * any file path, so that a new schedule never shows an empty source.
 */
const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
const WEEKDAYS_VI: Record<string, string> = { Mon: 'thứ Hai', Tue: 'thứ Ba', Wed: 'thứ Tư', Thu: 'thứ Năm', Fri: 'thứ Sáu', Sat: 'thứ Bảy', Sun: 'Chủ nhật' };
const FILE_PATH = /\s*(in\s+)?\b[\w.-]+\/[\w./-]+\.\w+\b/g;
const PROVISIONAL = /\s*\(computed, provisional\)/;

const dayMonth = (day: string, month: string) => `${day.padStart(2, '0')}/${MONTHS[month] ?? month}`;

/** "Sat 25 Jan – Sun 2 Feb" (with the year given apart) → "từ thứ Bảy 25/01 đến Chủ nhật 02/02". */
function spanVi(text: string, year: string): string | null {
  const match = /^(\w{3}) (\d{1,2}) (\w{3}) – (\w{3}) (\d{1,2}) (\w{3})(?: (\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const [, w1, d1, m1, w2, d2, m2, y] = match;
  return `từ ${WEEKDAYS_VI[w1!] ?? w1} ${dayMonth(d1!, m1!)} đến ${WEEKDAYS_VI[w2!] ?? w2} ${dayMonth(d2!, m2!)}/${y ?? year}`;
}

const RULES: [RegExp, (...groups: string[]) => string][] = [
  [/^Labour Code 2019 Art\. 111\(3\)(:.*)?$/, () => 'Bộ luật Lao động 2019, khoản 3 Điều 111 (ngày lễ trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp)'],
  [/^Labour Code 2019 Art\. (\d+)\((\d+)\)$/, (article, clause) => `Bộ luật Lao động 2019, khoản ${clause} Điều ${article}`],
  [/^No official schedule loaded: computed from Labour Code 2019\b.*$/, () =>
    'Chưa có lịch nghỉ chính thức: tính theo Điều 111 và Điều 112 Bộ luật Lao động 2019 (Tết: ngày cuối năm âm lịch và bốn ngày đầu năm mới; Quốc khánh: ngày 2/9 và một ngày liền kề trước hoặc sau)'],
  [/^Tết days by the provisional rule.*$/, () => 'ngày nghỉ Tết tính theo quy tắc tạm thời: ngày cuối năm âm lịch và mùng 1 đến mùng 4'],
  [/^adjacent day by the project rule.*$/, () => 'ngày liền kề tính theo quy tắc tạm thời của hệ thống'],
  [/^Official (\d{4}) schedule of days off for civil servants.*$/, (year) => `Lịch nghỉ chính thức năm ${year} của cán bộ, công chức, viên chức (Điều 112 Bộ luật Lao động 2019)`],
  [/^(\d{4}) schedule$/, (year) => `lịch nghỉ năm ${year}`],
  [/^(\d{4}) (Lunar New Year|National Day) break (.+)$/, (year, holiday, span) =>
    `${holiday === 'National Day' ? 'nghỉ Quốc khánh' : 'nghỉ Tết Nguyên đán'} năm ${year} ${spanVi(span!, year!) ?? span}`],
  [/^(\d{4}) swap of (\w{3}) (\d{1,2}) (\w{3}) with (\w{3}) (\d{1,2}) (\w{3})$/, (year, w1, d1, m1, w2, d2, m2) =>
    `năm ${year} hoán đổi ${WEEKDAYS_VI[w1!] ?? w1} ${dayMonth(d1!, m1!)} với ${WEEKDAYS_VI[w2!] ?? w2} ${dayMonth(d2!, m2!)}`],
  [/^Government Office notice (\S+)(?: of (\d{1,2}) (\w{3}) (\d{4}))?(?: \((New Year)\))?$/, (number, day, month, year, what) =>
    `Thông báo số ${number}${day ? ` ngày ${dayMonth(day, month!)}/${year}` : ''} của Văn phòng Chính phủ${what ? ' (Tết Dương lịch)' : ''}`],
  [/^Ministry of Home Affairs announcements? (?:\(press\)|as reported by the press)(?: \(the rest\))?(?:: (.*))?$/, (detail) => {
    const base = 'Thông báo của Bộ Nội vụ (theo báo chí)';
    if (!detail) return base;
    const breakSpan = /^break (.+) (\d{4})$/.exec(detail);
    if (breakSpan) return `${base}: nghỉ ${spanVi(`${breakSpan[1]} ${breakSpan[2]}`, breakSpan[2]!) ?? detail}`;
    const swap = /^swap of (\w{3}) (\d{1,2}) (\w{3}) with (\w{3}) (\d{1,2}) (\w{3}) (\d{4})$/.exec(detail);
    if (swap) {
      const [, w1, d1, m1, w2, d2, m2, y] = swap;
      return `${base}: hoán đổi ${WEEKDAYS_VI[w1!] ?? w1} ${dayMonth(d1!, m1!)} với ${WEEKDAYS_VI[w2!] ?? w2} ${dayMonth(d2!, m2!)}/${y}`;
    }
    return `${base}: ${detail}`;
  }],
];

function partVi(part: string): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(part);
    if (match) return say(...match.slice(1).map((group) => group ?? ''));
  }
  return part.replace(FILE_PATH, '').trim();
}

/** The source of a day (or of a year's schedule) as the calendar page shows it. */
export function calendarSource(source: string, lang: Lang): string {
  const provisional = PROVISIONAL.test(source);
  const text = source.replace(PROVISIONAL, '');
  if (lang === 'en') return `${text.replace(FILE_PATH, '').trim()}${provisional ? ' (computed, provisional)' : ''}`;
  const parts = text.split(/; (?![^(]*\))/).map((part) => partVi(part.trim())).filter(Boolean);
  return `${parts.join('; ')}${provisional ? ' (tạm tính)' : ''}`;
}
