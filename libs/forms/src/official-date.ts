/**
 * Dates as administrative documents write them (Decree 30/2020/NĐ-CP, Appendix I, II.4): in Arabic figures, with
 * a leading zero for days below 10 and for months 1 and 2 ("ngày 05 tháng 02 năm 2026", "05/6/2026"), so that a
 * figure cannot be added in front of it afterwards. From an ISO date (YYYY-MM-DD), read as a calendar date: no
 * time zone is involved.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A space kept as it is (no wrap, no collapse): the blanks a clerk fills in by hand. */
export const NBSP = '\u00a0';
export const blank = (width: number) => NBSP.repeat(width);

export function officialDateParts(isoDate: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const valid = match && month! >= 1 && month! <= 12 && day! >= 1 && day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (!valid) throw new Error(`"${isoDate}" is not a date (YYYY-MM-DD)`);
  return {
    day: String(day).padStart(2, '0'),
    month: month! <= 2 ? String(month).padStart(2, '0') : String(month),
    year: String(year),
  };
}

/** "ngày 05 tháng 6 năm 2026"; without a date, blanks to write it in by hand. */
export function longDate(isoDate: string | null): string {
  if (isoDate === null) return `ngày${blank(6)}tháng${blank(6)}năm${blank(8)}`;
  const { day, month, year } = officialDateParts(isoDate);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Lạng Sơn, ngày 05 tháng 6 năm 2026": the line under the motto. */
export const placeAndDate = (place: string, isoDate: string | null) => `${place}, ${longDate(isoDate)}`;

/** "05/6/2026", as a date is cited inside a sentence. */
export function shortDate(isoDate: string): string {
  const { day, month, year } = officialDateParts(isoDate);
  return `${day}/${month}/${year}`;
}
