import { awardFormVi, dayVi, STATE_NAMES } from '#rules';
import { writeProposalListXlsx, type ProposalListRow } from '#forms';
import { localDateOf, today } from '#calendar';
import { Clock, type Actor } from '#kernel';
import { listedNameOf } from '../document-unit-name.policy.js';
import { UnitRepository } from '../ports/unit.repository.js';
import type { ProposalRecord, UnitRecord } from '../proposal.records.js';
import type { ProposalListQuery, ProposalQueries } from './proposal-queries.js';

/**
 * Any list a user can see (an inbox, a campaign, a filter) as the spreadsheet officials print and file: every
 * page of it, streamed row by row, never the whole list in memory.
 */
export class ProposalListExport {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly units: UnitRepository,
    private readonly clock: Clock,
  ) {}

  async writeXlsx(viewer: Actor, query: Omit<ProposalListQuery, 'cursor' | 'limit'>, out: NodeJS.WritableStream): Promise<{ rows: number }> {
    const units = new Map((await this.units.list()).map((unit) => [unit.id, unit]));
    const records = this.queries.listAll(viewer, query);
    const day = today(this.clock);
    async function* rows(): AsyncIterable<ProposalListRow> {
      for await (const page of records) for (const record of page) yield toRow(record, units, day);
    }
    return writeProposalListXlsx(rows(), { title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', subtitle: describe(query, units), generatedAt: this.clock.now().toISOString() }, out);
  }
}

function toRow(record: ProposalRecord, units: ReadonlyMap<string, UnitRecord>, day: string): ProposalListRow {
  const { nominee, achievement, awardForm } = record.snapshot.context;
  const unit = units.get(record.unitId);
  return {
    nomineeName: nominee.name,
    nomineeType: nominee.type,
    title: nominee.title ?? null,
    // The name the unit had when the proposal was drafted, "(nay là …)" when it is now called otherwise (docs/documents.md).
    unitName: unit ? listedNameOf(unit, localDateOf(record.createdAt), day, units) : '',
    awardForm: awardFormVi(awardForm),
    achievementSummary: achievement.summary,
    state: STATE_NAMES.vi[record.state] ?? record.state,
    deadline: record.deadline ? dayVi(record.deadline.dueDate) : null,
    late: record.snapshot.context.late,
  };
}

/** The filter in words, printed under the title so that a sheet says what it lists. */
function describe(query: Omit<ProposalListQuery, 'cursor' | 'limit'>, units: ReadonlyMap<string, UnitRecord>): string {
  const parts: string[] = [];
  if (query.inbox) parts.push('Hồ sơ chờ xử lý');
  if (query.state) parts.push(`Trạng thái: ${STATE_NAMES.vi[query.state]}`);
  if (query.unitId) parts.push(`Đơn vị: ${units.get(query.unitId)?.name ?? query.unitId}`);
  if (query.late) parts.push('Chỉ hồ sơ quá hạn');
  return parts.join('; ');
}
