import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_KINDS,
  FORM_NAMES,
  type DeadlineRuleId,
  type DocumentKind,
  type DossierBody,
  type DossierRequirementBody,
  type FormName,
  type HistoryBody,
  type HistoryEventBody,
  type Page,
  type ProposalDeadlineBody,
  type ProposalDetailBody,
  type ProposalViewBody,
} from '#contracts';
import {
  AWARD_FORMS,
  ESCALATION_ORDER,
  PROPOSAL_KINDS,
  PROPOSAL_STATES,
  type AwardForm,
  type EscalationLevel,
  type ProposalEventType,
  type ProposalKind,
  type ProposalState,
} from '#workflows/proposal';
import { AchievementDto, DecisionDto, NomineeDto, VoteDto } from '../../dto/proposal-parts.dto.js';
import type { Holds, SameFields } from '../contract-check.js';
import { DEADLINE_RULE_IDS, EVENT_TYPES } from '../enums.js';
import { ActorResponse, FindingResponse } from './common.js';

export class ProposalDeadlineResponse implements ProposalDeadlineBody {
  @ApiProperty({ enum: DEADLINE_RULE_IDS, description: 'DX-4 (an extraordinary award, from the achievement) or TH-5 (a campaign ceremony)' })
  rule!: DeadlineRuleId;

  @ApiProperty({ format: 'date', example: '2026-06-01', description: 'The last day, local (Vietnam)' })
  dueDate!: string;

  @ApiProperty({ format: 'date-time', example: '2026-06-01T17:00:00.000Z', description: 'The instant that day ends, 24:00 Asia/Ho_Chi_Minh, in UTC' })
  dueAt!: string;

  @ApiProperty({ description: 'A year the computation looked at has no official schedule loaded yet' })
  provisional!: boolean;
}

export class DossierRequirementResponse implements DossierRequirementBody {
  @ApiProperty({ enum: EVENT_TYPES, description: 'The step that needs the document' })
  event!: ProposalEventType;

  @ApiProperty({ example: 'HS-1' })
  rule!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  documentKind!: DocumentKind;

  @ApiProperty()
  present!: boolean;

  @ApiProperty()
  message!: string;

  @ApiProperty()
  messageEn!: string;
}

/** What the caller may do with the dossier now (GET /api/proposals/:id only). */
export class DossierResponse implements DossierBody {
  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true, description: 'What this caller may attach now; empty: nothing' })
  uploadableKinds!: DocumentKind[];

  @ApiProperty({ description: 'Whether this caller may remove documents now (while drafting or returned)' })
  canRemove!: boolean;

  @ApiProperty({ type: [DossierRequirementResponse] })
  required!: DossierRequirementResponse[];

  @ApiProperty({ enum: FORM_NAMES, isArray: true, description: 'The forms that can be generated now (GET …/forms/:form)' })
  forms!: FormName[];
}

/** A proposal as one caller sees it; every date a string (YYYY-MM-DD for days, ISO-8601 UTC for instants). */
export class ProposalViewResponse implements ProposalViewBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PROPOSAL_KINDS })
  kind!: ProposalKind;

  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  campaignId!: string | null;

  @ApiProperty({ enum: AWARD_FORMS })
  awardForm!: AwardForm;

  @ApiProperty({ type: NomineeDto })
  nominee!: NomineeDto;

  @ApiProperty({ type: AchievementDto })
  achievement!: AchievementDto;

  @ApiProperty({ enum: PROPOSAL_STATES })
  state!: ProposalState;

  @ApiProperty({ type: 'integer', description: 'Sent back as ETag; If-Match takes it' })
  version!: number;

  @ApiProperty({ type: 'integer' })
  machineVersion!: number;

  @ApiProperty({ type: ProposalDeadlineResponse, nullable: true })
  deadline!: ProposalDeadlineResponse | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the deadline was met; null while still to be met' })
  deadlineMetAt!: string | null;

  @ApiProperty()
  late!: boolean;

  @ApiProperty({ enum: DEADLINE_RULE_IDS, nullable: true })
  lateRule!: DeadlineRuleId | null;

  @ApiProperty({ enum: ESCALATION_ORDER })
  escalation!: EscalationLevel;

  @ApiProperty({ type: [FindingResponse], description: 'Rule warnings every reviewer sees' })
  warnings!: FindingResponse[];

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'The events this caller may send now' })
  allowedEvents!: ProposalEventType[];

  @ApiProperty({ type: String, nullable: true })
  lastReason!: string | null;

  @ApiProperty({ type: VoteDto, nullable: true })
  vote!: VoteDto | null;

  @ApiProperty({ type: DecisionDto, nullable: true })
  decision!: DecisionDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  forwardedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ type: DossierResponse, description: 'Only GET /api/proposals/:id carries it' })
  dossier?: DossierResponse;
}

/** GET /api/proposals/:id: the proposal with what the caller may do with its dossier. */
export class ProposalDetailResponse extends ProposalViewResponse implements ProposalDetailBody {
  // `required` spelled out: the base class's optional `dossier` would otherwise be inherited as optional.
  @ApiProperty({ type: DossierResponse, required: true, description: 'What you may do with the dossier now' })
  override dossier!: DossierResponse;

  @ApiProperty({
    type: [FindingResponse],
    description:
      "What ND-1 (Decree 152/2025/NĐ-CP Art. 4) would refuse at the proposal's next step today: the nominee's open matters, " +
      'asked live. Empty once the proposal has ended (awarded, awardedByUnit, rejected, withdrawn) and while nothing is open. ' +
      'Advice only: the step itself is judged again when it is sent.',
  })
  blockers!: FindingResponse[];
}

export class ProposalPageResponse implements Page<ProposalViewBody> {
  @ApiProperty({ type: [ProposalViewResponse] })
  items!: ProposalViewResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/** One line of the hash-chained log, exactly as it was sealed. */
export class HistoryEventResponse implements HistoryEventBody {
  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty({ example: 'SUBMIT', description: 'A machine event, or a dossier or migration line (DOCUMENT_ATTACHED, MIGRATED, …)' })
  type!: string;

  @ApiProperty({ type: ActorResponse })
  actor!: ActorResponse;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's own fields (reason, vote, decision, changes, …)" })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: 'integer' })
  machineVersion!: number;

  @ApiProperty({ description: 'The stage after this line' })
  state!: string;

  @ApiProperty({ description: 'SHA-256 of the line before (hex)' })
  prevHash!: string;

  @ApiProperty({ description: 'SHA-256 of this line (hex)' })
  hash!: string;
}

export class HistoryResponse implements HistoryBody {
  @ApiProperty({ type: [HistoryEventResponse] })
  events!: HistoryEventResponse[];
}

export type ProposalsMirror = [
  Holds<SameFields<ProposalDeadlineResponse, ProposalDeadlineBody>>,
  Holds<SameFields<DossierRequirementResponse, DossierRequirementBody>>,
  Holds<SameFields<DossierResponse, DossierBody>>,
  Holds<SameFields<ProposalViewResponse, ProposalViewBody>>,
  Holds<SameFields<ProposalDetailResponse, ProposalDetailBody>>,
  Holds<SameFields<ProposalPageResponse, Page<ProposalViewBody>>>,
  Holds<SameFields<HistoryEventResponse, HistoryEventBody>>,
  Holds<SameFields<HistoryResponse, HistoryBody>>,
];
