/**
 * The search key of a Vietnamese name or text: lower case, without tone marks or other diacritics, đ read as d,
 * and runs of spaces made one. An official types "nguyen van an" and finds "Nguyễn Văn An"; the registry and the
 * inbox search store this key beside the text and compare keys, so both sides must fold with this one function.
 *
 * NFD splits every precomposed letter (ễ = e + circumflex + tilde) into its base letter and combining marks, which
 * are then dropped; đ/Đ is a letter of its own (not d with a mark), so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
