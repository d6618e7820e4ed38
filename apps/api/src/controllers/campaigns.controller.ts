import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignQuotaBody, CampaignViewBody, ItemsBody, RescheduledCampaignBody } from '#contracts';
import { CampaignUseCases } from '#proposals';
import { Roles } from '../auth/auth.decorators.js';
import { CreateCampaignDto, RescheduleCampaignDto } from '../dto/unit-and-campaign.dto.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { ApiSuccess } from '../openapi/api-success.decorator.js';
import { CampaignListResponse, CampaignQuotaResponse, CampaignViewResponse, RescheduledCampaignResponse } from '../openapi/schemas/campaigns.js';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/campaigns')
export class CampaignsController {
  constructor(@Inject(CampaignUseCases) private readonly campaigns: CampaignUseCases) {}

  @Post()
  @Roles('home_affairs', 'admin')
  @ApiOperation({ summary: 'Register a campaign with its guidance (TH-1); its dossier deadline (TH-5) follows from the ceremony date' })
  @ApiSuccess(201, 'The campaign', CampaignViewResponse)
  @ApiErrors(400, 403)
  create(@Body() dto: CreateCampaignDto): Promise<CampaignViewBody> {
    return this.campaigns.create({
      title: dto.title,
      round: dto.round,
      plan: dto.plan ?? null,
      launchedAt: dto.launchedAt ?? null,
      finalReviewAt: dto.finalReviewAt ?? null,
      guidance: dto.guidance ?? null,
      ceremonyDate: dto.ceremonyDate ?? null,
    });
  }

  @Get()
  @ApiOperation({ summary: 'Every campaign' })
  @ApiSuccess(200, 'The campaigns', CampaignListResponse)
  list(): Promise<ItemsBody<CampaignViewBody>> {
    return this.campaigns.list().then((items) => ({ items }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign, with its dossier deadline (TH-5)' })
  @ApiSuccess(200, 'The campaign', CampaignViewResponse)
  @ApiErrors(400, 404)
  get(@Param('id') id: string): Promise<CampaignViewBody> {
    return this.campaigns.get(id);
  }

  @Get(':id/quota')
  @ApiOperation({ summary: "Each award form's number in the guidance (TH-1) and how many proposals past the unit stage use it" })
  @ApiSuccess(200, 'The quota and its use', CampaignQuotaResponse)
  @ApiErrors(400, 404)
  quota(@Param('id') id: string): Promise<CampaignQuotaBody> {
    return this.campaigns.quota(id);
  }

  @Patch(':id')
  @Roles('home_affairs', 'admin')
  @ApiOperation({
    summary: 'Move the ceremony; open proposals get their TH-5 deadline again (confirm: true when that makes some late at once)',
  })
  @ApiSuccess(200, 'The campaign, and how many open proposals had their deadline moved', RescheduledCampaignResponse)
  @ApiErrors(400, 403, 404, 'CONFIRMATION_REQUIRED')
  reschedule(@Param('id') id: string, @Body() dto: RescheduleCampaignDto): Promise<RescheduledCampaignBody> {
    return this.campaigns.reschedule(id, dto.ceremonyDate, { confirm: dto.confirm });
  }
}
