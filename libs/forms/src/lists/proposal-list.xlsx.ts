/**
 * The list officials print: commendation proposals ("danh sách đề nghị khen thưởng") as an .xlsx workbook, streamed.
 *
 * exceljs's streaming writer serialises each row to XML as soon as it is committed, so a list of thousands of rows
 * never sits in memory as a workbook: only the bytes not yet compressed and sent do. Two things keep that true:
 *  - every row is committed right after it is added;
 *  - every {@link YIELD_EVERY} rows the loop gives the event loop a turn (deflate runs on the thread pool and only
 *    makes progress when we let it), and while more than {@link BACKLOG_LIMIT} bytes of sheet XML wait for the
 *    compressor, or `out` reports it is full, the loop waits for 'drain' before pulling the next row: a slow client
 *    slows the database cursor instead of filling memory.
 *
 * Layout (A4 landscape, fit to one page wide, Times New Roman 12):
 *   row 1  title, merged A:H, bold, centred
 *   row 2  subtitle (the filter in words) and "Lập lúc dd/mm/yyyy HH:mm" (Asia/Ho_Chi_Minh), merged A:H, italic
 *   row 3  column headers, bold, bordered, wrapped, repeated on every printed page
 *   row 4… one row per proposal
 *
 * Every text cell is written as a string (t="str", never a formula, number or date), after removing what XML 1.0
 * forbids (C0 controls but tab/newline, lone surrogates, U+FFFE/U+FFFF), so a strange name can neither corrupt the
 * file nor turn into a formula ("=cmd|' /C calc'!A0" stays text).
 *
 * exceljs is CommonJS: under Node ESM only its default export exists (`import { stream } from 'exceljs'` fails at
 * run time), hence the default import, which works with esModuleInterop under tsc, ts-jest (ESM) and compiled Node.
 */
import ExcelJS from 'exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ProposalListRow {
  /** Họ và tên / Tên tập thể */
  nomineeName: string;
  nomineeType: 'individual' | 'collective';
  /** Chức vụ */
  title: string | null;
  /** Đơn vị */
  unitName: string;
  /** Already in Vietnamese words, e.g. 'Bằng khen của Chủ tịch UBND tỉnh'. */
  awardForm: string;
  /** Tóm tắt thành tích */
  achievementSummary: string;
  /** Already in Vietnamese words, e.g. 'Hội đồng Thi đua - Khen thưởng xét'. */
  state: string;
  /** 'dd/mm/yyyy' or null */
  deadline: string | null;
  late: boolean;
}

export interface ProposalListSheet {
  /** e.g. 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG' */
  title: string;
  /** The filter in words. */
  subtitle?: string;
  /** ISO instant; printed as 'Lập lúc dd/mm/yyyy HH:mm' in Asia/Ho_Chi_Minh. */
  generatedAt: string;
}

/** Column headers, in print order. */
export const PROPOSAL_LIST_HEADERS = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Đơn vị',
  'Hình thức khen thưởng',
  'Tóm tắt thành tích',
  'Trạng thái',
  'Hạn nộp',
] as const;

/** Row of the column headers (1-based); data starts on the next row. */
export const PROPOSAL_LIST_HEADER_ROW = 3;

/** Appended to the deadline of a late proposal. */
export const LATE_MARKER = '(quá hạn)';

export const PROPOSAL_LIST_SHEET_NAME = 'Danh sách';

/**
 * Widths in Excel character units (of the workbook's default font). About 150 in all: A4 landscape at fit-to-width
 * prints them at roughly 90 %, so Times New Roman 12 stays readable; long texts wrap inside their column.
 */
const COLUMN_WIDTHS = [6, 24, 16, 22, 22, 34, 18, 13] as const;

const LAST_COLUMN = 'H';

/** Rows between two turns given to the event loop. */
const YIELD_EVERY = 200;

/** Excel refuses more characters than this in a cell. */
const EXCEL_CELL_MAX = 32_767;

/** Vietnam has been UTC+7 without daylight saving since 1975 (as libs/calendar assumes). */
const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The print layout of every list and report (statistics.xlsx.ts too): Times New Roman 12, thin cell borders. */
export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

const THIN = { style: 'thin' } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type CellStyle = Partial<ExcelJS.Style>;

