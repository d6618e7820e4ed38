import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  A4_MM,
  isGroupRow,
  mmToPt,
  textWidthMm,
  type Align,
  type Block,
  type GridBlock,
  type OfficialDocument,
  type ParagraphBlock,
  type TableBlock,
  type TableCell as CellContent,
  type TextRun as Run,
} from './official-document.js';
import { RULE_GAP_PT } from './paragraph-lines.js';
import { ruleLengthPt } from './text-measure.js';

/**
 * The editable copy: an OfficialDocument as a Word file, for the clerk to adjust before it is signed. Real Word
 * structures throughout (tables for the header and the lists, borders for the rules, a repeated header row, a
 * PAGE field), so it edits like a document typed by hand. The font is named "Times New Roman", as the Decree
 * prescribes; where it is missing, Word and LibreOffice substitute Tinos, whose metrics are the same.
 */

const FONT = 'Times New Roman';
const twipsFromMm = (mm: number) => Math.round((mm * 1440) / 25.4);
const twipsFromPt = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);

/** Cell margins of the ruled tables, the same as the PDF's cell padding (4 pt left and right, 2 pt top and bottom). */
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };
/** Borders are in eighths of a point. */
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const RULE_BORDER = { style: BorderStyle.SINGLE, size: 5, color: '000000', space: 0 } as const;

const ALIGNMENT: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Runs of a paragraph; a size is written only where it differs from the one the paragraph inherits (fewer parts to write). */
function textRuns(runs: Run[], sizePt: number, inheritedPt: number): TextRun[] {
  return runs.flatMap((run) => {
    const size = run.sizePt ?? sizePt;
    return run.text
      .normalize('NFC')
      .replace(/[ \t]+/g, ' ')
      .split('\n')
      .map(
        (text, i) =>
          new TextRun({
            text,
            bold: run.bold || undefined,
            italics: run.italic || undefined,
            size: size === inheritedPt ? undefined : halfPoints(size),
            color: run.color,
            underline: run.underline ? {} : undefined,
            break: i > 0 ? 1 : undefined,
          }),
      );
  });
}

/** A paragraph of exactly `heightPt`, with nothing in it: space before and after tables, which have none of their own. */
const spacer = (heightPt: number) =>
  new Paragraph({ spacing: { before: 0, after: 0, line: twipsFromPt(heightPt), lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] });

/**
 * A paragraph, and its rule when it has one. A rule is a thin paragraph of its own whose top border is the rule,
 * indented from both sides to the rule's length: it stays centred and the right length whatever Word does.
 */
