import { mmToPt, type Align, type ParagraphBlock, type TextRun } from './official-document.js';
import { ascentPt, lineHeightPt, textWidthPt } from './text-measure.js';
import { fontVariant, type FontVariant } from './tinos-fonts.js';

/**
 * Breaks a paragraph into lines for the PDF renderer, the way a word processor does: words never split unless a
 * single word is wider than the line, spaces collapse, '\n' forces a break, and a justified paragraph stretches
 * every line but the last (and those ending at a forced break). Nothing here draws; pdf.renderer.ts places the
 * lines on pages.
 */

export interface TextStyle {
  variant: FontVariant;
  sizePt: number;
  color?: string;
  underline?: boolean;
}

/** A stretch of one style inside a word ("Điều 1." bold, then regular text, may share no word, but could). */
export interface Piece {
  text: string;
  style: TextStyle;
  width: number;
}

export interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space that follows it on the line, in the style of that space. */
  spaceWidth: number;
  /** A '\n' follows it. */
  breakAfter: boolean;
}

export interface Line {
  words: Word[];
  /** Width of the words and the single spaces between them. */
  naturalWidth: number;
  /** From the paragraph's left edge: left indent, plus the first-line indent on the first line. */
  offset: number;
  availableWidth: number;
  ascent: number;
  height: number;
  /** Stretched to the full width (justified, not the last line of the paragraph or before a forced break). */
  stretch: boolean;
}

export interface LaidParagraph {
  lines: Line[];
  align: Align;
  spaceBefore: number;
  spaceAfter: number;
  /** Length of the rule under the paragraph, 0 for none. */
  ruleLength: number;
  /** Centre of the paragraph's text area, from its left edge (where the rule is centred). */
  centre: number;
  keepWithNext: boolean;
  pageBreakBefore: boolean;
}

/** Room taken by a rule: a gap, the rule, a gap. */
export const RULE_GAP_PT = 3;
export const RULE_WIDTH_PT = 0.6;
const ruleHeight = (laid: LaidParagraph) => (laid.ruleLength > 0 ? 2 * RULE_GAP_PT + RULE_WIDTH_PT : 0);

export const linesHeight = (laid: LaidParagraph, from = 0, to = laid.lines.length) =>
  laid.lines.slice(from, to).reduce((sum, line) => sum + line.height, 0);

export const paragraphHeight = (laid: LaidParagraph, withSpaceBefore = true) =>
  (withSpaceBefore ? laid.spaceBefore : 0) + linesHeight(laid) + ruleHeight(laid) + laid.spaceAfter;

export const ruleSpace = ruleHeight;

function styleOf(run: TextRun, defaultSizePt: number): TextStyle {
  return { variant: fontVariant(run.bold, run.italic), sizePt: run.sizePt ?? defaultSizePt, color: run.color, underline: run.underline };
}

/** Words of the runs, each with the pieces of every style it spans. Only ' ' and '\t' separate words: a no-break space does not. */
export function wordsOf(runs: TextRun[], defaultSizePt: number): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  const finish = (spaceWidth: number, breakAfter: boolean) => {
    if (current) {
      current.spaceWidth = spaceWidth;
      current.breakAfter = breakAfter;
      words.push(current);
      current = null;
    } else if (breakAfter) {
      // A break with no word before it (an empty line): an empty word carries it.
      words.push({ pieces: [], width: 0, spaceWidth: 0, breakAfter: true });
    }
  };
  for (const run of runs) {
    const style = styleOf(run, defaultSizePt);
    for (const token of run.text.normalize('NFC').match(/\n|[ \t]+|[^ \t\n]+/g) ?? []) {
      if (token === '\n') finish(0, true);
      else if (token[0] === ' ' || token[0] === '\t') finish(textWidthPt(' ', style.variant, style.sizePt), false);
      else {
        const piece: Piece = { text: token, style, width: textWidthPt(token, style.variant, style.sizePt) };
        const word: Word = (current ??= { pieces: [], width: 0, spaceWidth: 0, breakAfter: false });
        word.pieces.push(piece);
        word.width += piece.width;
      }
    }
  }
  finish(0, false);
  return words;
}

/** Cuts a word wider than the line into pieces that fit, character by character (only very long unbroken text). */
function cutWord(word: Word, width: number): Word[] {
  const parts: Word[] = [];
  let part: Word = { pieces: [], width: 0, spaceWidth: 0, breakAfter: false };
  for (const piece of word.pieces) {
    for (const char of piece.text) {
      const w = textWidthPt(char, piece.style.variant, piece.style.sizePt);
      if (part.width + w > width && part.width > 0) {
        parts.push(part);
        part = { pieces: [], width: 0, spaceWidth: 0, breakAfter: false };
      }
      const last = part.pieces[part.pieces.length - 1];
      if (last && last.style === piece.style) last.text += char;
      else part.pieces.push({ text: char, style: piece.style, width: 0 });
      part.pieces[part.pieces.length - 1].width += w;
      part.width += w;
    }
  }
  part.spaceWidth = word.spaceWidth;
  part.breakAfter = word.breakAfter;
  parts.push(part);
  return parts;
}

export function layoutParagraph(p: ParagraphBlock, widthPt: number, defaultSizePt: number): LaidParagraph {
  const sizePt = p.sizePt ?? defaultSizePt;
  const left = mmToPt(p.leftIndentMm ?? 0);
  const right = mmToPt(p.rightIndentMm ?? 0);
  const firstIndent = mmToPt(p.firstLineIndentMm ?? 0);
  const spacing = p.lineSpacing ?? 1;
  const align = p.align ?? 'left';
  const lines: Line[] = [];

  let words: Word[] = [];
  let width = 0;
  const room = () => Math.max(1, widthPt - left - right - (lines.length === 0 ? firstIndent : 0));
  const close = (stretch: boolean) => {
    let ascent = 0;
    let height = 0;
    for (const word of words) {
      for (const piece of word.pieces) {
        ascent = Math.max(ascent, ascentPt(piece.style.variant, piece.style.sizePt));
        height = Math.max(height, lineHeightPt(piece.style.variant, piece.style.sizePt));
      }
    }
    if (height === 0) {
      ascent = ascentPt('regular', sizePt);
      height = lineHeightPt('regular', sizePt);
    }
    const offset = left + (lines.length === 0 ? firstIndent : 0);
    lines.push({ words, naturalWidth: width, offset, availableWidth: room(), ascent, height: height * spacing, stretch: stretch && words.length > 1 });
    words = [];
    width = 0;
  };

  for (const whole of wordsOf(p.runs, sizePt)) {
    for (const word of whole.width > room() ? cutWord(whole, room()) : [whole]) {
      const gap = words.length ? words[words.length - 1].spaceWidth : 0;
      if (words.length && width + gap + word.width > room()) close(align === 'justify');
      width += (words.length ? words[words.length - 1].spaceWidth : 0) + word.width;
      words.push(word);
      if (word.breakAfter) close(false);
    }
  }
  if (words.length || lines.length === 0) close(false);

  const ruleLength = p.ruleBelow ? p.ruleBelow.ratio * Math.min(Math.max(...lines.map((l) => l.naturalWidth)), widthPt - left - right) : 0;
  return {
    lines,
    align,
    spaceBefore: p.spaceBeforePt ?? 0,
    spaceAfter: p.spaceAfterPt ?? 0,
    ruleLength,
    centre: left + (widthPt - left - right) / 2,
    keepWithNext: p.keepWithNext ?? false,
    pageBreakBefore: p.pageBreakBefore ?? false,
  };
}
