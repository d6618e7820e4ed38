import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemsBody, UnitBody } from '#contracts';
import { UnitUseCases } from '#proposals';
import { Roles } from '../auth/auth.decorators.js';
import { CreateUnitDto } from '../dto/unit-and-campaign.dto.js';
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
  @ApiOperation({ summary: 'Register a unit (a department, a district) that drafts proposals; its code is unique' })
  @ApiSuccess(201, 'The unit', UnitResponse)
  @ApiErrors(400, 403, 'DUPLICATE')
  create(@Body() dto: CreateUnitDto): Promise<UnitBody> {
    return this.units.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every unit' })
  @ApiSuccess(200, 'The units', UnitListResponse)
  list(): Promise<ItemsBody<UnitBody>> {
    return this.units.list().then((items) => ({ items }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit' })
  @ApiSuccess(200, 'The unit', UnitResponse)
  @ApiErrors(400, 404)
  get(@Param('id') id: string): Promise<UnitBody> {
    return this.units.get(id);
  }
}
