import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { STATISTICS_HEADER_ROW, writeStatisticsXlsx, type StatisticsWorkbook } from './statistics.xlsx.js';

// Given a worded report, when it is written, then each breakdown is a sheet with the title block, the table,
// its total and the note; text stays text and counts stay numbers.
const BOOK: StatisticsWorkbook = {
  title: 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG',
  subtitle: 'Từ ngày 01/05/2026 đến ngày 31/05/2026 — Toàn tỉnh',
  generatedAt: '2026-05-26T01:30:00.000Z',
  valueHeaders: ['Khen thưởng trong kỳ', 'Hồ sơ trình trong kỳ'],
  note: 'Khen thưởng trong kỳ: quyết định ký trong kỳ.',
  sheets: [
    {
      name: 'Theo đơn vị',
      heading: 'Theo đơn vị',
      keyHeader: 'Đơn vị',
      rows: [
        { label: 'Sở Y tế', values: [2, 5] },
        { label: "=cmd|' /C calc'!A0", values: [0, 1] },
      ],
      total: [2, 6],
    },
    { name: 'Theo đối tượng', heading: 'Theo đối tượng', keyHeader: 'Đối tượng', rows: [{ label: 'Tập thể', values: [1, 1] }], total: [2, 6] },
  ],
};

async function written(book: StatisticsWorkbook): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeStatisticsXlsx(book, out);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as never);
  return workbook;
}

describe('the statistics workbook', () => {
  it('writes a sheet per breakdown: title, period, time made in Vietnam, headers, rows, total, note', async () => {
    const workbook = await written(BOOK);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Theo đơn vị', 'Theo đối tượng']);
    const sheet = workbook.getWorksheet('Theo đơn vị')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(sheet.getCell('A1').value).toBe(BOOK.title);
    expect(sheet.getCell('A2').value).toBe(BOOK.subtitle);
    expect(sheet.getCell('A3').value).toBe('Lập lúc 26/05/2026 08:30');
    expect(sheet.getCell('A4').value).toBe('Theo đơn vị');
    expect(values(STATISTICS_HEADER_ROW)).toEqual(['STT', 'Đơn vị', 'Khen thưởng trong kỳ', 'Hồ sơ trình trong kỳ']);
    expect(values(6)).toEqual([1, 'Sở Y tế', 2, 5]);
    expect(values(8).slice(1)).toEqual(['Tổng cộng', 2, 6]);
    expect(sheet.getCell('A10').value).toBe(BOOK.note);
    expect(sheet.getCell('A1').isMerged).toBe(true);
  });

  it('keeps a label that looks like a formula as text', async () => {
    const sheet = (await written(BOOK)).getWorksheet('Theo đơn vị')!;
    const cell = sheet.getCell('B7');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=cmd|' /C calc'!A0");
  });
});
