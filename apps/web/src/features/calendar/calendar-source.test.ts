import { describe, expect, it } from 'vitest';
import { calendarSource } from './calendar-source.js';

describe('calendarSource', () => {
  it('says where an official day off comes from in Vietnamese, dates as dd/mm', () => {
    expect(calendarSource('Labour Code 2019 Art. 112(1); 2025 Lunar New Year break Sat 25 Jan – Sun 2 Feb', 'vi')).toBe(
      'Bộ luật Lao động 2019, khoản 1 Điều 112; nghỉ Tết Nguyên đán năm 2025 từ thứ Bảy 25/01 đến Chủ nhật 02/02/2025',
    );
    expect(calendarSource('Labour Code 2019 Art. 112(1); Government Office notice 12729/VPCP-KGVX of 25 Dec 2025', 'vi')).toBe(
      'Bộ luật Lao động 2019, khoản 1 Điều 112; Thông báo số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
    );
    expect(calendarSource('Ministry of Home Affairs announcement (press): swap of Mon 31 Aug with Sat 22 Aug 2026', 'vi')).toBe(
      'Thông báo của Bộ Nội vụ (theo báo chí): hoán đổi thứ Hai 31/08 với thứ Bảy 22/08/2026',
    );
  });

  it('marks a computed day provisional and never names a file of the project, in either language', () => {
    const source = 'Labour Code 2019 Art. 112(1); adjacent day by the project rule in libs/calendar/README.md (computed, provisional)';
    const vi = calendarSource(source, 'vi');
    expect(vi).toBe('Bộ luật Lao động 2019, khoản 1 Điều 112; ngày liền kề tính theo quy tắc tạm thời của hệ thống (tạm tính)');
    expect(calendarSource(source, 'en')).not.toMatch(/README|libs\//);
    expect(calendarSource(source, 'en')).toContain('(computed, provisional)');
  });

  it('leaves no English words of the known sources on the Vietnamese screen', () => {
    for (const source of [
      'Labour Code 2019 Art. 111(3): a holiday on a weekly rest day gives a day off on the next working day (computed, provisional)',
      'Official 2025 schedule of days off for civil servants (Labour Code 2019 Art. 112; dates as approved for 2025; the document numbers are not recorded here)',
      '2025 swap of Fri 2 May with Sat 26 Apr',
      'Government Office notice 12729/VPCP-KGVX of 25 Dec 2025 (New Year); Ministry of Home Affairs announcements as reported by the press (the rest)',
    ]) {
      expect(calendarSource(source, 'vi')).not.toMatch(/\b(Labour|Code|Art|swap|schedule|Ministry|notice|press|computed)\b/);
    }
  });
});
