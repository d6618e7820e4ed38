import { ApiProperty } from '@nestjs/swagger';
import type { ItemsBody, UnitBody } from '#contracts';
import type { Holds, SameFields } from '../contract-check.js';

export class UnitResponse implements UnitBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'SO-GDDT' })
  code!: string;

  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo' })
  name!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class UnitListResponse implements ItemsBody<UnitBody> {
  @ApiProperty({ type: [UnitResponse] })
  items!: UnitResponse[];
}

export type UnitsMirror = [Holds<SameFields<UnitResponse, UnitBody>>, Holds<SameFields<UnitListResponse, ItemsBody<UnitBody>>>];
