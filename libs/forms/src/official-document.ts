/**
 * An administrative document as the province prints it, before it is a file: the page, the type sizes, and a
 * list of blocks. Both renderers (DOCX for editing, PDF for printing) read this and nothing else, so a form is
 * written once and comes out the same in both. Lengths on the page are in millimetres, type sizes and vertical
 * spacing in points, as Decree 30/2020/NĐ-CP (Appendix I) and Word state them; column widths are shares of the
 * width available, so a block does not need to know the page it lands on.
 *
 * Three kinds of block are enough for every form here:
 *   paragraph  a run of text, wrapped, aligned, with spacing, indents and an optional centred rule under it;
 *   grid       an invisible table: text set side by side (the two-column header, the signature beside "Nơi nhận");
 *   table      a ruled table with a header row repeated on every page (lists of nominees).
 * The layout the Decree prescribes (which line goes where, in which size) is built from these by decree-30-layout.ts.
 */

export type Orientation = 'portrait' | 'landscape';

/** Paper is always A4 (Decree 30/2020/NĐ-CP, Appendix I, I.1); certificates turn it to landscape. */
export const A4_MM = { width: 210, height: 297 } as const;

export interface PageMarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PageSetup {
  size: 'A4';
  orientation: Orientation;
  marginsMm: PageMarginsMm;
  /**
   * 'from-second-page': numbered in Arabic figures, centred in the top margin, none on the first page
   * (Decree 30/2020/NĐ-CP, Appendix I, I.7). 'none' for one-page documents such as certificates.
   */
  pageNumbers: 'from-second-page' | 'none';
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  /** May contain '\n' for a line break inside the paragraph; ' ' and '\t' are the only places a line may wrap. */
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Defaults to the paragraph's size. */
  sizePt?: number;
  /** 'RRGGBB'; black by default. */
  color?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: TextRun[];
  /** 'left' by default. */
  align?: Align;
  /** Defaults to the document's body size. */
  sizePt?: number;
  firstLineIndentMm?: number;
  leftIndentMm?: number;
  rightIndentMm?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** Multiple of single line spacing; 1 by default. */
  lineSpacing?: number;
  /** Do not leave this paragraph at the foot of a page apart from what follows (a heading, "QUYẾT ĐỊNH:"). */
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  /**
   * A solid rule under the paragraph, centred on it, `ratio` times as long as its text (the Decree measures
   * these rules against the line of text above them: the motto's is as long as it, the others a third to a half).
   */
  ruleBelow?: { ratio: number };
}

export interface GridCell {
  blocks: ParagraphBlock[];
  /** 'top' by default. */
  verticalAlign?: 'top' | 'bottom';
}

/** Text set side by side with no visible lines; each row is kept on one page. */
export interface GridBlock {
  kind: 'grid';
  /** Shares of the text width, one per column. */
  columnRatios: number[];
  rows: GridCell[][];
  spaceBeforePt?: number;
}

export type TableCell = string | TextRun[];

export interface TableColumn {
  header: string;
  /** Share of the text width. */
  widthRatio: number;
  /** Of the body cells; header cells are centred. 'left' by default. */
  align?: Align;
}

/** A row of cells, or a group heading spanning the whole width ("I. TẬP THỂ"). */
export type TableRow = { cells: TableCell[] } | { group: string };

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: TableRow[];
  /** Defaults to the document's body size. */
  sizePt?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
}

export type Block = ParagraphBlock | GridBlock | TableBlock;

export interface DocumentMeta {
  /** The document's title in its properties (PDF Info Title, DOCX core title): 'Quyết định số 1234/QĐ-UBND …'. */
  title: string;
  subject?: string;
  /** The issuing body. */
  author?: string;
  /** File name without extension, ASCII only: 'quyet-dinh-1234-QD-UBND'. */
  fileStem: string;
}

export interface OfficialDocument {
  meta: DocumentMeta;
  page: PageSetup;
  /** Body type size; blocks without their own size use it. */
  fontSizePt: number;
  blocks: Block[];
}

export const isGroupRow = (row: TableRow): row is { group: string } => 'group' in row;

/** Page width and height in mm, turned for landscape. */
export function pageSizeMm(page: PageSetup): { width: number; height: number } {
  return page.orientation === 'landscape' ? { width: A4_MM.height, height: A4_MM.width } : { width: A4_MM.width, height: A4_MM.height };
}

/** Width between the margins, in mm. */
export function textWidthMm(page: PageSetup): number {
  return pageSizeMm(page).width - page.marginsMm.left - page.marginsMm.right;
}

export const MM_PER_PT = 25.4 / 72;
export const mmToPt = (mm: number) => mm / MM_PER_PT;
