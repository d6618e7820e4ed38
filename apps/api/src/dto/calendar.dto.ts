import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator.js';

export class DeadlineQueryDto {
  @ApiProperty({ enum: ['DX-4', 'TH-5'] })
  @IsIn(['DX-4', 'TH-5'])
  rule!: 'DX-4' | 'TH-5';

  @ApiPropertyOptional({ description: 'DX-4: the achievement date', example: '2026-04-22' })
  @ValidateIf((q: DeadlineQueryDto) => q.rule === 'DX-4')
  @IsCalendarDate({ message: 'from is required with DX-4, written YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'DX-4: recognition by a competent authority; the clock starts there instead' })
  @IsOptional()
  @IsCalendarDate()
  recognizedAt?: string;

  @ApiPropertyOptional({ description: 'TH-5: the award ceremony', example: '2026-06-22' })
  @ValidateIf((q: DeadlineQueryDto) => q.rule === 'TH-5')
  @IsCalendarDate({ message: 'ceremony is required with TH-5, written YYYY-MM-DD' })
  ceremony?: string;
}
