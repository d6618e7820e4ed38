import PDFDocument from 'pdfkit';
import {
  isGroupRow,
  mmToPt,
  pageSizeMm,
  type Block,
  type GridBlock,
  type OfficialDocument,
  type ParagraphBlock,
  type TableBlock,
  type TableColumn,
} from './official-document.js';
import { layoutParagraph, linesHeight, paragraphHeight, RULE_GAP_PT, RULE_WIDTH_PT, ruleSpace, type LaidParagraph, type Line, type TextStyle } from './paragraph-lines.js';
import { ascentPt, lineHeightPt } from './text-measure.js';
import { FONT_VARIANTS, tinosFaces, type FontVariant } from './tinos-fonts.js';

/**
 * The printable copy: an OfficialDocument drawn with pdfkit in Tinos (embedded, subset, with a ToUnicode map so
 * the text can be searched and copied, diacritics included). pdfkit places text where it is told; the lines,
 * pages, tables and their repeated header rows are worked out here (paragraph-lines.ts breaks the lines).
 */

/** Cell padding, the same as the DOCX tables' cell margins (4 pt left and right, 2 pt top and bottom). */
const CELL_PAD_X = 4;
const CELL_PAD_Y = 2;
const TABLE_RULE_PT = 0.5;

const FONT_KEY: Record<FontVariant, string> = { regular: 'Tinos', bold: 'Tinos-Bold', italic: 'Tinos-Italic', boldItalic: 'Tinos-BoldItalic' };

type Doc = InstanceType<typeof PDFDocument>;

interface Frame {
  /** Page size, pt. */
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  textWidth: number;
  marginTop: number;
}

function frameOf(doc: OfficialDocument): Frame {
  const size = pageSizeMm(doc.page);
  const m = doc.page.marginsMm;
  const width = mmToPt(size.width);
  const height = mmToPt(size.height);
  return {
    width,
    height,
    top: mmToPt(m.top),
    bottom: height - mmToPt(m.bottom),
    left: mmToPt(m.left),
    textWidth: width - mmToPt(m.left) - mmToPt(m.right),
    marginTop: mmToPt(m.top),
  };
}

/** Where the next line goes, and a new page when it does not fit. */
class Pager {
  y: number;
  constructor(
    private readonly pdf: Doc,
    readonly frame: Frame,
  ) {
    this.y = frame.top;
  }

  get atTop(): boolean {
    return this.y <= this.frame.top + 0.01;
  }

  get room(): number {
    return this.frame.bottom - this.y;
  }

  newPage(): void {
    this.pdf.addPage({ size: [this.frame.width, this.frame.height], margin: 0 });
    this.y = this.frame.top;
  }

  /** A new page unless `height` fits below the current line (or nothing is on this page yet). */
  ensure(height: number): void {
    if (height > this.room + 0.01 && !this.atTop) this.newPage();
  }
}

function hex(color: string | undefined): string {
  return `#${(color ?? '000000').replace(/^#/, '')}`;
}

/** Draws one line, its words set in segments of one style each, stretched when the line is justified. */
function drawLine(pdf: Doc, line: Line, align: LaidParagraph['align'], x: number, top: number): void {
  const free = Math.max(0, line.availableWidth - line.naturalWidth);
  let cursor = x + line.offset;
  let extra = 0;
  if (align === 'center') cursor += free / 2;
  else if (align === 'right') cursor += free;
  else if (line.stretch) extra = free / (line.words.length - 1);
  const baseline = top + line.ascent;

  let segment: { style: TextStyle; text: string; x: number; width: number } | null = null;
  const flush = () => {
    if (!segment || !segment.text) return;
    const { style } = segment;
    pdf
      .font(FONT_KEY[style.variant])
      .fontSize(style.sizePt)
      .fillColor(hex(style.color))
      .text(segment.text, segment.x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(extra > 0 ? { wordSpacing: extra } : {}) });
    if (style.underline) {
      const y = baseline + style.sizePt * 0.12;
      pdf.save().lineWidth(style.sizePt / 18).strokeColor(hex(style.color)).moveTo(segment.x, y).lineTo(segment.x + segment.width, y).stroke().restore();
    }
  };
  line.words.forEach((word, i) => {
    for (const piece of word.pieces) {
      if (segment && segment.style === piece.style) segment.text += piece.text;
      else {
        flush();
        segment = { style: piece.style, text: piece.text, x: cursor, width: 0 };
      }
      cursor += piece.width;
      segment.width = cursor - segment.x;
    }
    if (i < line.words.length - 1) {
      if (segment) segment.text += ' ';
      cursor += word.spaceWidth + extra;
    }
  });
  flush();
}

