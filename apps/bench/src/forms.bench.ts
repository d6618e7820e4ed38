import { cpus } from 'node:os';
// Relative until the `#forms` alias is declared (tsconfig paths and package.json imports); then `from '#forms'`.
import { quyetDinhDocument, renderForm, type FormFormat, type NomineeLine, type QuyetDinhData } from '../../../libs/forms/src/index.js';
import { fmt, intFromEnv, now, table } from './bench-support.js';

/**
 * How fast the commendation forms are rendered: a campaign decision naming BENCH_FORMS_NAMES nominees (200 by
 * default: the decision, then its attached DANH SÁCH over several pages) rendered BENCH_FORMS_DOCS times in a row
 * as DOCX and as PDF, in BENCH_FORMS_RUNS runs; the median run is reported, in documents per second and ms per
 * document, with the size of the files. One warm-up document of each format first (fonts parsed, code compiled).
 * Prints numbers; asserts none of them.
 */

const settings = {
  names: intFromEnv('BENCH_FORMS_NAMES', 200),
  docs: intFromEnv('BENCH_FORMS_DOCS', 20),
  runs: intFromEnv('BENCH_FORMS_RUNS', 5),
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Thu', 'Quốc', 'Ngọc', 'Minh', 'Hữu'];
const GIVEN = ['Hằng', 'Ưng', 'Tuấn', 'Phượng', 'Dũng', 'Thủy', 'Khoa', 'Ngân', 'Lộc', 'Yến', 'Quyết', 'Mỹ', 'Hưởng', 'Đạt'];
const UNITS = ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Ủy ban nhân dân xã Đồng Đăng', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Nông nghiệp và Môi trường'];
const TITLES = ['Chuyên viên', 'Trưởng phòng Tổ chức cán bộ', 'Phó Giám đốc', 'Giáo viên', 'Kế toán trưởng'];

function nominees(count: number): NomineeLine[] {
  return Array.from({ length: count }, (_, i) =>
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
}

const data: QuyetDinhData = {
  issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', place: 'Lạng Sơn' },
  number: '1234/QĐ-UBND',
  date: '2026-06-05',
  awardForm: 'chairman_certificate',
  kind: 'thematic',
  campaignTitle: 'phong trào thi đua "Lạng Sơn chung sức xây dựng nông thôn mới" năm 2025',
  legalBases: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  ],
  proposer: 'Xét đề nghị của Giám đốc Sở Nội vụ',
  nominees: nominees(settings.names),
  signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đoàn Thu Hà' },
  recipients: ['Như Điều 3', 'Sở Nội vụ', 'Lưu: VT, NV'],
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

interface Measured {
  format: FormFormat;
  perSecond: number[];
  bytes: number;
  pages: number | null;
}

async function measure(format: FormFormat): Promise<Measured> {
  // Built once: what is measured is the rendering, the model is cheap (a few hundred small objects).
  const doc = quyetDinhDocument(data);
  const first = await renderForm(doc, format);
  const perSecond: number[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const started = now();
    for (let i = 0; i < settings.docs; i++) await renderForm(doc, format);
    perSecond.push(settings.docs / ((now() - started) / 1000));
    process.stderr.write(`[forms] ${format} run ${run + 1}/${settings.runs}: ${fmt(perSecond[run])} documents/s\n`);
  }
  return { format, perSecond, bytes: first.length, pages: format === 'pdf' ? pdfPages(first) : null };
}

const modelStarted = now();
for (let i = 0; i < 100; i++) quyetDinhDocument(data);
const modelMs = (now() - modelStarted) / 100;

const results: Measured[] = [];
for (const format of ['docx', 'pdf'] as const) results.push(await measure(format));

console.log(
  `\nCommendation forms: a decision naming ${settings.names} nominees, ${settings.docs} documents × ${settings.runs} runs ` +
    `(node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'})\n`,
);
console.log(
  table(
    ['format', 'documents/s (median)', 'ms/document', 'slowest run /s', 'fastest run /s', 'size', 'pages'],
    results.map((r) => {
      const mid = median(r.perSecond);
      return [
        r.format.toUpperCase(),
        fmt(mid),
        fmt(1000 / mid),
        fmt(Math.min(...r.perSecond)),
        fmt(Math.max(...r.perSecond)),
        `${fmt(r.bytes / 1024, 0)} KB`,
        r.pages === null ? '–' : String(r.pages),
      ];
    }),
  ),
);
console.log(`\nBuilding the document model alone: ${fmt(modelMs, 2)} ms`);
