import { quyetDinhDocument, renderForm, type FormFormat, type NomineeLine, type QuyetDinhData } from '#forms';
import { bench, fmt, log, now, say, size, table } from './harness.js';
import { median } from './measure.js';

/**
 * `npm run bench:forms`: how fast the commendation forms are rendered. A campaign decision naming
 * BENCH_FORMS_NAMES nominees (200: the decision, then its attached DANH SÁCH over several pages) is rendered
 * BENCH_FORMS_DOCS (20) times in a row as DOCX and as PDF, in BENCH_FORMS_RUNS (5) runs; the median run is
 * reported, in documents per second and ms per document, with the size of the files. One document of each
 * format first, not counted (fonts parsed, code compiled).
 */

const settings = {
  names: size('BENCH_FORMS_NAMES', 200, 50),
  docs: size('BENCH_FORMS_DOCS', 20, 2),
  runs: size('BENCH_FORMS_RUNS', 5, 1),
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Thu', 'Quốc', 'Ngọc', 'Minh', 'Hữu'];
const GIVEN = ['Hằng', 'Ưng', 'Tuấn', 'Phượng', 'Dũng', 'Thủy', 'Khoa', 'Ngân', 'Lộc', 'Yến', 'Quyết', 'Mỹ', 'Hưởng', 'Đạt'];
const UNITS = ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Ủy ban nhân dân xã Đồng Đăng', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Nông nghiệp và Môi trường'];
const TITLES = ['Chuyên viên', 'Trưởng phòng Tổ chức cán bộ', 'Phó Giám đốc', 'Giáo viên', 'Kế toán trưởng'];

/** Every twentieth a collective; names with the diacritics the fonts must carry. */
const nominees = (count: number): NomineeLine[] =>
  Array.from({ length: count }, (_, i) =>
    i % 20 === 0
      ? { name: `Phòng Nghiệp vụ số ${i / 20 + 1}`, type: 'collective', unitName: UNITS[i % UNITS.length], achievementSummary: 'Tập thể lao động xuất sắc.' }
      : {
          name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`,
          type: 'individual',
          title: TITLES[i % TITLES.length],
          unitName: UNITS[i % UNITS.length],
          achievementSummary: 'Có thành tích xuất sắc trong phong trào thi đua chuyển đổi số năm 2025.',
        },
  );

const data: QuyetDinhData = {
  issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', place: 'Lạng Sơn' },
  number: '1234/QĐ-UBND',
  date: '2026-06-05',
  awardForm: 'chairman_certificate',
  kind: 'thematic',
  campaignTitle: 'phong trào thi đua "Lạng Sơn chung sức xây dựng nông thôn mới" năm 2025',
  legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
  proposer: 'Xét đề nghị của Giám đốc Sở Nội vụ',
  nominees: nominees(settings.names),
  signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đoàn Thu Hà' },
  recipients: ['Như Điều 3', 'Sở Nội vụ', 'Lưu: VT, NV'],
};

const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

async function measure(format: FormFormat): Promise<string[]> {
  // Built once: what is measured is the rendering; the model is cheap (a few hundred small objects).
  const doc = quyetDinhDocument(data);
  const first = await renderForm(doc, format);
  const perSecond: number[] = [];
  for (let run = 1; run <= settings.runs; run++) {
    const started = now();
    for (let i = 0; i < settings.docs; i++) await renderForm(doc, format);
    perSecond.push(settings.docs / ((now() - started) / 1000));
    log(`${format} run ${run}/${settings.runs}: ${fmt(perSecond[run - 1])} documents/s`);
  }
  const mid = median(perSecond);
  return [format.toUpperCase(), fmt(mid), fmt(1000 / mid), fmt(Math.min(...perSecond)), fmt(Math.max(...perSecond)), `${fmt(first.length / 1024, 0)} KB`, format === 'pdf' ? String(pdfPages(first)) : '–'];
}

bench('commendation forms benchmark', `a decision naming ${settings.names} nominees, ${settings.docs} documents × ${settings.runs} runs per format`, async () => {
  const started = now();
  for (let i = 0; i < 100; i++) quyetDinhDocument(data);
  const modelMs = (now() - started) / 100;
  const rows = [await measure('docx'), await measure('pdf')];
  say(
    table(['format', 'documents/s (median)', 'ms/document', 'slowest run /s', 'fastest run /s', 'size', 'pages'], rows),
    '',
    `Building the document model alone: ${fmt(modelMs, 2)} ms`,
  );
}, { timeoutS: 600 });
