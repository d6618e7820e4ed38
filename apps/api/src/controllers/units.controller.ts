import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ItemsBody, UnitBody } from '#contracts';
import { UnitUseCases } from '#proposals';
import { Roles } from '../auth/auth.decorators.js';
import { CreateUnitDto } from '../dto/unit-and-campaign.dto.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller('api/units')
export class UnitsController {
  constructor(@Inject(UnitUseCases) private readonly units: UnitUseCases) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUnitDto): Promise<UnitBody> {
    return this.units.create(dto);
  }

  @Get()
  list(): Promise<ItemsBody<UnitBody>> {
    return this.units.list().then((items) => ({ items }));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<UnitBody> {
    return this.units.get(id);
  }
}