const STYLE = {
  title: {
    font: { name: FONT_NAME, size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  subtitle: {
    font: { name: FONT_NAME, size: FONT_SIZE, italic: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  header: {
    font: { name: FONT_NAME, size: FONT_SIZE, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BORDER,
  },
  number: {
    font: { name: FONT_NAME, size: FONT_SIZE },
    alignment: { horizontal: 'center', vertical: 'top' },
    border: BORDER,
    numFmt: '0',
  },
  text: {
    font: { name: FONT_NAME, size: FONT_SIZE },
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    border: BORDER,
    numFmt: '@',
  },
  centredText: {
    font: { name: FONT_NAME, size: FONT_SIZE },
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: BORDER,
    numFmt: '@',
  },
  lateText: {
    font: { name: FONT_NAME, size: FONT_SIZE, bold: true, color: { argb: 'FFC00000' } },
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: BORDER,
    numFmt: '@',
  },
} satisfies Record<string, CellStyle>;

/**
 * Writes the list to `out` and ends it. Resolves once `out` has finished, with the number of proposal rows written.
 *
 * `out` belongs to the caller, but it is the workbook's: the writer ends it on success. If the rows fail half-way (or
 * `out` closes early), the half-written zip must not look like a complete file, so the writer stops, destroys `out`
 * with the error (as `stream.pipeline` does) and rejects with it.
 */
export async function writeProposalListXlsx(
  rows: AsyncIterable<ProposalListRow> | Iterable<ProposalListRow>,
  sheet: ProposalListSheet,
  out: NodeJS.WritableStream,
): Promise<{ rows: number }> {
  // Everything that can be refused is refused before the first byte goes out.
  const stamp = `Lập lúc ${formatHoChiMinh(sheet.generatedAt)}`;

  const workbook = openWorkbookWriter(out, sheet.generatedAt);

  let ws: ExcelJS.Worksheet | undefined;
  const watch = watchOut(out, () => ws);
  let count = 0;
  try {
    ws = workbook.addWorksheet(PROPOSAL_LIST_SHEET_NAME, {
      ...printLayout(PROPOSAL_LIST_HEADER_ROW),
      views: [{ state: 'frozen', xSplit: 0, ySplit: PROPOSAL_LIST_HEADER_ROW }],
    });
    // Widths and a default font for the columns (what an official types in later is Times New Roman too).
    // No `header` here: exceljs would put it on row 1, where the title goes.
    ws.columns = COLUMN_WIDTHS.map((width) => ({ width, style: { font: { name: FONT_NAME, size: FONT_SIZE } } }));

    const titleRow = ws.getRow(1);
    titleRow.height = 24;
    setCell(titleRow.getCell(1), cleanText(sheet.title), STYLE.title);
    ws.mergeCells(`A1:${LAST_COLUMN}1`);
    titleRow.commit();

    const subtitleRow = ws.getRow(2);
    setCell(subtitleRow.getCell(1), [cleanText(sheet.subtitle ?? ''), stamp].filter(Boolean).join(' — '), STYLE.subtitle);
    ws.mergeCells(`A2:${LAST_COLUMN}2`);
    subtitleRow.commit();

    const headerRow = ws.getRow(PROPOSAL_LIST_HEADER_ROW);
    PROPOSAL_LIST_HEADERS.forEach((text, i) => setCell(headerRow.getCell(i + 1), text, STYLE.header));
    headerRow.commit();

    for await (const row of rows) {
      watch.check();
      count += 1;
      const r = ws.getRow(PROPOSAL_LIST_HEADER_ROW + count);
      setCell(r.getCell(1), count, STYLE.number);
      setCell(r.getCell(2), cleanText(row.nomineeName), STYLE.text);
      setCell(r.getCell(3), cleanText(row.title ?? ''), STYLE.text);
      setCell(r.getCell(4), cleanText(row.unitName), STYLE.text);
      setCell(r.getCell(5), cleanText(row.awardForm), STYLE.text);
      setCell(r.getCell(6), cleanText(row.achievementSummary), STYLE.text);
      setCell(r.getCell(7), cleanText(row.state), STYLE.text);
      const deadline = cleanText(row.deadline ?? '');
      setCell(
        r.getCell(8),
        row.late ? [deadline, LATE_MARKER].filter(Boolean).join(' ') : deadline,
        row.late ? STYLE.lateText : STYLE.centredText,
      );
      r.commit();
      if (count % YIELD_EVERY === 0) await watch.pause();
    }
    watch.check();

    ws.autoFilter = `A${PROPOSAL_LIST_HEADER_ROW}:${LAST_COLUMN}${PROPOSAL_LIST_HEADER_ROW + Math.max(count, 1)}`;
    ws.commit();
    await Promise.race([workbook.commit(), watch.failed]);
    return { rows: count };
  } catch (error) {
    abandon(workbook, out, error);
    throw error;
  } finally {
    watch.dispose();
  }
}

/**
 * A streaming workbook on `out`, signed as the province's and dated `generatedAt`: the list above and the
 * statistics report (statistics.xlsx.ts) are both made this way.
 */
export function openWorkbookWriter(out: NodeJS.WritableStream, generatedAt: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('node:stream').Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'UBND tỉnh - Khen thưởng';
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = new Date(generatedAt);
  workbook.modified = workbook.created;
  return workbook;
}

/** A4 landscape, one page wide and as many tall as it takes, `headerRow` repeated on every page, "Trang x/y" at the foot. */
export const printLayout = (headerRow: number): Pick<Partial<ExcelJS.AddWorksheetOptions>, 'pageSetup' | 'headerFooter'> => ({
  pageSetup: {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as it takes
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  },
  headerFooter: { oddFooter: `&C&"${FONT_NAME}"&10Trang &P/&N` },
});

/** Sets a value and a style; strings stay strings (exceljs only ever writes a string as a string cell). */
export function setCell(cell: ExcelJS.Cell, value: string | number, style: CellStyle): void {
  cell.value = value === '' ? null : value;
  cell.style = style;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. CR is allowed but a cell
// keeps line breaks as LF, so CRLF/CR become LF. Lone surrogates are matched by the `u`-less pair below.
const FORBIDDEN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text fit for a cell: no character XML 1.0 forbids, LF line breaks, NFC, trimmed, at most Excel's 32,767 chars. */
export function cleanText(value: string): string {
  let text = String(value).replace(/\r\n?/g, '\n').replace(FORBIDDEN_XML, '').normalize('NFC').trim();
  if (text.length > EXCEL_CELL_MAX) {
    text = text.slice(0, EXCEL_CELL_MAX - 1);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text += '…';
  }
  return text;
}

/** 'dd/mm/yyyy HH:mm' of an ISO instant, in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function formatHoChiMinh(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`generatedAt is not an ISO instant: ${JSON.stringify(iso)}`);
  const t = new Date(ms + HO_CHI_MINH_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

interface OutWatch {
  /** Throws if `out` failed or closed before the workbook was done. */
  check(): void;
  /** Gives the event loop a turn, then waits while the zip or `out` holds more than it should. */
  pause(): Promise<void>;
  /** Rejects when `out` fails or closes early. */
  failed: Promise<never>;
  dispose(): void;
}

/** Bytes of sheet XML allowed to wait for the compressor before the loop stops pulling rows. */
const BACKLOG_LIMIT = 1024 * 1024;

type Drainable = NodeJS.EventEmitter & {
  writableNeedDrain?: boolean;
  writableLength?: number;
  _writableState?: { length?: number; needDrain?: boolean };
};

/**
 * exceljs writes each row into the sheet's zip entry without looking at the return of write(), and archiver buffers
 * that entry in a PassThrough (readable-stream 2, hence `_writableState`) until deflate takes it. That PassThrough is
 * where rows pile up when the compressor or `out` is slower than the rows come, so the loop watches it. If a later
 * exceljs hides it, the loop still watches `out` and still yields, so nothing breaks; it only buffers more.
 */
function sheetBacklog(ws: ExcelJS.Worksheet): Drainable | undefined {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const sink = Array.isArray(pipes) ? (pipes[0] as Drainable | undefined) : undefined;
  return sink && typeof sink.once === 'function' ? sink : undefined;
}

function pending(s: Drainable): number {
  return s.writableLength ?? s._writableState?.length ?? 0;
}

function watchOut(out: NodeJS.WritableStream, ws: () => ExcelJS.Worksheet | undefined): OutWatch {
  let failure: Error | undefined;
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined); // observed through check() and the race in the caller; never unhandled
  const onError = (error: Error) => {
    failure ??= error;
    fail(failure);
  };
  const onClose = () => {
    if ((out as Drainable & { writableFinished?: boolean }).writableFinished) return; // a normal end
    onError(new Error('The output stream closed before the workbook was complete'));
  };
  out.on('error', onError);
  out.on('close', onClose);

  const check = () => {
    if (failure) throw failure;
  };
  /** Resolves on the emitter's 'drain', or when `out` errs or closes; a timer guards against a missed event. */
  const drained = (emitter: NodeJS.EventEmitter) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        emitter.off('drain', done);
        out.off('error', done);
        out.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, 1000);
      emitter.on('drain', done);
      out.on('error', done);
      out.on('close', done);
    });

  return {
    check,
    failed,
    async pause() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (;;) {
        check();
        const zipEntry = ws() && sheetBacklog(ws()!);
        if (zipEntry && pending(zipEntry) > BACKLOG_LIMIT) {
          await drained(zipEntry);
        } else if ((out as Drainable).writableNeedDrain) {
          await drained(out);
        } else {
          return;
        }
      }
    },
    dispose() {
      out.off('error', onError);
      out.off('close', onClose);
    },
  };
}

/** Stops the zip and breaks `out`, so a half-written workbook never reaches anyone as a finished file. */
function abandon(workbook: ExcelJS.stream.xlsx.WorkbookWriter, out: NodeJS.WritableStream, error: unknown): void {
  const zip = (workbook as unknown as { zip?: { unpipe(dest?: unknown): void; abort(): void } }).zip;
  try {
    zip?.unpipe(out);
    zip?.abort();
  } catch {
    // already broken; nothing more to stop
  }
  const w = out as Partial<import('node:stream').Writable>;
  if (typeof w.destroy === 'function' && !w.destroyed) {
    w.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
