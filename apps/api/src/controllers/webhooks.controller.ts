import { Body, Controller, Delete, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#kernel';
import { WebhookUseCases } from '#notifications';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeliveryLogQuery, RegisterWebhookDto } from '../dto/webhook.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { DeliveryLogResponse, WebhookListResponse, WebhookResponse } from '../openapi/schemas/webhooks.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/webhooks')
@Roles('admin')
export class WebhooksController {
  constructor(@Inject(WebhookUseCases) private readonly webhooks: WebhookUseCases) {}

  @Post()
  @ApiOperation({ summary: 'Register a receiver of deadline notices; the secret is not shown again' })
  @ApiSuccess(201, 'The webhook, without its secret', WebhookResponse)
  @ApiErrors(400)
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterWebhookDto) {
    return this.webhooks.register(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook, those taken down included' })
  @ApiSuccess(200, 'The webhooks', WebhookListResponse)
  list() {
    return this.webhooks.list().then((items) => ({ items }));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Takes a webhook down: nothing more is sent to it; its delivery log stays' })
  @ApiSuccess(200, 'The webhook as now disabled (disabling twice is harmless)', WebhookResponse)
  @ApiErrors(400, 404)
  disable(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.webhooks.disable(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: each delivery, its status (pending, delivered, dead) and every attempt' })
  @ApiSuccess(200, 'The deliveries, newest first', DeliveryLogResponse)
  @ApiErrors(400, 404)
  deliveries(@Param('id') id: string, @Query() query: DeliveryLogQuery) {
    return this.webhooks.deliveries(id, query.limit).then((items) => ({ items }));
  }
}
