import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MachineGraph, MachineVersionsBody } from '#contracts';
import { DomainError } from '#kernel';
import { CURRENT_MACHINE_VERSION, MACHINE_VERSIONS, machineGraph } from '#workflows/proposal';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { MachineGraphResponse, MachineVersionsResponse } from '../openapi/schemas/machines.js';

/** The proposal machine's definition as data, so the console draws the stages the server actually runs. */
@ApiTags('machines')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/machines')
export class MachinesController {
  @Get()
  @ApiOperation({ summary: 'Every machine version still replayed, and the one new proposals start on' })
  @ApiSuccess(200, 'The versions', MachineVersionsResponse)
  list(): MachineVersionsBody {
    return { current: CURRENT_MACHINE_VERSION, versions: MACHINE_VERSIONS };
  }

  @Get(':version')
  @ApiOperation({ summary: "A machine version's stages and events, with the roles its guards let through" })
  @ApiSuccess(200, 'The graph', MachineGraphResponse)
  @ApiErrors(400, 404)
  get(@Param('version') version: string): MachineGraph {
    // Read as written: Number() takes "0x1", "1.0" and " 1" for 1, and a link to a version that is not one.
    const number = /^[1-9]\d{0,5}$/.test(version) ? Number(version) : NaN;
    if (!MACHINE_VERSIONS.includes(number)) {
      throw new DomainError('NOT_FOUND', `There is no proposal machine version ${version}; versions: ${MACHINE_VERSIONS.join(', ')}`, {
        version,
      });
    }
    return machineGraph(number);
  }
}
