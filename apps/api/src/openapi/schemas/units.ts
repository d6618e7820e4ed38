import { ApiProperty } from '@nestjs/swagger';
import {
  CLUSTER_KINDS,
  UNIT_CHANGE_KINDS,
  UNIT_TYPES,
  type ClusterBody,
  type ClusterKind,
  type ItemsBody,
  type UnitBody,
  type UnitChangeDocument,
  type UnitChangeKind,
  type UnitHistoryEntry,
  type UnitType,
} from '#contracts';
import type { Holds, SameFields } from '../contract-check.js';

export class UnitChangeDocumentResponse implements UnitChangeDocument {
  @ApiProperty({ example: '1678/NQ-UBTVQH15' })
  ref!: string;

  @ApiProperty({ format: 'date', example: '2025-06-16' })
  issuedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Nghị quyết' })
  kind!: string | null;
}

/** One change in a unit's life, effective from `from` (docs/units.md). */
export class UnitHistoryEntryResponse implements UnitHistoryEntry {
  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty({ enum: UNIT_CHANGE_KINDS })
  kind!: UnitChangeKind;

  @ApiProperty({ format: 'date', example: '2025-07-01' })
  from!: string;

  @ApiProperty({ type: UnitChangeDocumentResponse })
  document!: UnitChangeDocumentResponse;

  @ApiProperty({ type: String, nullable: true, description: 'renamed: the new name' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'renamed: the name before' })
  previousName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'merged_into: the unit it became part of' })
  successorId!: string | null;

  @ApiProperty({ enum: UNIT_TYPES, nullable: true })
  type!: UnitType | null;

  @ApiProperty({ enum: UNIT_TYPES, nullable: true })
  previousType!: UnitType | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clusterId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  previousClusterId!: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'Who recorded it (the token subject)' })
  recordedBy!: string;
}

export class UnitCurrentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Xã Nghi Lộc' })
  name!: string;
}

export class UnitResponse implements UnitBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'SO-GDDT' })
  code!: string;

  @ApiProperty({ example: 'Sở Giáo dục và Đào tạo', description: 'Its name today' })
  name!: string;

  @ApiProperty({ enum: UNIT_TYPES, description: 'so_ban_nganh, xa, phuong, dac_khu, huyen_cu (former district), khac' })
  type!: UnitType;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clusterId!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Merged or dissolved from this day' })
  dissolvedOn!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The unit it was merged into' })
  successorId!: string | null;

  @ApiProperty({ type: UnitCurrentResponse, description: 'What it is now: the end of its merges (itself if never merged)' })
  current!: UnitCurrentResponse;

  @ApiProperty({ type: [UnitHistoryEntryResponse], description: 'Oldest first' })
  history!: UnitHistoryEntryResponse[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class UnitListResponse implements ItemsBody<UnitBody> {
  @ApiProperty({ type: [UnitResponse] })
  items!: UnitResponse[];
}

export class ClusterResponse implements ClusterBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Cụm thi đua số 1' })
  name!: string;

  @ApiProperty({ enum: CLUSTER_KINDS, description: 'cum: cụm thi đua; khoi: khối thi đua' })
  kind!: ClusterKind;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ClusterListResponse implements ItemsBody<ClusterBody> {
  @ApiProperty({ type: [ClusterResponse] })
  items!: ClusterResponse[];
}

export type UnitsMirror = [
  Holds<SameFields<UnitResponse, UnitBody>>,
  Holds<SameFields<UnitListResponse, ItemsBody<UnitBody>>>,
  Holds<SameFields<UnitHistoryEntryResponse, UnitHistoryEntry>>,
  Holds<SameFields<UnitChangeDocumentResponse, UnitChangeDocument>>,
  Holds<SameFields<ClusterResponse, ClusterBody>>,
];
