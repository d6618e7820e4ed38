import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditCheckpoints, AuditLog, DocumentEvidence, exportEvents, ReplayProposalQuery } from '#audit';
import type { ItemsBody, LogVerificationBody, ProposalReplayBody, StoredCheckpointBody } from '#contracts';
import { DomainError, invalidFields, type Actor } from '#kernel';
import { MigrateProposalsUseCase } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ExportQuery, MigrateProposalsDto, ReplayQuery, VerifyQuery } from '../dto/audit.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import {
  ChainBreakResponse,
  CheckpointBreakResponse,
  CheckpointFileResponse,
  CheckpointListResponse,
  LogVerificationResponse,
  MigrationResultsResponse,
  ProposalReplayResponse,
  StoredCheckpointResponse,
} from '../openapi/schemas/audit.js';

/**
 * What inspectors ask years later: the state on a date, who moved it, and whether anyone altered the record.
 * Everything here reads, except making a checkpoint and migrating proposals, which are the admin's.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api')
export class AuditController {
  constructor(
    @Inject(AuditLog) private readonly auditLog: AuditLog,
    @Inject(ReplayProposalQuery) private readonly replay: ReplayProposalQuery,
    @Inject(AuditCheckpoints) private readonly checkpoints: AuditCheckpoints,
    @Inject(MigrateProposalsUseCase) private readonly migrate: MigrateProposalsUseCase,
    @Inject(DocumentEvidence) private readonly documents: DocumentEvidence,
  ) {}

  @Get('proposals/:id/replay')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The proposal as it was after event `seq`, or at instant `at`, with chainValid and matchesStored' })
  @ApiSuccess(200, 'The proposal as it was', ProposalReplayResponse)
  @ApiErrors(400, 404)
  replayProposal(@Param('id') id: string, @Query() query: ReplayQuery): Promise<ProposalReplayBody> {
    if (query.seq !== undefined && query.at !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Give seq or at, not both', {
        errors: [{ field: 'seq', message: 'seq and at cannot be combined' }],
      });
    }
    return this.replay.execute(id, { seq: query.seq, at: query.at });
  }

  @Get('audit/verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      'Walks every chain in constant memory and holds the log against the newest signed checkpoint (?checkpoint=<id> for another, ?checkpoint=none for none), naming each proposal rewritten, truncated or deleted since',
  })
  @ApiSuccess(200, 'What the walk found', LogVerificationResponse)
  @ApiExtraModels(ChainBreakResponse, CheckpointBreakResponse)
  @ApiErrors(400, 404)
  async verify(@Query() query: VerifyQuery): Promise<LogVerificationBody> {
    const documents = query.documents === false ? undefined : this.documents;
    const against = !query.checkpoint ? 'latest' : query.checkpoint === 'none' ? 'none' : await this.checkpoints.get(query.checkpoint);
    return this.checkpoints.verify(against, { replay: query.replay ?? true, documents });
  }

  @Get('audit/export')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Streams events with their hashes: NDJSON (default) for offline checking, or CSV for spreadsheets' })
  @ApiSuccess(200, 'The events, one per line, as an attachment', 'application/x-ndjson', 'text/csv')
  @ApiErrors(400)
  export(@Query() query: ExportQuery): StreamableFile {
    const format = query.format ?? 'ndjson';
    // Stored instants are toISOString() text: bounds written another way (+07:00, no milliseconds) must be
    // brought to the same form before they are compared as text.
    const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
    const range = { proposalId: query.proposalId, from: instant(query.from), to: instant(query.to) };
    // An empty file for a range written backwards would read as "nothing happened"; say what is wrong instead.
    if (range.from && range.to && range.from > range.to) {
      throw invalidFields([{ field: 'from', message: `from ${query.from} is after to ${query.to}` }]);
    }
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
    return new StreamableFile(Readable.from(exportEvents(this.auditLog, range, format)), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="audit-events-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
    });
  }

  @Get('audit/checkpoints')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Signed checkpoints, newest first' })
  @ApiSuccess(200, 'The checkpoints', CheckpointListResponse)
  async listCheckpoints(): Promise<ItemsBody<StoredCheckpointBody>> {
    return { items: await this.checkpoints.list() };
  }

  @Get('audit/checkpoints/:id')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'One signed checkpoint' })
  @ApiSuccess(200, 'The checkpoint', StoredCheckpointResponse)
  @ApiErrors(400, 404)
  getCheckpoint(@Param('id') id: string): Promise<StoredCheckpointBody> {
    return this.checkpoints.get(id);
  }

  @Post('audit/checkpoints')
  @Roles('admin')
  @ApiOperation({ summary: 'Signs a checkpoint of the log now; the answer is the file to keep off the server' })
  @ApiSuccess(201, 'The checkpoint file: the signed digest and the head of every proposal it covers', CheckpointFileResponse)
  @ApiErrors(503)
  createCheckpoint() {
    return this.checkpoints.create();
  }

  @Post('admin/proposals/migrate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Moves chosen in-flight proposals to a newer machine version, logging MIGRATED in each chain' })
  @ApiSuccess(200, 'What became of each proposal', MigrationResultsResponse)
  @ApiErrors(400, 'VERSION_CONFLICT')
  async migrateProposals(@CurrentActor() actor: Actor, @Body() body: MigrateProposalsDto) {
    return { results: await this.migrate.execute(actor, body.ids, body.toVersion) };
  }
}
