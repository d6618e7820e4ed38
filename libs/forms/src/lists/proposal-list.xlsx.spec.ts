import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import {
  LATE_MARKER,
  PROPOSAL_LIST_HEADER_ROW,
  XLSX_MEDIA_TYPE,
  cleanText,
  formatHoChiMinh,
  writeProposalListXlsx,
  type ProposalListRow,
  type ProposalListSheet,
} from './proposal-list.xlsx.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'proposal-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const tempFile = () => join(dir, `list-${++fileNo}.xlsx`);

const SHEET: ProposalListSheet = {
  title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
  subtitle: 'Đơn vị: Sở Nội vụ; trạng thái: Hội đồng xét',
  generatedAt: '2025-05-01T17:30:00Z', // 00:30 on 2 May in Hà Nội
};

const row = (over: Partial<ProposalListRow> = {}): ProposalListRow => ({
  nomineeName: 'Nguyễn Văn An',
  nomineeType: 'individual',
  title: 'Chuyên viên chính',
  unitName: 'Sở Nội vụ tỉnh',
  awardForm: 'Bằng khen của Chủ tịch UBND tỉnh',
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2024.',
  state: 'Hội đồng Thi đua - Khen thưởng xét',
  deadline: '15/05/2025',
  late: false,
  ...over,
});

const FORMULA_LIKE = "=cmd|' /C calc'!A0";

const ROWS: ProposalListRow[] = [
  row(),
  row({ nomineeName: 'Đặng Thị Ưng', title: 'Phó Trưởng phòng', late: true }),
  row({ nomineeName: 'Phòng Tổ chức cán bộ', nomineeType: 'collective', title: null, deadline: null }),
  row({ nomineeName: FORMULA_LIKE, deadline: null, late: true }),
  row({ nomineeName: 'Lê\u0000 Văn\u0007 Bình\u000B\uD800', unitName: '01/02/2025', title: '0123', awardForm: '1e5' }),
  row({ nomineeName: 'Nguye\u0302\u0303n Thi\u0323 Hoa' /* NFD, as some keyboards type it */, achievementSummary: 'Dòng 1\r\nDòng 2\rDòng 3' }),
];

async function writeToFile(rows: AsyncIterable<ProposalListRow> | Iterable<ProposalListRow>, sheet = SHEET) {
  const path = tempFile();
  const out = createWriteStream(path);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  const result = await writeProposalListXlsx(rows, sheet, out);
  await closed;
  return { path, result };
}

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Danh sách');
  if (!ws) throw new Error('no sheet "Danh sách"');
  return ws;
}

const dataRow = (n: number) => PROPOSAL_LIST_HEADER_ROW + n;

