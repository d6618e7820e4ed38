import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { signAccessToken } from '#auth';
import { APP_CONFIG, type AppConfig } from '#config';
import { DomainError } from '#kernel';
import { UnitUseCases } from '#proposals';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { DemoSignInResponse, DemoUserListResponse } from '../openapi/schemas/dev.js';
import { demoUsers } from './demo-users.js';

class DemoSignInDto {
  @ApiProperty({ example: 'admin', description: 'The key of a person GET /api/dev/demo-users lists' })
  @IsString()
  @MaxLength(100)
  key!: string;
}

const TOKEN_HOURS = 8;

/**
 * Development and test only (ApiModule leaves it out when NODE_ENV=production): the console's sign-in lists
 * demo people and hands out a token for the one picked, signed with this server's secret, so that trying the
 * console needs no identity provider.
 */
@ApiTags('development')
@Controller('api/dev')
export class DevSignInController {
  constructor(
    @Inject(UnitUseCases) private readonly units: UnitUseCases,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('demo-users')
  @Public()
  @ApiOperation({ summary: 'Development only: the people the sign-in screen offers' })
  @ApiSuccess(200, 'The demo people', DemoUserListResponse)
  async list() {
    return { users: demoUsers(await this.units.list()) };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a token for one of the demo people' })
  @ApiSuccess(200, 'A token and who it is for', DemoSignInResponse)
  @ApiErrors(400, 404)
  async signIn(@Body() dto: DemoSignInDto) {
    const user = demoUsers(await this.units.list()).find((candidate) => candidate.key === dto.key);
    if (!user) throw new DomainError('NOT_FOUND', `No demo user ${dto.key}: GET /api/dev/demo-users lists them`, { key: dto.key });
    const sub = `demo-${user.key.replace(':', '-')}`;
    const token = signAccessToken({ sub, name: user.name, roles: user.roles, unitId: user.unitId }, this.config.jwtSecret, TOKEN_HOURS * 3600);
    return { token, user };
  }
}
