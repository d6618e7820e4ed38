import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { HistoryBody, Page, ProposalDetailBody, ProposalViewBody } from '#contracts';
import { contentDisposition } from '#documents';
import { XLSX_MEDIA_TYPE } from '#forms';
import { Clock, type Actor } from '#kernel';
import { ApplyProposalEventUseCase, CreateProposalUseCase, ProposalListExport, ProposalQueries, type EventRequest } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CreateProposalDto } from '../dto/create-proposal.dto.js';
import { ListProposalsQuery } from '../dto/list-proposals.query.js';
import { eventRequestProblems, ProposalEventDto } from '../dto/proposal-event.dto.js';
import { validationFailed } from '../errors/validation.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { HistoryResponse, ProposalDetailResponse, ProposalPageResponse, ProposalViewResponse } from '../openapi/schemas/proposals.js';
import { idempotencyToken, parseIfMatch } from './request-headers.js';

@ApiTags('proposals')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/proposals')
export class ProposalsController {
  constructor(
    @Inject(CreateProposalUseCase) private readonly createProposal: CreateProposalUseCase,
    @Inject(ApplyProposalEventUseCase) private readonly applyEvent: ApplyProposalEventUseCase,
    @Inject(ProposalQueries) private readonly queries: ProposalQueries,
    @Inject(ProposalListExport) private readonly listExport: ProposalListExport,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('drafter', 'unit_head')
  @ApiOperation({ summary: 'Draft a proposal for your unit' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiSuccess(201, 'The new proposal, with its version as ETag; a retry with the same Idempotency-Key gets the first answer (Idempotent-Replayed: true)', ProposalViewResponse)
  @ApiErrors(400, 403, 404, 'IDEMPOTENCY_KEY_REUSED')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateProposalDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProposalViewBody> {
    const result = await this.createProposal.execute(actor, { ...dto, campaignId: dto.campaignId ?? null }, idempotencyToken(key, 'POST', request.path, dto));
    response.status(result.status).setHeader('ETag', `"${result.body.version}"`);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'List proposals you may see; inbox=true for what waits on your roles; format=xlsx for the printable list' })
  @ApiSuccess(200, 'One page of proposals as JSON; with format=xlsx, the whole filtered list as a spreadsheet', ProposalPageResponse, XLSX_MEDIA_TYPE)
  @ApiErrors(400, 403)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ListProposalsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page<ProposalViewBody> | undefined> {
    const { format, ...filter } = query;
    if (format !== 'xlsx') return this.queries.list(actor, filter);
    const { cursor: _cursor, limit: _limit, ...everything } = filter;
    response.status(200);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader('Content-Disposition', contentDisposition(`danh-sach-de-nghi-khen-thuong-${this.clock.now().toISOString().slice(0, 10)}.xlsx`));
    response.setHeader('Cache-Control', 'private, no-store');
    await this.listExport.writeXlsx(actor, everything, response);
    response.end();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One proposal as you see it, with what you may do with its dossier' })
  @ApiSuccess(200, 'The proposal, with its version as ETag', ProposalDetailResponse)
  @ApiErrors(400, 403, 404)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<ProposalDetailBody> {
    const view = await this.queries.get(id, actor);
    response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The proposal's hash-chained event log" })
  @ApiSuccess(200, 'Every line of the log, oldest first', HistoryResponse)
  @ApiErrors(400, 403, 404)
  async history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<HistoryBody> {
    return { events: await this.queries.history(id, actor) };
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send an event: the proposal moves if the machine and your roles allow it' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; a newer one is a 409' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the first answer' })
  @ApiSuccess(200, 'The proposal after the event, with its new version as ETag', ProposalViewResponse)
  @ApiErrors(400, 403, 404, 'INVALID_TRANSITION', 'VERSION_CONFLICT', 'RULE_VIOLATION', 'IDEMPOTENCY_KEY_REUSED')
  async sendEvent(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ProposalEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProposalViewBody> {
    const problems = eventRequestProblems(dto);
    if (problems.length > 0) throw validationFailed(problems);
    const result = await this.applyEvent.execute(id, actor, { ...dto } as EventRequest, {
      expectedVersion: parseIfMatch(ifMatch),
      idempotency: idempotencyToken(key, 'POST', request.path, dto),
    });
    response.status(result.status).setHeader('ETag', `"${result.body.version}"`);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
