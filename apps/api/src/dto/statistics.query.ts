import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from '#contracts';
import { IsCalendarDate } from './calendar-date.validator.js';

/** `groupBy=unit,kind` or `groupBy=unit&groupBy=kind`: a list either way. */
const toList = ({ value }: { value: unknown }): unknown => {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim());
  if (Array.isArray(value)) return value.flatMap((part) => (typeof part === 'string' ? part.split(',').map((p) => p.trim()) : [part]));
  return value;
};

/** GET /api/statistics (docs/statistics.md): a period of Vietnamese days, both included. */
export class StatisticsQuery {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day of the period (in Vietnam), included' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day of the period, included; at most ten years after from' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({
    type: [String],
    enum: STATISTICS_DIMENSIONS,
    description: 'The breakdowns wanted, comma-separated; all of them when left out',
    example: 'unit,awardForm',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayUnique({ message: 'groupBy names each breakdown once' })
  @IsIn(STATISTICS_DIMENSIONS, { each: true, message: `groupBy must be some of ${STATISTICS_DIMENSIONS.join(', ')}` })
  groupBy?: StatisticsDimension[];

  @ApiPropertyOptional({ description: 'One unit only (provincial roles); a unit role always sees its own unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx: the report as a spreadsheet, one sheet per breakdown' })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'format must be json or xlsx' })
  format?: 'json' | 'xlsx';
}
