import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalendarDayOff, CalendarWorkingSaturday, CalendarYear, Deadline, DeadlineComputation, DeadlineRule } from '#contracts';
import { DAY_OFF_KINDS, DEADLINE_RULES, type DayOffKind } from '#calendar';
import type { CalendarUseCases } from '#proposals';
import type { Holds, SameFields } from '../contract-check.js';

export class CalendarDayOffResponse implements CalendarDayOff {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ example: 'Tết Nguyên đán' })
  name!: string;

  @ApiPropertyOptional({ example: 'Lunar New Year' })
  nameEn?: string;

  @ApiProperty({ enum: DAY_OFF_KINDS })
  kind!: DayOffKind;

  @ApiProperty({ description: 'The announcement or rule it comes from' })
  source!: string;

  @ApiPropertyOptional({ format: 'date', description: 'The working Saturday it was swapped with' })
  swappedWith?: string;
}

export class CalendarWorkingSaturdayResponse implements CalendarWorkingSaturday {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional()
  nameEn?: string;

  @ApiProperty()
  source!: string;
}

/** One year of the working-day calendar; provisional when computed rather than announced. */
export class CalendarYearResponse implements CalendarYear {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({ description: 'No official schedule is loaded: the days off were computed from the rules' })
  provisional!: boolean;

  @ApiProperty()
  source!: string;

  @ApiProperty({ type: [CalendarDayOffResponse] })
  daysOff!: CalendarDayOffResponse[];

  @ApiProperty({ type: [CalendarWorkingSaturdayResponse] })
  workingSaturdays!: CalendarWorkingSaturdayResponse[];
}

/** A deadline with how it was computed. */
export class DeadlineResponse implements Deadline {
  @ApiProperty({ enum: DEADLINE_RULES })
  rule!: DeadlineRule;

  @ApiProperty({ format: 'date', description: 'The last day, local (Vietnam)' })
  dueDate!: string;

  @ApiProperty({ format: 'date-time', description: 'The instant that day ends, 24:00 Asia/Ho_Chi_Minh, in UTC' })
  dueAt!: string;

  @ApiProperty()
  provisional!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'How it was reached, for a person to check: `start` {date, basis}, `countedDays`, `skippedDays` (with names), `years` {year, provisional} and `explanation` (sentences)',
  })
  computation!: DeadlineComputation;
}

type CalendarLoaded = Awaited<ReturnType<CalendarUseCases['loadOfficial']>>;

/** PUT /api/calendar/:year: the year as now loaded, and the open deadlines computed again. */
export class CalendarLoadedResponse implements CalendarLoaded {
  @ApiProperty({ type: CalendarYearResponse })
  year!: CalendarYearResponse;

  @ApiProperty({ type: 'integer' })
  deadlinesExamined!: number;

  @ApiProperty({ type: 'integer', description: 'Open deadlines that moved' })
  deadlinesChanged!: number;
}

export type CalendarMirror = [
  Holds<SameFields<CalendarDayOffResponse, CalendarDayOff>>,
  Holds<SameFields<CalendarWorkingSaturdayResponse, CalendarWorkingSaturday>>,
  Holds<SameFields<CalendarYearResponse, CalendarYear>>,
  Holds<SameFields<DeadlineResponse, Deadline>>,
  Holds<SameFields<CalendarLoadedResponse, CalendarLoaded>>,
];
