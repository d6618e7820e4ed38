import { foldVietnamese } from './fold-vietnamese.js';

describe('foldVietnamese', () => {
  it('Given a name with tone marks, When folded, Then it reads as plain lower-case letters', () => {
    expect(foldVietnamese('Nguyễn Văn An')).toBe('nguyen van an');
  });

  it('Given đ and Đ, When folded, Then both read as d', () => {
    expect(foldVietnamese('Đỗ Thị Đào')).toBe('do thi dao');
  });

  it('Given every vowel with every tone, When folded, Then only the base vowel remains', () => {
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
  });

  it('Given text typed in decomposed form (combining marks), When folded, Then it matches the precomposed text', () => {
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe(foldVietnamese('Nguyễn'));
  });

  it('Given extra spaces and upper case, When folded, Then spaces collapse and the ends are trimmed', () => {
    expect(foldVietnamese('  TRẦN   thị\tBÌNH ')).toBe('tran thi binh');
  });

  it('Given text without diacritics, When folded, Then it is only lower-cased', () => {
    expect(foldVietnamese('Phong TC-HC 2026')).toBe('phong tc-hc 2026');
  });
});
