import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * The typeface of every document: Tinos, metric-compatible with Times New Roman (the font Decree 30/2020/NĐ-CP,
 * Appendix I, I.4 prescribes) and drawn with the Vietnamese letters. It comes from the @expo-google-fonts/tinos
 * package, never from the machine, so a PDF looks the same wherever the server runs. The path is resolved from
 * this module, which works from the sources (ts-jest) and from dist/ alike.
 *
 * Files are read, and parsed, once per process: parsing a TrueType file costs far more than laying out a
 * whole decision (some 150 ms against 20 ms for four faces), and a parsed face holds nothing of one document,
 * with one exception handled below (the characters each glyph stands for).
 */

export type FontVariant = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_VARIANTS: readonly FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];

const FILES: Record<FontVariant, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

export const fontVariant = (bold?: boolean, italic?: boolean): FontVariant =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';

/** The part of a parsed face (fontkit's, through pdfkit) that layout needs. */
export interface FontFace {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** Every code point the face maps to a glyph. */
  readonly characterSet: number[];
  layout(text: string): { advanceWidth: number };
  glyphForCodePoint(codePoint: number): unknown;
}

/** Private use (U+E000–U+F8FF) and presentation forms (U+FB00–U+FB4F): never the text a glyph should copy as. */
const notText = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xfb00 && cp <= 0xfb4f);

/**
 * fontkit keeps one glyph object per glyph id, and the characters of the first request for it; pdfkit writes
 * those characters into the PDF's ToUnicode map, which is what copying and searching the text read. Within one
 * document the first request is the text itself. A face shared between documents, though, also meets glyphs
 * as parts of composite glyphs while an earlier document's subset was written ('a' inside 'ạ'), with no
 * characters at all, and the next document's 'a' would copy as nothing ("Lạng Sơn" read back as "Lạng Sn").
 * So every glyph the face maps a character to is asked for once, by that character, before any document is
 * drawn; where two characters share a glyph the lower wins (space before no-break space, '-' before soft
 * hyphen), and ligatures are left for the text to name ('fi' as f + i, not U+FB01).
 */
function claimCharacters(face: FontFace): void {
  for (const codePoint of [...face.characterSet].sort((a, b) => a - b)) if (!notText(codePoint)) face.glyphForCodePoint(codePoint);
}

export function tinosFontPath(variant: FontVariant): string {
  const packageJson = createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json');
  return join(dirname(packageJson), FILES[variant]);
}

let files: Record<FontVariant, Buffer> | null = null;
let faces: Record<FontVariant, FontFace> | null = null;

/** The four TTF files, read on first use. */
export function tinosFontFiles(): Record<FontVariant, Buffer> {
  files ??= Object.fromEntries(FONT_VARIANTS.map((v) => [v, readFileSync(tinosFontPath(v))])) as Record<FontVariant, Buffer>;
  return files;
}

/**
 * The four faces, parsed on first use. pdfkit parses with fontkit and accepts a parsed face in `font()` in place
 * of a file; fontkit is not a dependency of ours, so the face is taken from a pdfkit document that parsed it
 * (that document is never written out). Checked, so that a pdfkit upgrade that changes this fails loudly here.
 */
export function tinosFaces(): Record<FontVariant, FontFace> {
  if (faces) return faces;
  const parser = new PDFDocument({ autoFirstPage: false, font: '' });
  const parsed = {} as Record<FontVariant, FontFace>;
  for (const variant of FONT_VARIANTS) {
    parser.font(tinosFontFiles()[variant]);
    const face = (parser as unknown as { _font?: { font?: FontFace } })._font?.font;
    if (!face || typeof face.layout !== 'function' || !face.unitsPerEm) {
      throw new Error('pdfkit no longer exposes the parsed font face; libs/forms/src/tinos-fonts.ts needs updating');
    }
    claimCharacters(face);
    parsed[variant] = face;
  }
  faces = parsed;
  return faces;
}
