import { Body, Controller, Delete, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#kernel';
import { WebhookUseCases } from '#notifications';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { DeliveryLogQuery, RegisterWebhookDto } from '../dto/webhook.dto.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
@Roles('admin')
export class WebhooksController {
  constructor(@Inject(WebhookUseCases) private readonly webhooks: WebhookUseCases) {}

  @Post()
  @ApiOperation({ summary: 'Register a receiver of deadline notices; the secret is not shown again' })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterWebhookDto) {
    return this.webhooks.register(actor, dto);
  }

  @Get()
  list() {
    return this.webhooks.list().then((items) => ({ items }));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Takes a webhook down: nothing more is sent to it; its delivery log stays' })
  disable(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.webhooks.disable(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: each delivery, its status (pending, delivered, dead) and every attempt' })
  deliveries(@Param('id') id: string, @Query() query: DeliveryLogQuery) {
    return this.webhooks.deliveries(id, query.limit).then((items) => ({ items }));
  }
}
