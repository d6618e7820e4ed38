import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NOTICE_EVENT_TYPES, WEBHOOK_SECRET_MIN, type NoticeEventType } from '#notifications';
import { HasVisibleText } from './visible-text.validator.js';

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.vn/khen-thuong' })
  @IsString()
  @MaxLength(2000)
  // Internal hosts (no top-level domain) are allowed: receivers often sit inside the province's network.
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// URL' })
  url!: string;

  @ApiProperty({ enum: NOTICE_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(NOTICE_EVENT_TYPES, { each: true, message: `events must each be one of ${NOTICE_EVENT_TYPES.join(', ')}` })
  events!: NoticeEventType[];

  @ApiProperty({ description: `Signs every body (X-Signature: sha256=<HMAC-SHA256 hex>); at least ${WEBHOOK_SECRET_MIN} characters` })
  @IsString()
  @MinLength(WEBHOOK_SECRET_MIN)
  @MaxLength(500)
  @HasVisibleText({ message: 'secret must not be only spaces' })
  secret!: string;
}

export class DeliveryLogQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(500)
  @IsInt()
  limit?: number;
}
