import { Body, Controller, Get, Inject, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#kernel';
import { CalendarUseCases } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeadlineQueryDto } from '../dto/calendar.dto.js';
import { validationFailed } from '../errors/validation.js';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () => validationFailed([{ field: 'year', message: 'year must be a whole number, e.g. 2027' }]),
});

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(@Inject(CalendarUseCases) private readonly calendar: CalendarUseCases) {}

  @Get('deadline')
  @ApiOperation({ summary: 'DX-4 (from an achievement) or TH-5 (from a ceremony), with how it was computed' })
  deadline(@Query() query: DeadlineQueryDto) {
    return query.rule === 'DX-4'
      ? this.calendar.deadline({ rule: 'DX-4', from: query.from!, recognizedAt: query.recognizedAt })
      : this.calendar.deadline({ rule: 'TH-5', ceremony: query.ceremony! });
  }

  @Get(':year')
  @ApiOperation({ summary: 'Days off and working Saturdays of a year, each with its source; provisional when computed' })
  year(@Param('year', yearPipe) year: number) {
    return this.calendar.year(year);
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({ summary: 'Load an official schedule; every open deadline is computed again' })
  @ApiBody({ schema: { type: 'object', example: { year: 2027, source: 'Thông báo …/TB-BNV', entries: [] } } })
  load(@Param('year', yearPipe) year: number, @Body() schedule: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.calendar.loadOfficial(year, schedule, actor);
  }
}
