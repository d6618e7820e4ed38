import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemsBody, UnitBody } from '#contracts';
import type { Actor } from '#kernel';
import { UnitUseCases } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CreateUnitDto, RecordUnitChangeDto } from '../dto/unit-and-campaign.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { UnitListResponse, UnitResponse } from '../openapi/schemas/units.js';

@ApiTags('units')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/units')
export class UnitsController {
  constructor(@Inject(UnitUseCases) private readonly units: UnitUseCases) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Register a unit (a department or agency, a commune, a ward, a special zone, a former district); its code is unique',
    description: 'Without `type`, the type is read from the first word of the name (Sở …, Xã …, Phường …, Huyện …), else `khac`. docs/units.md',
  })
  @ApiSuccess(201, 'The unit', UnitResponse)
  @ApiErrors(400, 403, 404, 'DUPLICATE')
  create(@Body() dto: CreateUnitDto): Promise<UnitBody> {
    return this.units.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every unit, with its type, cluster, history and what it is now' })
  @ApiSuccess(200, 'The units', UnitListResponse)
  list(): Promise<ItemsBody<UnitBody>> {
    return this.units.list().then((items) => ({ items }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit, with its history and what it is now (the end of its merges)' })
  @ApiSuccess(200, 'The unit', UnitResponse)
  @ApiErrors(400, 404)
  get(@Param('id') id: string): Promise<UnitBody> {
    return this.units.get(id);
  }

  @Post(':id/changes')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: "Record a change in a unit's life: renamed, merged into another, dissolved, type or cluster changed",
    description:
      'Effective from `from`, citing its document. Not before the unit\'s latest change; no merge into itself, into a unit ' +
      'that no longer exists on `from`, or into one whose merges lead back here. A merged or dissolved unit takes no further ' +
      'change (409 UNIT_DISSOLVED), nor new proposals from the day it ends. docs/units.md',
  })
  @ApiSuccess(201, 'The unit after the change', UnitResponse)
  @ApiErrors(400, 403, 404, 'UNIT_DISSOLVED')
  recordChange(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecordUnitChangeDto): Promise<UnitBody> {
    return this.units.recordChange(actor, id, dto);
  }
}
