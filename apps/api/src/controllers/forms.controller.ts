import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition } from '#documents';
import { FORM_MEDIA_TYPES } from '#forms';
import type { Actor } from '#kernel';
import { PROPOSAL_FORMS, ProposalForms, type GeneratedForm, type ProposalForm } from '#proposals';
import { CurrentActor } from '../auth/auth.decorators.js';
import { validationFailed } from '../errors/validation.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';

const FORMATS = ['docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** The documents generated from the stored data: DOCX for the specialist to edit, PDF to print and sign. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api')
export class FormsController {
  constructor(@Inject(ProposalForms) private readonly forms: ProposalForms) {}

  @Get('proposals/:id/forms/:form')
  @ApiOperation({ summary: "The unit's tờ trình, or once decided the Quyết định and the Bằng khen / Giấy khen; ?format=docx|pdf" })
  @ApiSuccess(200, 'The form: PDF (the default) or DOCX', FORM_MEDIA_TYPES.pdf, FORM_MEDIA_TYPES.docx)
  @ApiErrors(400, 403, 404, 'FORM_NOT_READY')
  async proposalForm(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('form') form: string,
    @Query('format') format: string | undefined,
    @Res() response: Response,
  ) {
    send(response, await this.forms.forProposal(id, parseForm(form), parseFormat(format), actor));
  }

  @Get('campaigns/:id/forms/quyet-dinh')
  @ApiOperation({ summary: "A campaign's decision over its approved list (the newest decision number, or ?decision=)" })
  @ApiSuccess(200, 'The decision: PDF (the default) or DOCX', FORM_MEDIA_TYPES.pdf, FORM_MEDIA_TYPES.docx)
  @ApiErrors(400, 403, 404, 'FORM_NOT_READY')
  async campaignDecision(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Query('decision') decision: string | undefined,
    @Res() response: Response,
  ) {
    send(response, await this.forms.forCampaign(id, parseFormat(format), actor, decision || undefined));
  }
}

function send(response: Response, form: GeneratedForm): void {
  response.status(200);
  response.setHeader('Content-Type', form.mediaType);
  response.setHeader('Content-Length', String(form.bytes.length));
  response.setHeader('Content-Disposition', contentDisposition(form.fileName));
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(form.bytes);
}

function parseForm(raw: string): ProposalForm {
  if ((PROPOSAL_FORMS as readonly string[]).includes(raw)) return raw as ProposalForm;
  throw validationFailed([{ field: 'form', message: `form must be one of ${PROPOSAL_FORMS.join(', ')}` }]);
}

function parseFormat(raw: string | undefined): Format {
  if (raw === undefined || raw === '') return 'pdf';
  if ((FORMATS as readonly string[]).includes(raw)) return raw as Format;
  throw validationFailed([{ field: 'format', message: 'format must be docx or pdf' }]);
}
