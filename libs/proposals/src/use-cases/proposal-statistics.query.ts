import { awardFormVi, dayVi } from '#rules';
import {
  STATISTICS_DIMENSIONS,
  STATISTICS_OUTCOMES,
  type StatisticsBody,
  type StatisticsCounts,
  type StatisticsDimension,
} from '#contracts';
import { writeStatisticsXlsx, type StatisticsWorkbook } from '#forms';
import { Clock, DomainError, invalidFields, type Actor } from '#kernel';
import { ProposalStatisticsReader } from '../ports/proposal-statistics.reader.js';
import { UnitRepository } from '../ports/unit.repository.js';
import { isProvincial } from '../proposal-access.policy.js';
import { computeStatistics, periodProblems, statisticsWindow } from '../statistics.policy.js';

export interface StatisticsQuery {
  from: string;
  to: string;
  /** The breakdowns wanted; all of them when left out. */
  groupBy?: StatisticsDimension[];
  /** One unit only (a provincial role's choice; a unit role is held to its own anyway). */
  unitId?: string;
}

/** The words of the report, as the office writes them (docs/statistics.md). */
export const STATISTICS_WORDS_VI = {
  title: 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG',
  period: (from: string, to: string) => `Từ ngày ${dayVi(from)} đến ngày ${dayVi(to)}`,
  everyUnit: 'Toàn tỉnh',
  unit: (name: string) => `Đơn vị: ${name}`,
  note:
    'Khen thưởng trong kỳ: hồ sơ đã được khen thưởng (Chủ tịch UBND tỉnh quyết định, hoặc đơn vị khen thưởng theo thẩm quyền) ' +
    'có ngày ký quyết định trong kỳ. Hồ sơ trình trong kỳ: hồ sơ đơn vị trình trong kỳ, chia theo kết quả xử lý đến thời điểm lập báo cáo.',
  values: ['Khen thưởng trong kỳ', 'Hồ sơ trình trong kỳ', 'Trong đó: đã khen thưởng', 'Trong đó: không khen thưởng', 'Trong đó: đang xử lý', 'Trong đó: đã rút'],
  sheets: {
    unit: { name: 'Theo đơn vị', keyHeader: 'Đơn vị' },
    awardForm: { name: 'Theo hình thức', keyHeader: 'Hình thức khen thưởng' },
    kind: { name: 'Theo loại khen thưởng', keyHeader: 'Loại khen thưởng' },
    nominee: { name: 'Theo đối tượng', keyHeader: 'Đối tượng' },
    timeliness: { name: 'Theo thời hạn', keyHeader: 'Thời hạn trình' },
  } satisfies Record<StatisticsDimension, { name: string; keyHeader: string }>,
  kind: { thematic: 'Khen thưởng theo chuyên đề', extraordinary: 'Khen thưởng đột xuất' } as Record<string, string>,
  nominee: { male: 'Cá nhân nam', female: 'Cá nhân nữ', unknown: 'Cá nhân chưa rõ giới tính', collective: 'Tập thể' } as Record<string, string>,
  timeliness: { onTime: 'Đúng hạn', late: 'Quá hạn', pending: 'Chưa đến bước xét hạn' } as Record<string, string>,
};

const valuesOf = (counts: StatisticsCounts): number[] => [counts.awarded, counts.submitted, ...STATISTICS_OUTCOMES.map((o) => counts.outcome[o])];

/**
 * The period report (docs/statistics.md) for whoever asks: the provincial roles count every unit (or the one
 * they pick), a unit role only its own unit, the same rows it may list.
 */
export class ProposalStatistics {
  constructor(
    private readonly reader: ProposalStatisticsReader,
    private readonly units: UnitRepository,
    private readonly clock: Clock,
  ) {}

  async report(viewer: Actor, query: StatisticsQuery): Promise<StatisticsBody> {
    const problems = periodProblems(query.from, query.to);
    if (problems.length > 0) throw invalidFields(problems);
    const unitId = this.scope(viewer, query.unitId);
    const units = new Map((await this.units.list()).map((unit) => [unit.id, unit.name]));
    if (unitId && !units.has(unitId)) throw new DomainError('NOT_FOUND', 'No such unit', { unitId });
    const period = { from: query.from, to: query.to };
    const now = this.clock.now().toISOString();
    const rows = await this.reader.rows(statisticsWindow(period, unitId, now));
    const result = computeStatistics(rows, period, query.groupBy?.length ? query.groupBy : STATISTICS_DIMENSIONS, (id) => units.get(id) ?? null);
    return { from: period.from, to: period.to, unitId, generatedAt: now, ...result };
  }

  /** A report made by {@link report}, as the spreadsheet officials file. */
  async writeReportXlsx(report: StatisticsBody, out: NodeJS.WritableStream): Promise<void> {
    const unitName = report.unitId ? ((await this.units.findHead(report.unitId))?.name ?? '') : null;
    await writeStatisticsXlsx(toWorkbook(report, unitName), out);
  }

  /** The unit the report is limited to, or null for every unit. */
  private scope(viewer: Actor, asked: string | undefined): string | null {
    if (isProvincial(viewer)) return asked ?? null;
    if (!viewer.unitId) throw new DomainError('FORBIDDEN', 'A unit role without a unit sees no statistics');
    if (asked && asked !== viewer.unitId) {
      throw new DomainError('FORBIDDEN', 'You may only see the statistics of your own unit', { unitId: asked });
    }
    return viewer.unitId;
  }
}

function wordFor(by: StatisticsDimension, key: string, label: string | null): string {
  switch (by) {
    case 'unit':
      return label ?? key;
    case 'awardForm':
      return awardFormVi(key);
    default:
      return STATISTICS_WORDS_VI[by][key] ?? key;
  }
}

export function toWorkbook(report: StatisticsBody, unitName: string | null): StatisticsWorkbook {
  const words = STATISTICS_WORDS_VI;
  return {
    title: words.title,
    subtitle: [words.period(report.from, report.to), unitName === null ? words.everyUnit : words.unit(unitName)].join(' — '),
    generatedAt: report.generatedAt,
    valueHeaders: words.values,
    note: words.note,
    sheets: report.breakdowns.map((breakdown) => ({
      name: words.sheets[breakdown.by].name,
      heading: words.sheets[breakdown.by].name,
      keyHeader: words.sheets[breakdown.by].keyHeader,
      rows: breakdown.rows.map((row) => ({ label: wordFor(breakdown.by, row.key, row.label), values: valuesOf(row.counts) })),
      total: valuesOf(report.total),
    })),
  };
}
