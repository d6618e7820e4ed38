/**
 * File names for the documents: ASCII only, since a Vietnamese name survives neither every browser's
 * Content-Disposition handling nor every mail client or archive tool. "Quyết định 1234/QĐ-UBND" becomes
 * "quyet-dinh-1234-QD-UBND": letters lose their marks (đ and Đ, which are letters of their own and not marked
 * ones, become d and D), and anything else becomes a single hyphen.
 */
export function asciiSlug(text: string, { lowerCase = false } = {}): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return lowerCase ? slug.toLowerCase() : slug;
}

/** Joins the parts of a file name, each slugged; the first (the kind of document) in lower case. */
export function fileStem(kind: string, ...parts: (string | null | undefined)[]): string {
  return [asciiSlug(kind, { lowerCase: true }), ...parts.filter((p): p is string => !!p).map((p) => asciiSlug(p))]
    .filter(Boolean)
    .join('-');
}
