import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarYear, Deadline } from '#contracts';
import { CALENDAR_YEAR_RANGE } from '#calendar';
import { DomainError, type Actor } from '#kernel';
import { CalendarUseCases } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeadlineQueryDto } from '../dto/calendar.dto.js';
import { validationFailed } from '../errors/validation.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { CalendarLoadedResponse, CalendarYearResponse, DeadlineResponse } from '../openapi/schemas/calendar.js';

/**
 * A year as a path segment: four digits inside the calendar's range, read from the raw text. ParseIntPipe took
 * "1e3" as 1 and "-1" as -1, which then failed inside the calendar as a 500; a parameter typed as a number is
 * converted by the global validation pipe before any parameter pipe sees it ("0x7e9" became 2025).
 */
function calendarYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (year >= CALENDAR_YEAR_RANGE.from && year <= CALENDAR_YEAR_RANGE.to) return year;
  throw validationFailed([
    { field: 'year', message: `year must be a year from ${CALENDAR_YEAR_RANGE.from} to ${CALENDAR_YEAR_RANGE.to}, e.g. 2027` },
  ]);
}

/** The calendar names its inputs as the rules do; this endpoint's caller wrote them as query parameters. */
const QUERY_NAME: Record<string, string> = { achievementDate: 'from', ceremonyDate: 'ceremony' };

function inQueryTerms(error: unknown): unknown {
  if (!(error instanceof DomainError) || !Array.isArray(error.details.errors)) return error;
  const errors = (error.details.errors as { field: string; message: string }[]).map(({ field, message }) => ({
    field: QUERY_NAME[field] ?? field,
    message,
  }));
  return validationFailed(errors);
}

@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/calendar')
export class CalendarController {
  constructor(@Inject(CalendarUseCases) private readonly calendar: CalendarUseCases) {}

  @Get('deadline')
  @ApiOperation({ summary: 'DX-4 (from an achievement) or TH-5 (from a ceremony), with how it was computed' })
  @ApiSuccess(200, 'The deadline', DeadlineResponse)
  @ApiErrors(400)
  async deadline(@Query() query: DeadlineQueryDto): Promise<Deadline> {
    try {
      return query.rule === 'DX-4'
        ? await this.calendar.deadline({ rule: 'DX-4', from: query.from!, recognizedAt: query.recognizedAt })
        : await this.calendar.deadline({ rule: 'TH-5', ceremony: query.ceremony! });
    } catch (error) {
      throw inQueryTerms(error);
    }
  }

  @Get(':year')
  @ApiOperation({ summary: 'Days off and working Saturdays of a year, each with its source; provisional when computed' })
  @ApiSuccess(200, 'The year', CalendarYearResponse)
  @ApiErrors(400)
  year(@Param('year') year: string): CalendarYear {
    return this.calendar.year(calendarYear(year));
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({ summary: 'Load an official schedule; every open deadline is computed again' })
  @ApiSuccess(200, 'The year as now loaded, and how many open deadlines moved', CalendarLoadedResponse)
  @ApiErrors(400, 403)
  @ApiBody({ schema: { type: 'object', example: { year: 2027, source: 'Thông báo …/TB-BNV', entries: [] } } })
  load(@Param('year') year: string, @Body() schedule: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.calendar.loadOfficial(calendarYear(year), schedule, actor);
  }
}