function drawRule(pdf: Doc, laid: LaidParagraph, x: number, y: number): void {
  const centre = x + laid.centre;
  const ruleY = y + RULE_GAP_PT + RULE_WIDTH_PT / 2;
  pdf
    .save()
    .lineWidth(RULE_WIDTH_PT)
    .strokeColor('#000000')
    .moveTo(centre - laid.ruleLength / 2, ruleY)
    .lineTo(centre + laid.ruleLength / 2, ruleY)
    .stroke()
    .restore();
}

/** Draws a paragraph at a fixed place (inside a grid cell); returns the y below it. */
function drawParagraphAt(pdf: Doc, laid: LaidParagraph, x: number, y: number): number {
  y += laid.spaceBefore;
  for (const line of laid.lines) {
    drawLine(pdf, line, laid.align, x, y);
    y += line.height;
  }
  if (laid.ruleLength > 0) {
    drawRule(pdf, laid, x, y);
    y += ruleSpace(laid);
  }
  return y + laid.spaceAfter;
}

/** Draws a paragraph in the flow of the text, across pages when it must. */
function flowParagraph(pdf: Doc, pager: Pager, laid: LaidParagraph): void {
  if (laid.pageBreakBefore && !pager.atTop) pager.newPage();
  if (!pager.atTop) pager.y += laid.spaceBefore;
  const x = pager.frame.left;
  laid.lines.forEach((line, i) => {
    // Keep the last two lines together, so that one line is not left alone at the top of the next page.
    const last = i === laid.lines.length - 2 ? line.height + laid.lines[i + 1].height : line.height;
    pager.ensure(last);
    drawLine(pdf, line, laid.align, x, pager.y);
    pager.y += line.height;
  });
  if (laid.ruleLength > 0) {
    pager.ensure(ruleSpace(laid));
    drawRule(pdf, laid, x, pager.y);
    pager.y += ruleSpace(laid);
  }
  pager.y += laid.spaceAfter;
}

interface LaidGridRow {
  cells: { laid: LaidParagraph[]; height: number; bottom: boolean }[];
  height: number;
}

function layoutGrid(grid: GridBlock, frame: Frame, sizePt: number): { rows: LaidGridRow[]; widths: number[] } {
  const total = grid.columnRatios.reduce((a, b) => a + b, 0);
  const widths = grid.columnRatios.map((r) => (r / total) * frame.textWidth);
  const rows = grid.rows.map((row) => {
    const cells = row.map((cell, c) => {
      const laid = cell.blocks.map((p) => layoutParagraph(p, widths[c], sizePt));
      return { laid, height: laid.reduce((sum, l) => sum + paragraphHeight(l), 0), bottom: cell.verticalAlign === 'bottom' };
    });
    return { cells, height: Math.max(0, ...cells.map((c) => c.height)) };
  });
  return { rows, widths };
}

/** A grid row is kept on one page. */
function flowGrid(pdf: Doc, pager: Pager, grid: GridBlock, sizePt: number): void {
  const { rows, widths } = layoutGrid(grid, pager.frame, sizePt);
  if (!pager.atTop) pager.y += grid.spaceBeforePt ?? 0;
  for (const row of rows) {
    pager.ensure(row.height);
    let x = pager.frame.left;
    row.cells.forEach((cell, c) => {
      let y = pager.y + (cell.bottom ? row.height - cell.height : 0);
      for (const laid of cell.laid) y = drawParagraphAt(pdf, laid, x, y);
      x += widths[c];
    });
    pager.y += row.height;
  }
}

