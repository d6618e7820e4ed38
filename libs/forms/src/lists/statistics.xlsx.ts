/**
 * The period report officials file ("báo cáo thống kê kết quả khen thưởng", docs/statistics.md) as an .xlsx
 * workbook: one sheet per breakdown, each with the title, the period, when it was made, the table and its total,
 * and the sentence that says what was counted. Streamed with exceljs's writer like the printable list
 * (proposal-list.xlsx.ts), in the same print layout: A4 landscape, Times New Roman.
 *
 * The caller words everything; this file only lays it out. Text goes through cleanText, so a unit's name can
 * neither break the XML nor become a formula; counts are written as numbers.
 */
import ExcelJS from 'exceljs';
import { BORDER, FONT_NAME, FONT_SIZE, cleanText, formatHoChiMinh, openWorkbookWriter, printLayout, setCell } from './proposal-list.xlsx.js';

export interface StatisticsSheet {
  /** The tab's name, at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  /** e.g. 'Theo đơn vị' */
  heading: string;
  /** The first column's header, e.g. 'Đơn vị'. */
  keyHeader: string;
  rows: { label: string; values: number[] }[];
  total: number[];
}

export interface StatisticsWorkbook {
  /** e.g. 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG' */
  title: string;
  /** The period and the units counted, in words. */
  subtitle: string;
  /** ISO instant; printed as 'Lập lúc dd/mm/yyyy HH:mm' in Asia/Ho_Chi_Minh. */
  generatedAt: string;
  /** The headers of the number columns, the same on every sheet. */
  valueHeaders: string[];
  /** What is counted, printed under each table. */
  note: string;
  sheets: StatisticsSheet[];
}

/** Rows of the title block; the table's header row comes next. */
export const STATISTICS_HEADER_ROW = 5;
export const STATISTICS_TOTAL_LABEL = 'Tổng cộng';

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size: FONT_SIZE, ...extra });

const STYLE = {
  title: { font: font({ size: 14, bold: true }), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  subtitle: { font: font({ italic: true }), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  heading: { font: font({ bold: true }), alignment: { horizontal: 'left', vertical: 'middle' } },
  header: { font: font({ bold: true }), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER },
  text: { font: font(), alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BORDER, numFmt: '@' },
  number: { font: font(), alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER, numFmt: '0' },
  totalText: { font: font({ bold: true }), alignment: { horizontal: 'left', vertical: 'top' }, border: BORDER, numFmt: '@' },
  totalNumber: { font: font({ bold: true }), alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER, numFmt: '0' },
  note: { font: font({ italic: true, size: 11 }), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const column = (n: number) => String.fromCharCode(64 + n);

/** Writes the workbook to `out` and ends it; on failure destroys `out` (a half zip must not look whole). */
export async function writeStatisticsXlsx(book: StatisticsWorkbook, out: NodeJS.WritableStream): Promise<void> {
  const stamp = `Lập lúc ${formatHoChiMinh(book.generatedAt)}`;
  const workbook = openWorkbookWriter(out, book.generatedAt);
  const columns = 2 + book.valueHeaders.length;
  const last = column(columns);
  try {
    for (const sheet of book.sheets) {
      const ws = workbook.addWorksheet(sheet.name, printLayout(STATISTICS_HEADER_ROW));
      ws.columns = [6, 36, ...book.valueHeaders.map(() => 15)].map((width) => ({ width, style: { font: font() } }));
      const banner = (row: number, text: string, style: Partial<ExcelJS.Style>, height?: number) => {
        const r = ws.getRow(row);
        if (height) r.height = height;
        setCell(r.getCell(1), cleanText(text), style);
        ws.mergeCells(`A${row}:${last}${row}`);
        r.commit();
      };
      banner(1, book.title, STYLE.title, 24);
      banner(2, book.subtitle, STYLE.subtitle);
      banner(3, stamp, STYLE.subtitle);
      banner(4, sheet.heading, STYLE.heading);

      const header = ws.getRow(STATISTICS_HEADER_ROW);
      header.height = 45;
      ['STT', sheet.keyHeader, ...book.valueHeaders].forEach((text, i) => setCell(header.getCell(i + 1), cleanText(text), STYLE.header));
      header.commit();

      let row = STATISTICS_HEADER_ROW;
      sheet.rows.forEach((line, i) => {
        const r = ws.getRow(++row);
        setCell(r.getCell(1), i + 1, STYLE.number);
        setCell(r.getCell(2), cleanText(line.label), STYLE.text);
        line.values.forEach((value, j) => setCell(r.getCell(3 + j), value, STYLE.number));
        r.commit();
      });
      const total = ws.getRow(++row);
      setCell(total.getCell(1), '', STYLE.totalText);
      setCell(total.getCell(2), STATISTICS_TOTAL_LABEL, STYLE.totalText);
      sheet.total.forEach((value, j) => setCell(total.getCell(3 + j), value, STYLE.totalNumber));
      total.commit();
      banner(row + 2, book.note, STYLE.note, 48);
      ws.commit();
    }
    await workbook.commit();
  } catch (error) {
    (out as NodeJS.WritableStream & { destroy?: (error?: Error) => void }).destroy?.(error as Error);
    throw error;
  }
}
