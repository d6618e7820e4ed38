import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateIf } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '#audit';
import { toBoolean } from './query-boolean.transform.js';

/** A point in a proposal's history: after event `seq`, or as it stood at instant `at` (not both). */
export class ReplayQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Replay up to and including this event' })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @IsInt()
  seq?: number;

  @ApiPropertyOptional({ description: 'Replay the events that had happened by this instant (ISO-8601)', example: '2026-05-04T03:00:00Z' })
  @ValidateIf((query: ReplayQuery) => query.at !== undefined)
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 instant, e.g. 2026-05-04T03:00:00Z' })
  at?: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({
    description: 'The stored checkpoint to hold the log against (its id); the newest one when left out; `none` for the chains alone',
  })
  @IsOptional()
  @IsString()
  checkpoint?: string;

  @ApiPropertyOptional({ default: true, description: 'Replay every proposal against its stored snapshot (the slow part)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'replay must be true or false' })
  replay?: boolean;

  @ApiPropertyOptional({ default: true, description: "Hash every document's stored bytes again and compare them with the log" })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'documents must be true or false' })
  documents?: boolean;
}

export class ExportQuery {
  @ApiPropertyOptional({ description: 'Events at or after this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 instant' })
  from?: string;

  @ApiPropertyOptional({ description: 'Events before this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 instant' })
  to?: string;

  @ApiPropertyOptional({ description: 'One proposal only' })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class MigrateProposalsDto {
  @ApiProperty({ type: [String], description: 'Proposals to move to a newer machine version (at most 1,000 per call)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids!: string[];

  @ApiPropertyOptional({ description: 'The machine version to move to; the current one when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  toVersion?: number;
}
