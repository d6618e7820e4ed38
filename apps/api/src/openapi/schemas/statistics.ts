import { ApiProperty } from '@nestjs/swagger';
import {
  STATISTICS_DIMENSIONS,
  type StatisticsBody,
  type StatisticsBreakdownBody,
  type StatisticsCounts,
  type StatisticsDimension,
  type StatisticsOutcome,
  type StatisticsRowBody,
} from '#contracts';
import type { Holds, SameFields } from '../contract-check.js';

export class StatisticsOutcomeResponse implements Record<StatisticsOutcome, number> {
  @ApiProperty({ type: 'integer', description: 'Awarded, by the chairman or by the unit' })
  awarded!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({ type: 'integer', description: 'Still on its way (drafting again after a return included)' })
  inProgress!: number;

  @ApiProperty({ type: 'integer' })
  withdrawn!: number;
}

export class StatisticsCountsResponse implements StatisticsCounts {
  @ApiProperty({ type: 'integer', description: 'Awarded in the period: the decision is dated inside it' })
  awarded!: number;

  @ApiProperty({ type: 'integer', description: 'Submitted by the unit in the period' })
  submitted!: number;

  @ApiProperty({ type: StatisticsOutcomeResponse, description: 'Of those submitted in the period, where they stand now' })
  outcome!: StatisticsOutcomeResponse;
}

export class StatisticsRowResponse implements StatisticsRowBody {
  @ApiProperty({ description: 'A unit id, an award form, a kind, a nominee category (male, female, unknown, collective) or a timeliness (onTime, late, pending)' })
  key!: string;

  @ApiProperty({ type: String, nullable: true, description: "The unit's name for a unit row" })
  label!: string | null;

  @ApiProperty({ type: StatisticsCountsResponse })
  counts!: StatisticsCountsResponse;
}

export class StatisticsBreakdownResponse implements StatisticsBreakdownBody {
  @ApiProperty({ enum: STATISTICS_DIMENSIONS })
  by!: StatisticsDimension;

  @ApiProperty({ type: [StatisticsRowResponse] })
  rows!: StatisticsRowResponse[];
}

/** The period report (docs/statistics.md). */
export class StatisticsResponse implements StatisticsBody {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The one unit counted; null: every unit' })
  unitId!: string | null;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: StatisticsCountsResponse })
  total!: StatisticsCountsResponse;

  @ApiProperty({ type: [StatisticsBreakdownResponse] })
  breakdowns!: StatisticsBreakdownResponse[];
}

export type StatisticsResponseChecks = [
  Holds<SameFields<StatisticsResponse, StatisticsBody>>,
  Holds<SameFields<StatisticsBreakdownResponse, StatisticsBreakdownBody>>,
  Holds<SameFields<StatisticsRowResponse, StatisticsRowBody>>,
  Holds<SameFields<StatisticsCountsResponse, StatisticsCounts>>,
];
