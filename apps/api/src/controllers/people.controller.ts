import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PersonBody, PersonDetailBody, RestrictionBody } from '#contracts';
import type { Actor } from '#kernel';
import { PeopleUseCases } from '#proposals';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CloseRestrictionDto, CreatePersonDto, CreateRestrictionDto, ListPeopleQuery } from '../dto/people.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { PersonDetailResponse, PersonPageResponse, PersonResponse, RestrictionResponse } from '../openapi/schemas/people.js';

/**
 * The registry of nominees (docs/architecture.md, "People and their awards"): unit roles see their unit's people
 * and those their proposals name, provincial roles see everyone.
 */
@ApiTags('people')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/people')
export class PeopleController {
  constructor(@Inject(PeopleUseCases) private readonly people: PeopleUseCases) {}

  @Get()
  @ApiOperation({
    summary: 'Find people and collectives by name, with or without tone marks ("nguyen van an" finds "Nguyễn Văn An")',
    description: 'Ordered by name. A drafter or unit head sees the people of their unit and those named in its proposals.',
  })
  @ApiSuccess(200, 'A page of people', PersonPageResponse)
  @ApiErrors(400, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ListPeopleQuery): Promise<Page<PersonBody>> {
    const { cursor, limit, ...filter } = query;
    return this.people.list(actor, filter, cursor ?? null, limit ?? 50);
  }

  @Post()
  @Roles('drafter', 'unit_head', 'council', 'home_affairs', 'admin')
  @ApiOperation({
    summary: 'Register a person or a collective',
    description:
      'birthYear and gender are for individuals only. A unit role registers people of its own unit. A proposal created ' +
      'without nominee.personId registers its nominee itself.',
  })
  @ApiSuccess(201, 'The person', PersonResponse)
  @ApiErrors(400, 403, 404)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonBody> {
    return this.people.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One person: the award history (from the proposals) and the Decree 152/2025 Art. 4 matters recorded against them',
  })
  @ApiSuccess(200, 'The person', PersonDetailResponse)
  @ApiErrors(400, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PersonDetailBody> {
    return this.people.get(actor, id);
  }

  @Post(':id/restrictions')
  @HttpCode(201)
  @Roles('unit_head', 'council', 'home_affairs', 'admin')
  @ApiOperation({
    summary: 'Record a matter of Decree 152/2025/NĐ-CP Art. 4 against a person, citing its document',
    description:
      'While it is open, ND-1 refuses every proposal naming the person at SUBMIT, AWARD_AT_UNIT, FORWARD, RECOMMEND, AGREE ' +
      'and APPROVE; a served discipline refuses achievements dated before its end. A unit head records for the people of ' +
      'their own unit only. docs/rules.md',
  })
  @ApiSuccess(201, 'The matter', RestrictionResponse)
  @ApiErrors(400, 403, 404)
  record(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateRestrictionDto): Promise<RestrictionBody> {
    return this.people.recordRestriction(actor, id, dto);
  }

  @Post(':id/restrictions/:rid/close')
  @HttpCode(200)
  @Roles('unit_head', 'council', 'home_affairs', 'admin')
  @ApiOperation({ summary: 'Close a matter with its concluding document; it stays in the record' })
  @ApiSuccess(200, 'The closed matter', RestrictionResponse)
  @ApiErrors(400, 403, 404, 'INVALID_TRANSITION')
  close(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() dto: CloseRestrictionDto,
  ): Promise<RestrictionBody> {
    return this.people.closeRestriction(actor, id, rid, dto);
  }
}