interface LaidCell {
  laid: LaidParagraph;
  /** Lines already drawn on earlier pages (a row taller than a page). */
  from: number;
}

interface LaidRow {
  cells: LaidCell[];
  /** The widths of its cells (one, spanning, for a group heading). */
  widths: number[];
  middle: boolean;
}

const cellRemaining = (cell: LaidCell) => linesHeight(cell.laid, cell.from);
const rowHeight = (row: LaidRow) => Math.max(...row.cells.map(cellRemaining)) + 2 * CELL_PAD_Y;

function layoutTable(table: TableBlock, frame: Frame, sizePt: number, rowLimit = Infinity) {
  const total = table.columns.reduce((sum, c) => sum + c.widthRatio, 0);
  const widths = table.columns.map((c) => (c.widthRatio / total) * frame.textWidth);
  const size = table.sizePt ?? sizePt;
  const cell = (runs: ParagraphBlock['runs'], width: number, align: TableColumn['align']): LaidCell => ({
    laid: layoutParagraph({ kind: 'paragraph', runs, align }, width - 2 * CELL_PAD_X, size),
    from: 0,
  });
  const header: LaidRow = {
    cells: table.columns.map((c, i) => cell([{ text: c.header, bold: true }], widths[i], 'center')),
    widths,
    middle: true,
  };
  const rows: LaidRow[] = (rowLimit < table.rows.length ? table.rows.slice(0, rowLimit) : table.rows).map((row) =>
    isGroupRow(row)
      ? { cells: [cell([{ text: row.group, bold: true }], frame.textWidth, 'left')], widths: [frame.textWidth], middle: false }
      : {
          cells: row.cells.map((content, i) => cell(typeof content === 'string' ? [{ text: content }] : content, widths[i], table.columns[i]?.align)),
          widths,
          middle: false,
        },
  );
  return { header, rows };
}

/** Draws `height` worth of a row (its cells' lines from where they stopped), ruled; advances the cells. */
function drawRow(pdf: Doc, row: LaidRow, x: number, y: number, height: number): void {
  const inner = height - 2 * CELL_PAD_Y;
  row.cells.forEach((cell, c) => {
    const { laid } = cell;
    let used = 0;
    let to = cell.from;
    while (to < laid.lines.length && used + laid.lines[to].height <= inner + 0.01) used += laid.lines[to++].height;
    let lineY = y + CELL_PAD_Y + (row.middle ? (inner - used) / 2 : 0);
    for (let i = cell.from; i < to; i++) {
      drawLine(pdf, laid.lines[i], laid.align, x + CELL_PAD_X, lineY);
      lineY += laid.lines[i].height;
    }
    cell.from = to;
    pdf.save().lineWidth(TABLE_RULE_PT).strokeColor('#000000').rect(x, y, row.widths[c], height).stroke().restore();
    x += row.widths[c];
  });
}

/** Rows flow across pages; each page starts with the header row again. A row taller than a page is split by lines. */
function flowTable(pdf: Doc, pager: Pager, table: TableBlock, sizePt: number): void {
  const { header, rows } = layoutTable(table, pager.frame, sizePt);
  const headerHeight = rowHeight(header);
  const x = pager.frame.left;
  const drawHeader = () => {
    header.cells.forEach((c) => (c.from = 0));
    drawRow(pdf, header, x, pager.y, headerHeight);
    pager.y += headerHeight;
  };
  if (!pager.atTop) pager.y += table.spaceBeforePt ?? 0;
  const firstLine = (row: LaidRow) => Math.max(...row.cells.map((c) => c.laid.lines[0]?.height ?? 0)) + 2 * CELL_PAD_Y;
  pager.ensure(headerHeight + (rows[0] ? Math.min(rowHeight(rows[0]), firstLine(rows[0])) : 0));
  drawHeader();
  const pageRoom = pager.frame.bottom - pager.frame.top - headerHeight;
  for (const row of rows) {
    let height = rowHeight(row);
    if (height > pager.room + 0.01 && height <= pageRoom) {
      pager.newPage();
      drawHeader();
    }
    while (height > pager.room + 0.01) {
      // Taller than a page: as many lines as fit here, the rest on the next page.
      if (pager.room >= firstLine(row)) {
        drawRow(pdf, row, x, pager.y, pager.room);
      }
      pager.newPage();
      drawHeader();
      height = rowHeight(row);
    }
    drawRow(pdf, row, x, pager.y, height);
    pager.y += height;
  }
  pager.y += table.spaceAfterPt ?? 0;
}

