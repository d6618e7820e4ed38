import type { TextRun } from './official-document.js';
import { fontVariant, tinosFaces, type FontVariant } from './tinos-fonts.js';

/**
 * Widths and heights of text in Tinos, in points. The PDF renderer breaks lines with them; the DOCX renderer
 * only needs them for the length of the rules under a line of text (Word breaks the lines itself, with the same
 * metrics, since Tinos and Times New Roman share them).
 *
 * A width is a property of the face alone, so it is cached per process in thousandths of an em: a list of 200
 * names repeats its words (units, titles) and the next document repeats most of them again.
 */

const MAX_CACHED_PER_VARIANT = 50_000;
const widthCache: Record<FontVariant, Map<string, number>> = {
  regular: new Map(),
  bold: new Map(),
  italic: new Map(),
  boldItalic: new Map(),
};

/** Advance width of `text`, kerned as pdfkit will draw it, in thousandths of an em. */
export function textWidthEm1000(text: string, variant: FontVariant): number {
  const cache = widthCache[variant];
  let width = cache.get(text);
  if (width === undefined) {
    const face = tinosFaces()[variant];
    width = (face.layout(text).advanceWidth * 1000) / face.unitsPerEm;
    if (cache.size >= MAX_CACHED_PER_VARIANT) cache.clear();
    cache.set(text, width);
  }
  return width;
}

export const textWidthPt = (text: string, variant: FontVariant, sizePt: number): number =>
  (textWidthEm1000(text, variant) * sizePt) / 1000;

/** Distance from the top of a line to its baseline. */
export function ascentPt(variant: FontVariant, sizePt: number): number {
  const face = tinosFaces()[variant];
  return (face.ascent / face.unitsPerEm) * sizePt;
}

/** Single line spacing as Word computes it: ascent + descent + line gap (1.15 em for Times New Roman and Tinos). */
export function lineHeightPt(variant: FontVariant, sizePt: number): number {
  const face = tinosFaces()[variant];
  return ((face.ascent - face.descent + face.lineGap) / face.unitsPerEm) * sizePt;
}

/** Width of the widest line of a paragraph's text set without wrapping (spaces collapsed as they will be when set). */
export function runsWidthPt(runs: TextRun[], defaultSizePt: number): number {
  let widest = 0;
  let line = 0;
  for (const run of runs) {
    const variant = fontVariant(run.bold, run.italic);
    const size = run.sizePt ?? defaultSizePt;
    run.text
      .normalize('NFC')
      .replace(/[ \t]+/g, ' ')
      .split('\n')
      .forEach((part, i) => {
        if (i > 0) {
          widest = Math.max(widest, line);
          line = 0;
        }
        line += textWidthPt(part, variant, size);
      });
  }
  return Math.max(widest, line);
}

/** Length of a rule under a paragraph: `ratio` of its text, the text counted no wider than the space it has. */
export const ruleLengthPt = (runs: TextRun[], ratio: number, defaultSizePt: number, availablePt: number): number =>
  ratio * Math.min(runsWidthPt(runs, defaultSizePt), availablePt);
