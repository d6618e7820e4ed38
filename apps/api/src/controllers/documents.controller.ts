import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DOCUMENT_MEDIA_TYPES, type DossierDocumentBody, type ItemsBody } from '#contracts';
import { APP_CONFIG, type AppConfig } from '#config';
import { contentDisposition, discardStaged, inspectContent, safeFileName } from '#documents';
import { DOCUMENT_KINDS, isDocumentKind, type Actor, type DocumentKind } from '#kernel';
import { DossierUseCases } from '#proposals';
import { CurrentActor } from '../auth/auth.decorators.js';
import { receiveUpload } from '../documents/multipart-upload.js';
import { validationFailed } from '../errors/validation.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiNoContent, ApiNotModified, ApiSuccess } from '../openapi/api-success.decorator.js';
import { DossierDocumentListResponse, DossierDocumentResponse } from '../openapi/schemas/documents.js';

/** Previews open in the browser only for types it shows itself; a DOCX is always a download. */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/proposals/:id/documents')
export class DocumentsController {
  constructor(
    @Inject(DossierUseCases) private readonly dossier: DossierUseCases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...DOCUMENT_KINDS], description: 'Send it before the file, so that a refusal costs no upload' },
        file: { type: 'string', format: 'binary', description: 'PDF, DOCX, JPEG or PNG, judged by its bytes; at most DOCUMENT_MAX_BYTES' },
      },
    },
  })
  @ApiOperation({
    summary: 'Attach a document to the dossier: multipart fields `kind` (first) and `file`; PDF, DOCX, JPEG or PNG, judged by content',
  })
  @ApiSuccess(201, 'The document as stored', DossierDocumentResponse)
  @ApiErrors(400, 403, 404, 'INVALID_TRANSITION', 'VERSION_CONFLICT', 413, 415, 'UNSAFE_ARCHIVE')
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('kind') kindInQuery: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DossierDocumentBody> {
    const received = await receiveUpload(request, {
      maxBytes: this.config.documents.maxBytes,
      stagingDirectory: this.config.documents.stagingDirectory,
      beforeFile: (fields) => this.dossier.assertMayAttach(id, actor, parseKind(fields.kind ?? kindInQuery)),
    });
    const kind = parseKind(received.fields.kind ?? kindInQuery);
    let content;
    try {
      content = await inspectContent(received.staged.path);
    } catch (error) {
      await discardStaged(received.staged);
      throw error;
    }
    const document = await this.dossier.attach(id, actor, {
      kind,
      fileName: safeFileName(received.fileName, content.format),
      staged: received.staged,
      content,
    });
    response.status(201);
    return document;
  }

  @Get()
  @ApiOperation({ summary: 'The documents now in the dossier' })
  @ApiSuccess(200, 'The documents', DossierDocumentListResponse)
  @ApiErrors(400, 403, 404)
  async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ItemsBody<DossierDocumentBody>> {
    return { items: await this.dossier.list(id, actor) };
  }

  @Get(':documentId')
  @ApiOperation({ summary: "A document's bytes (ETag = its SHA-256); ?disposition=inline to preview a PDF or an image" })
  @ApiSuccess(200, 'The bytes, as the media type they were detected as', ...Object.values(DOCUMENT_MEDIA_TYPES))
  @ApiNotModified()
  @ApiErrors(400, 403, 404)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Query('disposition') disposition: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const { document, bytes } = await this.dossier.open(id, documentId, actor);
    const etag = `"${document.sha256}"`;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) {
      bytes.destroy();
      response.status(304).end();
      return;
    }
    const inline = disposition === 'inline' && INLINE_TYPES.has(document.mediaType);
    response.status(200);
    response.setHeader('Content-Type', document.mediaType);
    response.setHeader('Content-Length', String(document.size));
    response.setHeader('Content-Disposition', contentDisposition(document.fileName, inline ? 'inline' : 'attachment'));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // A stored file is never a page of this site: no script in a crafted PDF or SVG-like image may run here.
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    await pipeline(bytes, response);
  }

  @Delete(':documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a document while the proposal is being drafted or has been returned; the log keeps that it existed' })
  @ApiNoContent('Removed')
  @ApiErrors(400, 403, 404, 'INVALID_TRANSITION', 'VERSION_CONFLICT')
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('documentId') documentId: string) {
    await this.dossier.remove(id, documentId, actor);
  }
}

function parseKind(raw: string | undefined): DocumentKind {
  if (isDocumentKind(raw)) return raw;
  throw validationFailed([
    { field: 'kind', message: raw ? `kind "${raw.slice(0, 40)}" is not one of ${DOCUMENT_KINDS.join(', ')}` : `kind is required: one of ${DOCUMENT_KINDS.join(', ')}` },
  ]);
}
