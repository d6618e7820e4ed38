import { Controller, Get, Inject, type OnModuleDestroy, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { probeClient } from '#queue';
import { Public } from '../auth/auth.decorators.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { HealthResponse } from '../openapi/schemas/health.js';

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = probeClient(config.redisUrl);
    this.redis.on('error', () => undefined);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the database and Redis answer (no token needed)' })
  @ApiSuccess(200, 'Both answer: status ok', HealthResponse)
  @ApiResponse({
    status: 503,
    description: 'One of them does not: status unavailable, and which one with why. Not an ErrorBody: the same health shape as the 200',
    content: { 'application/json': { schema: { $ref: getSchemaPath(HealthResponse) } } },
  })
  async check(@Res({ passthrough: true }) response: Response) {
    const [database, redis] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1')),
      this.probe(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }),
    ]);
    const ok = database === 'up' && redis === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, redis };
  }

  private async probe(check: () => Promise<unknown>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]);
      return 'up';
    } catch (error) {
      return `down: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
