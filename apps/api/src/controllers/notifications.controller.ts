import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Sse,
  SseSignal,
  type BeforeApplicationShutdown,
  type MessageEvent,
} from '@nestjs/common';
import { EMPTY, finalize, interval, map, merge, NEVER, Observable, Subject, takeUntil, timer } from 'rxjs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InboxNoticeBody, InboxPageBody, MarkAllReadBody, UnreadCountBody } from '#contracts';
import { APP_CONFIG, type AppConfig } from '#config';
import { DomainError, type Actor } from '#kernel';
import { InboxQueries, LiveNotices, StreamSlots } from '#notifications';
import { authenticationOf, CurrentActor } from '../auth/auth.decorators.js';
import { ListNotificationsQuery } from '../dto/list-notifications.query.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiEventStream, ApiSuccess } from '../openapi/api-success.decorator.js';
import { InboxNoticeResponse, InboxPageResponse, LiveNoticeResponse, MarkAllReadResponse, UnreadCountResponse } from '../openapi/schemas/notifications.js';

const KEEP_ALIVE_MS = 25_000;

/** The in-app inbox of whoever is signed in: notices addressed to their roles (and unit), read state per person. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/notifications')
export class NotificationsController implements BeforeApplicationShutdown {
  /** Open streams end when the process stops: the HTTP server cannot close while a console still listens. */
  private readonly stopping = new Subject<void>();
  /** Per person and per process (docs/operations.md): the controller is a singleton, so one count per API process. */
  private readonly slots: StreamSlots;

  constructor(
    @Inject(InboxQueries) private readonly inbox: InboxQueries,
    @Inject(LiveNotices) private readonly live: LiveNotices,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.slots = new StreamSlots(config.maxEventStreamsPerUser);
  }

  @Get()
  @ApiOperation({ summary: 'Your notices, newest first, with the number still unread' })
  @ApiSuccess(200, 'One page of notices', InboxPageResponse)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<InboxPageBody> {
    return this.inbox.list(actor, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of your notices are unread (for the bell)' })
  @ApiSuccess(200, 'The count', UnreadCountResponse)
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountBody> {
    return this.inbox.unreadCount(actor);
  }

  @Sse('stream')
  // A buffering reverse proxy (nginx) would hold the events back until its buffer fills.
  @Header('X-Accel-Buffering', 'no')
  @ApiOperation({
    summary: 'Server-sent events: a `notice` message for every new notice addressed to you, and a `ping` every 25 s',
    description:
      'Send the bearer token in the Authorization header (read the stream with fetch; EventSource cannot send headers). ' +
      'One person may hold MAX_EVENT_STREAMS_PER_USER streams open at once (default 5, counted per API process).',
  })
  @ApiEventStream(
    'Messages: `notice` (id: the notice id; data: a LiveNoticeResponse as JSON) for each new notice addressed to you, and `ping` (empty data) every 25 s. The stream ends when the token expires or the server stops.',
    LiveNoticeResponse,
  )
  @ApiErrors(429)
  stream(@CurrentActor() actor: Actor, @Req() request: object, @SseSignal() ended: AbortSignal): Observable<MessageEvent> {
    // A stream opened after shutdown began would never hear `stopping` (it has completed) and hold the server.
    // Nor does one whose client left while the guard ran need anything: `ended` is aborted already and would never
    // fire again, so a slot taken for it would never come back.
    if (this.stopping.closed || ended.aborted) return EMPTY;
    // Taken before any byte of the stream is written, so that a refusal can still be a plain 429.
    const release = this.slots.acquire(actor.id);
    if (!release) {
      throw new DomainError(
        'TOO_MANY_STREAMS',
        `You already have ${this.slots.limit} notification streams open; close one (another tab or window) and retry`,
        { limit: this.slots.limit },
      );
    }
    // Nest aborts `ended` however the stream ends, even when it never subscribed (the client left first);
    // `finalize` says the same when it did. Releasing twice gives back one slot.
    ended.addEventListener('abort', release, { once: true });
    const notices = new Observable<MessageEvent>((subscriber) =>
      this.live.follow(actor, (signal) => subscriber.next({ type: 'notice', id: signal.id, data: signal })),
    );
    // Proxies close a connection that stays silent; a ping also lets the console notice a dead one.
    const pings = interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    // The token is checked once, when the stream opens: the stream ends when the token does, and the console's
    // reconnect then meets the 401 that signs it out.
    const expiresAt = authenticationOf(request)?.tokenExpiresAtMs;
    const tokenExpired = expiresAt ? timer(Math.max(0, expiresAt - Date.now())) : NEVER;
    return merge(notices, pings).pipe(takeUntil(merge(this.stopping, tokenExpired)), finalize(release));
  }

  beforeApplicationShutdown(): void {
    this.stopping.next();
    this.stopping.complete();
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark every notice addressed to you read (for you only), as of now',
    description: 'Takes no body. A notice that arrives after this request stays unread; calling it again marks nothing more.',
  })
  @ApiSuccess(200, 'How many notices this marked, and how many are unread after it', MarkAllReadResponse)
  @ApiErrors(403)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkAllReadBody> {
    return this.inbox.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notice read for you (not for others holding the same role)' })
  @ApiSuccess(200, 'The notice, now read', InboxNoticeResponse)
  @ApiErrors(400, 403, 404)
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InboxNoticeBody> {
    return this.inbox.markRead(actor, id);
  }
}
