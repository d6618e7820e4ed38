import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#kernel';
import { InboxQueries } from '#notifications';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ListNotificationsQuery } from '../dto/list-notifications.query.js';

/** The in-app inbox of whoever is signed in: notices addressed to their roles (and unit), read state per person. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(@Inject(InboxQueries) private readonly inbox: InboxQueries) {}

  @Get()
  @ApiOperation({ summary: 'Your notices, newest first, with the number still unread' })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery) {
    return this.inbox.list(actor, query);
  }

  @Get('unread-count')
  unreadCount(@CurrentActor() actor: Actor) {
    return this.inbox.unreadCount(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notice read for you (not for others holding the same role)' })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.inbox.markRead(actor, id);
  }
}
