import { asciiSlug, fileStem } from './ascii-slug.js';

describe('asciiSlug', () => {
  it('drops the marks of Vietnamese letters and turns đ into d', () => {
    expect(asciiSlug('Quyết định 1234/QĐ-UBND')).toBe('Quyet-dinh-1234-QD-UBND');
    expect(asciiSlug('Đặng Văn Ưng', { lowerCase: true })).toBe('dang-van-ung');
    expect(asciiSlug('Nguyễn Thị Hằng'.normalize('NFD'), { lowerCase: true })).toBe('nguyen-thi-hang');
  });

  it('leaves only letters, digits and single hyphens', () => {
    expect(asciiSlug('  //TTr--SYT.. ')).toBe('TTr-SYT');
    expect(asciiSlug('Giấy khen: “Lao động giỏi” (2025)')).toMatch(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/);
  });

  it('builds file stems with the kind in lower case and the number as written', () => {
    expect(fileStem('quyet-dinh', '1234/QĐ-UBND')).toBe('quyet-dinh-1234-QD-UBND');
    expect(fileStem('Tờ trình', null, '15/TTr-SYT')).toBe('to-trinh-15-TTr-SYT');
  });
});