describe('writeProposalListXlsx: the printed list of proposals', () => {
  let ws: ExcelJS.Worksheet;
  let written: { rows: number };

  beforeAll(async () => {
    const { path, result } = await writeToFile(ROWS);
    written = result;
    ws = await readBack(path);
  });

  it('names its media type', () => {
    expect(XLSX_MEDIA_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('puts the merged title and subtitle (with the Hà Nội time it was made) above the header', () => {
    expect(ws.getCell('A1').value).toBe('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    expect(ws.getCell('A2').value).toBe('Đơn vị: Sở Nội vụ; trạng thái: Hội đồng xét — Lập lúc 02/05/2025 00:30');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2']));
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true });
  });

  it('heads the columns exactly, bold, bordered and wrapped, in Times New Roman 12', () => {
    const header = ws.getRow(3);
    expect(PROPOSAL_LIST_HEADER_ROW).toBe(3);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => header.getCell(c).value)).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Tóm tắt thành tích',
      'Trạng thái',
      'Hạn nộp',
      null,
    ]);
    for (let c = 1; c <= 8; c++) {
      const cell = header.getCell(c);
      expect(cell.font).toMatchObject({ name: 'Times New Roman', size: 12, bold: true });
      expect(cell.alignment).toMatchObject({ wrapText: true });
      expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
  });

  it('numbers the rows 1..n in STT and writes one row per proposal, nothing after', () => {
    expect(written).toEqual({ rows: ROWS.length });
    expect(ROWS.map((_, i) => ws.getCell(`A${dataRow(i + 1)}`).value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ws.getCell(`A${dataRow(1)}`).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.rowCount).toBe(dataRow(ROWS.length));
    const body = ws.getCell(`B${dataRow(1)}`);
    expect(body.font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(body.border).toMatchObject({ top: { style: 'thin' } });
    expect(body.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('keeps Vietnamese diacritics intact, normalised to NFC', () => {
    expect(ws.getCell(`B${dataRow(1)}`).value).toBe('Nguyễn Văn An');
    expect(ws.getCell(`B${dataRow(2)}`).value).toBe('Đặng Thị Ưng');
    expect(ws.getCell(`C${dataRow(2)}`).value).toBe('Phó Trưởng phòng');
    expect(ws.getCell(`B${dataRow(3)}`).value).toBe('Phòng Tổ chức cán bộ');
    expect(ws.getCell(`B${dataRow(6)}`).value).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
    expect(ws.getCell(`G${dataRow(1)}`).value).toBe('Hội đồng Thi đua - Khen thưởng xét');
    expect(ws.getCell(`E${dataRow(1)}`).value).toBe('Bằng khen của Chủ tịch UBND tỉnh');
  });

  it('writes a name that looks like a formula as plain text, never a formula', () => {
    const cell = ws.getCell(`B${dataRow(4)}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA_LIKE);
    expect(typeof cell.value).toBe('string');
    expect(cell.formula).toBeUndefined();
  });

  it('keeps texts that look like numbers or dates as strings', () => {
    for (const [address, text] of [
      [`C${dataRow(5)}`, '0123'],
      [`D${dataRow(5)}`, '01/02/2025'],
      [`E${dataRow(5)}`, '1e5'],
      [`H${dataRow(1)}`, '15/05/2025'],
    ]) {
      expect([address, ws.getCell(address).type, ws.getCell(address).value]).toEqual([address, ExcelJS.ValueType.String, text]);
    }
  });

  it('strips what XML 1.0 forbids and keeps line breaks as LF', () => {
    expect(ws.getCell(`B${dataRow(5)}`).value).toBe('Lê Văn Bình');
    expect(ws.getCell(`F${dataRow(6)}`).value).toBe('Dòng 1\nDòng 2\nDòng 3');
    expect(cleanText('a\u0000b\u001Fc\tc\nd\uFFFEe\uDC00f\uD83D\uDE00')).toBe('abc\tc\nde' + 'f\uD83D\uDE00');
  });

  it('leaves Chức vụ empty when there is none', () => {
    expect(ws.getCell(`C${dataRow(3)}`).value).toBeNull();
  });

  it('marks late proposals in Hạn nộp, with or without a deadline', () => {
    expect(LATE_MARKER).toBe('(quá hạn)');
    expect(ws.getCell(`H${dataRow(1)}`).value).toBe('15/05/2025');
    expect(ws.getCell(`H${dataRow(2)}`).value).toBe('15/05/2025 (quá hạn)');
    expect(ws.getCell(`H${dataRow(3)}`).value).toBeNull();
    expect(ws.getCell(`H${dataRow(4)}`).value).toBe('(quá hạn)');
  });

  it('prints on A4 landscape, one page wide, with the header row on every page', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('sizes the eight columns for A4 landscape, the summary widest', () => {
    const widths = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getColumn(c).width ?? 0);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(110);
    expect(total).toBeLessThan(170);
    expect(Math.max(...widths)).toBe(widths[5]);
    expect(widths[0]).toBeLessThan(8);
  });
});

describe('writeProposalListXlsx: edges', () => {
  it('writes a valid list with no rows', async () => {
    const { path, result } = await writeToFile([], { title: 'DANH SÁCH TRỐNG', generatedAt: '2025-01-01T00:00:00Z' });
    expect(result).toEqual({ rows: 0 });
    const ws = await readBack(path);
    expect(ws.getCell('A2').value).toBe('Lập lúc 01/01/2025 07:00');
    expect(ws.getCell('B3').value).toBe('Họ và tên');
    expect(ws.rowCount).toBe(3);
  });

  it('formats generatedAt in Asia/Ho_Chi_Minh and refuses a non-instant before writing anything', async () => {
    expect(formatHoChiMinh('2024-12-31T16:59:00Z')).toBe('31/12/2024 23:59');
    expect(formatHoChiMinh('2024-12-31T17:00:00Z')).toBe('01/01/2025 00:00');
    const out = new PassThrough();
    let bytes = 0;
    out.on('data', (b: Buffer) => (bytes += b.length));
    await expect(writeProposalListXlsx([row()], { title: 'X', generatedAt: 'hôm qua' }, out)).rejects.toThrow(RangeError);
    await new Promise((r) => setImmediate(r));
    expect(bytes).toBe(0);
    expect(out.destroyed).toBe(false);
  });

  it('rejects and breaks the output when the rows fail half-way, so no truncated file passes for a whole one', async () => {
    async function* failing() {
      yield row();
      yield row({ nomineeName: 'Trần Văn Bình' });
      throw new Error('cursor lost');
    }
    const out = new PassThrough();
    out.resume();
    let finished = false;
    out.on('finish', () => (finished = true));
    out.on('error', () => undefined);
    await expect(writeProposalListXlsx(failing(), SHEET, out)).rejects.toThrow('cursor lost');
    expect(out.destroyed).toBe(true);
    expect(finished).toBe(false);
  });

  it('stops pulling rows, and closes the cursor, when the client goes away', async () => {
    let pulled = 0;
    let cursorClosed = false;
    async function* endless() {
      try {
        while (pulled < 200_000) {
          pulled += 1;
          yield row({ nomineeName: `Người ${pulled}` });
        }
      } finally {
        cursorClosed = true;
      }
    }
    const out = new PassThrough();
    out.on('error', () => undefined);
    let bytes = 0;
    out.on('data', (b: Buffer) => {
      bytes += b.length;
      if (bytes > 50_000 && !out.destroyed) out.destroy(); // the browser tab is closed
    });
    await expect(writeProposalListXlsx(endless(), SHEET, out)).rejects.toThrow();
    expect(cursorClosed).toBe(true);
    expect(pulled).toBeLessThan(100_000);
  });

  it('does not outrun a stalled client: rows wait while the output is full, then all arrive', async () => {
    let pulled = 0;
    async function* many() {
      for (let i = 1; i <= 20_000; i++) {
        pulled = i;
        yield row({ nomineeName: `Nguyễn Văn An ${i}`, achievementSummary: `Thành tích số ${i} `.repeat(8) });
      }
    }
    // A client that takes nothing until released.
    const chunks: Buffer[] = [];
    const held: Array<() => void> = [];
    let stalled = true;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        if (stalled) held.push(cb);
        else cb();
      },
    });
    const done = writeProposalListXlsx(many(), SHEET, out);

    // Wait until the producer stops pulling rows.
    let last = -1;
    for (let i = 0; i < 50 && pulled !== last; i++) {
      last = pulled;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(pulled).toBe(last); // it did stop
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(10_000); // ... long before the end

    stalled = false;
    held.splice(0).forEach((cb) => cb());
    await expect(done).resolves.toEqual({ rows: 20_000 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh sách')!;
    expect(ws.getCell(`A${dataRow(20_000)}`).value).toBe(20_000);
    expect(ws.getCell(`B${dataRow(20_000)}`).value).toBe('Nguyễn Văn An 20000');
  });

  it('streams 20,000 rows from an async generator with modest memory, bytes leaving before the last row is read', async () => {
    const N = 20_000;
    const path = tempFile();
    const out = createWriteStream(path);
    const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
    let bytesBeforeLastRow = 0;

    gc();
    const base = process.memoryUsage();
    let peakHeap = 0;
    let peakExternal = 0;
    const sample = () => {
      gc();
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
      peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers - base.external - base.arrayBuffers);
    };
    async function* rows() {
      for (let i = 1; i <= N; i++) {
        if (i % 2_500 === 0) sample();
        if (i === N) bytesBeforeLastRow = out.bytesWritten;
        yield row({
          nomineeName: i % 2 ? `Nguyễn Văn An ${i}` : `Đặng Thị Ưng ${i}`,
          achievementSummary: `Hoàn thành xuất sắc nhiệm vụ năm 2024, dẫn đầu phong trào thi đua số ${i}. `.repeat(3),
          late: i % 7 === 0,
        });
      }
    }

    const started = performance.now();
    const result = await writeProposalListXlsx(rows(), SHEET, out);
    const seconds = (performance.now() - started) / 1000;
    await closed;
    sample();

    expect(result).toEqual({ rows: N });
    // Streamed: most of the file had reached the disk before the generator gave its last row.
    expect(bytesBeforeLastRow).toBeGreaterThan(statSync(path).size / 2);
    // Loose bounds: the whole sheet XML is ~20 MB; held as a workbook it would be far more.
    expect(peakHeap).toBeLessThan(48 * 1024 * 1024);
    expect(peakExternal).toBeLessThan(32 * 1024 * 1024);
    expect(seconds).toBeLessThan(25);

    const ws = await readBack(path);
    expect(ws.rowCount).toBe(dataRow(N));
    expect(ws.getCell(`A${dataRow(N)}`).value).toBe(N);
    expect(ws.getCell(`B${dataRow(N)}`).value).toBe(`Đặng Thị Ưng ${N}`);
    expect(ws.getCell(`H${dataRow(7)}`).value).toBe('15/05/2025 (quá hạn)');
  });
});
