import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CampaignQuotaBody, CampaignViewBody, ItemsBody, RescheduledCampaignBody } from '#contracts';
import { CampaignUseCases } from '#proposals';
import { Roles } from '../auth/auth.decorators.js';
import { CreateCampaignDto, RescheduleCampaignDto } from '../dto/unit-and-campaign.dto.js';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/campaigns')
export class CampaignsController {
  constructor(@Inject(CampaignUseCases) private readonly campaigns: CampaignUseCases) {}

  @Post()
  @Roles('home_affairs', 'admin')
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
  list(): Promise<ItemsBody<CampaignViewBody>> {
    return this.campaigns.list().then((items) => ({ items }));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<CampaignViewBody> {
    return this.campaigns.get(id);
  }

  @Get(':id/quota')
  @ApiOperation({ summary: "Each award form's number in the guidance (TH-1) and how many proposals past the unit stage use it" })
  quota(@Param('id') id: string): Promise<CampaignQuotaBody> {
    return this.campaigns.quota(id);
  }

  @Patch(':id')
  @Roles('home_affairs', 'admin')
  reschedule(@Param('id') id: string, @Body() dto: RescheduleCampaignDto): Promise<RescheduledCampaignBody> {
    return this.campaigns.reschedule(id, dto.ceremonyDate, { confirm: dto.confirm });
  }
}
