import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClusterBody, ItemsBody } from '#contracts';
import { UnitUseCases } from '#proposals';
import { Roles } from '../auth/auth.decorators.js';
import { CreateClusterDto } from '../dto/unit-and-campaign.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { ClusterListResponse, ClusterResponse } from '../openapi/schemas/units.js';

/** The emulation clusters (cụm thi đua) and blocs (khối thi đua) units are grouped in (docs/units.md). */
@ApiTags('units')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/clusters')
export class ClustersController {
  constructor(@Inject(UnitUseCases) private readonly units: UnitUseCases) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an emulation cluster (cum) or bloc (khoi); its name is unique' })
  @ApiSuccess(201, 'The cluster', ClusterResponse)
  @ApiErrors(400, 403, 'DUPLICATE')
  create(@Body() dto: CreateClusterDto): Promise<ClusterBody> {
    return this.units.createCluster(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every cluster and bloc' })
  @ApiSuccess(200, 'The clusters', ClusterListResponse)
  list(): Promise<ItemsBody<ClusterBody>> {
    return this.units.listClusters().then((items) => ({ items }));
  }
}
