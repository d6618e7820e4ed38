import { ApiProperty } from '@nestjs/swagger';
import {
  AWARD_OUTCOMES,
  GENDERS,
  PERSON_TYPES,
  RESTRICTION_KINDS,
  type AwardOutcome,
  type Gender,
  type Page,
  type PersonBody,
  type PersonDetailBody,
  type PersonProposalBody,
  type PersonType,
  type RestrictionBody,
  type RestrictionDocumentBody,
  type RestrictionKindBody,
} from '#contracts';
import { AWARD_FORMS, PROPOSAL_KINDS, PROPOSAL_STATES, type AwardForm, type ProposalKind, type ProposalState } from '#workflows/proposal';
import type { Holds, SameFields } from '../contract-check.js';

export class PersonResponse implements PersonBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PERSON_TYPES })
  type!: PersonType;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  name!: string;

  @ApiProperty({ type: 'integer', nullable: true, example: 1985 })
  birthYear!: number | null;

  @ApiProperty({ enum: GENDERS, nullable: true })
  gender!: Gender | null;

  @ApiProperty({ type: String, nullable: true, example: 'Phó Trưởng phòng', description: 'Chức vụ' })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Đơn vị công tác / nơi làm việc' })
  workplace!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PersonPageResponse implements Page<PersonBody> {
  @ApiProperty({ type: [PersonResponse] })
  items!: PersonResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

class PersonAchievementResponse {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  summary!: string;
}

class PersonDecisionResponse {
  @ApiProperty({ example: '1234/QĐ-UBND' })
  number!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  signedBy!: string;
}

export class PersonProposalResponse implements PersonProposalBody {
  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ enum: PROPOSAL_KINDS })
  kind!: ProposalKind;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  campaignId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  campaignTitle!: string | null;

  @ApiProperty({ enum: AWARD_FORMS })
  awardForm!: AwardForm;

  @ApiProperty({ enum: PROPOSAL_STATES })
  state!: ProposalState;

  @ApiProperty({ enum: AWARD_OUTCOMES, description: 'awarded (by the chairman), awarded_by_unit, rejected, withdrawn, open' })
  outcome!: AwardOutcome;

  @ApiProperty({ type: PersonAchievementResponse })
  achievement!: PersonAchievementResponse;

  @ApiProperty({ type: PersonDecisionResponse, nullable: true })
  decision!: PersonDecisionResponse | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class RestrictionDocumentResponse implements RestrictionDocumentBody {
  @ApiProperty({ type: String, nullable: true, example: 'Công văn' })
  type!: string | null;

  @ApiProperty({ example: '123/CV-UBND' })
  number!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ example: 'UBND xã Hòa Bình' })
  issuer!: string;
}

class RecorderResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: [String] })
  roles!: string[];
}

export class RestrictionResponse implements RestrictionBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ enum: RESTRICTION_KINDS })
  kind!: RestrictionKindBody;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;

  @ApiProperty({ type: RestrictionDocumentResponse })
  document!: RestrictionDocumentResponse;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: RecorderResponse })
  recordedBy!: RecorderResponse;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'Open today: begun, not closed (and, for a served discipline, not yet ended)' })
  open!: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn!: string | null;

  @ApiProperty({ type: RestrictionDocumentResponse, nullable: true })
  closingDocument!: RestrictionDocumentResponse | null;

  @ApiProperty({ type: RecorderResponse, nullable: true })
  closedBy!: RecorderResponse | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
}

export class PersonDetailResponse extends PersonResponse implements PersonDetailBody {
  @ApiProperty({ type: [PersonProposalResponse], description: 'The proposals that ended in an award (by the chairman or the unit)' })
  awards!: PersonProposalResponse[];

  @ApiProperty({ type: [PersonProposalResponse], description: 'Every proposal naming the person that the caller may see, oldest first' })
  proposals!: PersonProposalResponse[];

  @ApiProperty({ type: [RestrictionResponse], description: 'Decree 152/2025/NĐ-CP Art. 4 matters, oldest first' })
  restrictions!: RestrictionResponse[];

  @ApiProperty({ description: 'Whether the caller may record and close matters for this person' })
  canRecordRestrictions!: boolean;
}

export type PeopleMirror = [
  Holds<SameFields<PersonResponse, PersonBody>>,
  Holds<SameFields<PersonPageResponse, Page<PersonBody>>>,
  Holds<SameFields<PersonProposalResponse, PersonProposalBody>>,
  Holds<SameFields<RestrictionResponse, RestrictionBody>>,
  Holds<SameFields<RestrictionDocumentResponse, RestrictionDocumentBody>>,
  Holds<SameFields<PersonDetailResponse, PersonDetailBody>>,
];
