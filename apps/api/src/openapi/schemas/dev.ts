import { ApiProperty } from '@nestjs/swagger';
import type { DemoUserBody } from '#contracts';
import type { PersonRole } from '#kernel';
import { PERSON_ROLES } from '#kernel';
import type { Holds, SameFields } from '../contract-check.js';

export class DemoUserResponse implements DemoUserBody {
  @ApiProperty({ example: 'drafter:6f1c…', description: 'Stable across restarts: send it to sign in' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: PERSON_ROLES, isArray: true })
  roles!: PersonRole[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  unitName!: string | null;
}

type DemoUserList = { users: DemoUserBody[] };

export class DemoUserListResponse implements DemoUserList {
  @ApiProperty({ type: [DemoUserResponse] })
  users!: DemoUserResponse[];
}

export class DemoSignInResponse {
  @ApiProperty({ description: 'A bearer token for this person, valid 8 hours' })
  token!: string;

  @ApiProperty({ type: DemoUserResponse })
  user!: DemoUserResponse;
}

export type DevMirror = [Holds<SameFields<DemoUserResponse, DemoUserBody>>];