/** Height a block needs at the foot of a page to start there without being torn from what it introduces. */
function openingHeight(block: Block | undefined, frame: Frame, sizePt: number): number {
  if (!block) return 0;
  if (block.kind === 'paragraph') {
    const laid = layoutParagraph(block, frame.textWidth, sizePt);
    return laid.spaceBefore + linesHeight(laid, 0, Math.min(2, laid.lines.length));
  }
  if (block.kind === 'grid') return (block.spaceBeforePt ?? 0) + (layoutGrid(block, frame, sizePt).rows[0]?.height ?? 0);
  const { header, rows } = layoutTable(block, frame, sizePt, 1);
  return (block.spaceBeforePt ?? 0) + rowHeight(header) + (rows[0] ? rowHeight(rows[0]) : 0);
}

function pageNumbers(pdf: Doc, frame: Frame): void {
  const { start, count } = pdf.bufferedPageRange();
  const size = 13;
  for (let i = start + 1; i < start + count; i++) {
    pdf.switchToPage(i);
    const label = String(i - start + 1);
    const baseline = frame.marginTop / 2 - lineHeightPt('regular', size) / 2 + ascentPt('regular', size);
    pdf.font(FONT_KEY.regular).fontSize(size).fillColor('#000000');
    const width = pdf.widthOfString(label);
    pdf.text(label, (frame.width - width) / 2, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }
}

export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const faces = tinosFaces();
  const frame = frameOf(doc);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica's metrics, unused, for every document.
    font: '',
    bufferPages: doc.page.pageNumbers !== 'none',
    lang: 'vi-VN',
    displayTitle: true,
    // pdfkit fingerprints every entry given: absent ones must not be passed at all.
    info: Object.fromEntries(
      Object.entries({ Title: doc.meta.title, Author: doc.meta.author, Subject: doc.meta.subject, Creator: 'khen-thuong' }).filter(([, v]) => v !== undefined),
    ),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  // Parsed faces, shared by every document of the process (see tinos-fonts.ts); pdfkit takes them in place of a file.
  for (const variant of FONT_VARIANTS) pdf.registerFont(FONT_KEY[variant], faces[variant] as unknown as Buffer);

  const pager = new Pager(pdf, frame);
  pager.newPage();
  const sizePt = doc.fontSizePt;
  const laidParagraphs = new Map<Block, LaidParagraph>();
  const laid = (p: ParagraphBlock) => {
    let result = laidParagraphs.get(p);
    if (!result) laidParagraphs.set(p, (result = layoutParagraph(p, frame.textWidth, sizePt)));
    return result;
  };

  doc.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') {
      const paragraph = laid(block);
      if (paragraph.pageBreakBefore && !pager.atTop) pager.newPage();
      if (paragraph.keepWithNext && !pager.atTop) {
        // The paragraph, any others kept with it, and the opening of what follows, on one page.
        let needed = paragraphHeight(paragraph);
        let j = i + 1;
        for (let next = doc.blocks[j]; next?.kind === 'paragraph' && next.keepWithNext; next = doc.blocks[++j]) needed += paragraphHeight(laid(next));
        needed += openingHeight(doc.blocks[j], frame, sizePt);
        if (needed <= frame.bottom - frame.top) pager.ensure(needed);
      }
      flowParagraph(pdf, pager, paragraph);
    } else if (block.kind === 'grid') flowGrid(pdf, pager, block, sizePt);
    else flowTable(pdf, pager, block, sizePt);
  });

  if (doc.page.pageNumbers === 'from-second-page') pageNumbers(pdf, frame);
  pdf.end();
  return done;
}