function paragraphs(p: ParagraphBlock, availablePt: number, bodyPt: number): Paragraph[] {
  const size = p.sizePt ?? bodyPt;
  const left = p.leftIndentMm ?? 0;
  const right = p.rightIndentMm ?? 0;
  const first = p.firstLineIndentMm ?? 0;
  const main = new Paragraph({
    children: textRuns(p.runs, size, bodyPt),
    alignment: p.align && p.align !== 'left' ? ALIGNMENT[p.align] : undefined,
    indent: left || right || first ? { firstLine: twipsFromMm(first), left: twipsFromMm(left), right: twipsFromMm(right) } : undefined,
    spacing: {
      before: twipsFromPt(p.spaceBeforePt ?? 0),
      after: p.ruleBelow ? 0 : twipsFromPt(p.spaceAfterPt ?? 0),
      line: Math.round(240 * (p.lineSpacing ?? 1)),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: p.keepWithNext || p.ruleBelow ? true : undefined,
    pageBreakBefore: p.pageBreakBefore || undefined,
  });
  if (!p.ruleBelow) return [main];
  const room = availablePt - mmToPt(left + right);
  const length = ruleLengthPt(p.runs, p.ruleBelow.ratio, size, room);
  const side = (room - length) / 2;
  const rule = new Paragraph({
    children: [new TextRun({ text: '', size: 2 })],
    indent: { left: twipsFromMm(left) + twipsFromPt(side), right: twipsFromMm(right) + twipsFromPt(side) },
    spacing: { before: twipsFromPt(RULE_GAP_PT), after: twipsFromPt(p.spaceAfterPt ?? 0), line: twipsFromPt(RULE_GAP_PT), lineRule: LineRuleType.EXACT },
    border: { top: RULE_BORDER },
    keepNext: p.keepWithNext || undefined,
  });
  return [main, rule];
}

function columnTwips(ratios: number[], totalTwips: number): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  const widths = ratios.map((r) => Math.floor((r / sum) * totalTwips));
  widths[widths.length - 1] += totalTwips - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** An invisible table: no borders, no cell margins, each row kept on one page. */
function gridTable(grid: GridBlock, textTwips: number, defaultSizePt: number): Table {
  const widths = columnTwips(grid.columnRatios, textTwips);
  return new Table({
    width: { size: textTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
    rows: grid.rows.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          children: row.map((cell, c) => {
            const blocks = cell.blocks.map((p, i) =>
              r === 0 && i === 0 && grid.spaceBeforePt ? { ...p, spaceBeforePt: (p.spaceBeforePt ?? 0) + grid.spaceBeforePt } : p,
            );
            const children = blocks.flatMap((p) => paragraphs(p, widths[c] / 20, defaultSizePt));
            return new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              verticalAlign: cell.verticalAlign === 'bottom' ? VerticalAlignTable.BOTTOM : undefined,
              children: children.length ? children : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

/** The paragraph style of the ruled tables' cells, one per type size: no spacing, single lines. */
const cellStyleId = (sizePt: number) => `FormsTableText${String(sizePt).replace('.', '_')}`;

/** A ruled table; its first row repeats at the top of every page. A list of hundreds of names is thousands of cells: each is kept to a width, a styled paragraph and its runs. */
function ruledTable(table: TableBlock, textTwips: number, bodyPt: number): Table {
  const size = table.sizePt ?? bodyPt;
  const style = cellStyleId(size);
  const widths = columnTwips(
    table.columns.map((c) => c.widthRatio),
    textTwips,
  );
  const cellParagraph = (content: CellContent, align: Align | undefined, bold = false) =>
    new Paragraph({
      style,
      children: textRuns(typeof content === 'string' ? [{ text: content, bold }] : content, size, size),
      alignment: align && align !== 'left' ? ALIGNMENT[align] : undefined,
    });
  const cell = (content: CellContent, width: number, align: Align | undefined, options: { bold?: boolean; span?: number; middle?: boolean } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: options.span,
      verticalAlign: options.middle ? VerticalAlignTable.CENTER : undefined,
      children: [cellParagraph(content, align, options.bold)],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.header, widths[i], 'center', { bold: true, middle: true })),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: isGroupRow(row)
          ? [cell(row.group, textTwips, 'left', { bold: true, span: table.columns.length })]
          : row.cells.map((content, i) => cell(content, widths[i], table.columns[i]?.align)),
      }),
  );
  return new Table({
    width: { size: textTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER },
    rows: [header, ...rows],
  });
}

function bodyOf(doc: OfficialDocument): (Paragraph | Table)[] {
  const textPt = mmToPt(textWidthMm(doc.page));
  const textTwips = twipsFromMm(textWidthMm(doc.page));
  const body: (Paragraph | Table)[] = [];
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    // Two tables in a row would be merged into one by Word: a paragraph always stands between them.
    if (block.kind !== 'paragraph' && previous && previous.kind !== 'paragraph') body.push(spacer(1));
    if (block.kind === 'paragraph') body.push(...paragraphs(block, textPt, doc.fontSizePt));
    else if (block.kind === 'grid') body.push(gridTable(block, textTwips, doc.fontSizePt));
    else {
      if (block.spaceBeforePt) body.push(spacer(block.spaceBeforePt));
      body.push(ruledTable(block, textTwips, doc.fontSizePt));
      if (block.spaceAfterPt) body.push(spacer(block.spaceAfterPt));
    }
    previous = block;
  }
  // A document may not end with a table.
  if (previous && previous.kind !== 'paragraph' && !(previous.kind === 'table' && previous.spaceAfterPt)) body.push(spacer(1));
  return body;
}

/** Page numbers (Decree 30/2020/NĐ-CP, Appendix I, I.7): centred in the top margin, none on the first page. */
function pageNumberHeaders(): ISectionOptions['headers'] {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(13) })] })],
    }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const m = doc.page.marginsMm;
  const numbered = doc.page.pageNumbers === 'from-second-page';
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author ?? 'khen-thuong',
    lastModifiedBy: doc.meta.author ?? 'khen-thuong',
    styles: {
      paragraphStyles: [
        ...new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.sizePt ?? doc.fontSizePt] : []))),
      ].map((size) => ({
        id: cellStyleId(size),
        name: `Table text ${size} pt`,
        basedOn: 'Normal',
        run: { size: halfPoints(size) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      })),
      default: {
        document: {
          run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: halfPoints(doc.fontSizePt), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: numbered,
          page: {
            // Given upright; docx turns it for landscape.
            size: {
              width: twipsFromMm(A4_MM.width),
              height: twipsFromMm(A4_MM.height),
              orientation: doc.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twipsFromMm(m.top),
              right: twipsFromMm(m.right),
              bottom: twipsFromMm(m.bottom),
              left: twipsFromMm(m.left),
              header: twipsFromMm(Math.max(5, m.top / 2 - 2.5)),
              footer: twipsFromMm(Math.max(5, m.bottom / 2)),
            },
          },
        },
        headers: numbered ? pageNumberHeaders() : undefined,
        children: bodyOf(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}
