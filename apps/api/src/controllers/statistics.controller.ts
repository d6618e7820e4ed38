import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { StatisticsBody } from '#contracts';
import { contentDisposition } from '#documents';
import { XLSX_MEDIA_TYPE } from '#forms';
import type { Actor } from '#kernel';
import { periodProblems, ProposalStatistics } from '#proposals';
import { CurrentActor } from '../auth/auth.decorators.js';
import { StatisticsQuery } from '../dto/statistics.query.js';
import { validationFailed } from '../errors/validation.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { StatisticsResponse } from '../openapi/schemas/statistics.js';

/**
 * The period report of the emulation-commendation office (docs/statistics.md). Everyone signed in may ask:
 * the provincial roles count every unit (or one, with unitId), a drafter or unit head only their own unit, the
 * same proposals they may list.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/statistics')
export class StatisticsController {
  constructor(@Inject(ProposalStatistics) private readonly statistics: ProposalStatistics) {}

  @Get()
  @ApiOperation({
    summary: 'Counts of a period: awarded in it (by decision date) and submitted in it (with where each stands now), by unit, award form, kind, nominee and timeliness; format=xlsx for the spreadsheet',
  })
  @ApiSuccess(200, 'The counts as JSON; with format=xlsx, the report as a spreadsheet, one sheet per breakdown', StatisticsResponse, XLSX_MEDIA_TYPE)
  @ApiErrors(400, 403, 404)
  async report(
    @CurrentActor() actor: Actor,
    @Query() query: StatisticsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatisticsBody | undefined> {
    // The DTO checks each day; how the two days stand to each other is the policy's (to before from, ten years).
    const problems = periodProblems(query.from, query.to);
    if (problems.length > 0) throw validationFailed(problems);
    const { format, ...asked } = query;
    if (format !== 'xlsx') return this.statistics.report(actor, asked);
    // Everything that can be refused is refused before the first byte: the report is computed, then written.
    const report = await this.statistics.report(actor, asked);
    response.status(200);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader('Content-Disposition', contentDisposition(`thong-ke-khen-thuong-${query.from}-${query.to}.xlsx`));
    response.setHeader('Cache-Control', 'private, no-store');
    await this.statistics.writeReportXlsx(report, response);
    response.end();
  }
}
