import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type {
  ChainBreakBody,
  ChainBreakReason,
  CheckpointBreakBody,
  CheckpointBreakReason,
  CheckpointVerificationBody,
  ItemsBody,
  LogBreakBody,
  LogVerificationBody,
  ProposalReplayBody,
  ReplayContextBody,
  ReplayFailureBody,
  StoredCheckpointBody,
} from '#contracts';
import { CHECKPOINT_FILE_FORMAT, type CheckpointFile, type CheckpointHead } from '#audit';
import type { MigrationOutcome, MigrationResult } from '#proposals';
import type { Holds, SameFields } from '../contract-check.js';
import { CHAIN_BREAK_REASONS, CHECKPOINT_BREAK_REASONS, MIGRATION_OUTCOMES } from '../enums.js';

export class ReplayFailureResponse implements ReplayFailureBody {
  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty()
  message!: string;
}

/** The proposal as it was after event `seq` (or at instant `at`), and whether the record can be trusted. */
export class ProposalReplayResponse implements ProposalReplayBody {
  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ type: 'integer', description: 'The last event folded in; lower than asked when replay failed' })
  seq!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at!: string | null;

  @ApiProperty({ type: String, nullable: true })
  state!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The machine's context then (proposalId, escalation, late, lastReason, vote, decision, …)",
  })
  context!: ReplayContextBody | null;

  @ApiProperty({ type: 'integer', nullable: true })
  machineVersion!: number | null;

  @ApiProperty({ description: 'The hash chain up to `seq` is intact' })
  chainValid!: boolean;

  @ApiProperty({ description: 'Replaying the whole log gives the snapshot the row holds now' })
  matchesStored!: boolean;

  @ApiProperty({ type: 'integer', description: 'Events in the whole log' })
  events!: number;

  @ApiProperty({ type: ReplayFailureResponse, nullable: true })
  failure!: ReplayFailureResponse | null;
}

export class ChainBreakResponse implements ChainBreakBody {
  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty({ enum: CHAIN_BREAK_REASONS })
  reason!: ChainBreakReason;

  @ApiPropertyOptional()
  detail?: string;
}

type RecordedHead = NonNullable<CheckpointBreakBody['recorded']>;
type CurrentHead = NonNullable<CheckpointBreakBody['now']>;

export class RecordedHeadResponse implements RecordedHead {
  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty()
  hash!: string;
}

export class CurrentHeadResponse extends RecordedHeadResponse implements CurrentHead {
  @ApiProperty({ type: 'integer' })
  events!: number;
}

export class CheckpointBreakResponse implements CheckpointBreakBody {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when only the whole log can be blamed' })
  proposalId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  seq!: number | null;

  @ApiProperty({ enum: CHECKPOINT_BREAK_REASONS })
  reason!: CheckpointBreakReason;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ type: RecordedHeadResponse, nullable: true, description: 'The head the checkpoint signed' })
  recorded!: RecordedHeadResponse | null;

  @ApiProperty({ type: CurrentHeadResponse, nullable: true, description: 'What the log holds now' })
  now!: CurrentHeadResponse | null;
}

type CheckpointCounts = CheckpointVerificationBody['recorded'];

export class CheckpointCountsResponse implements CheckpointCounts {
  @ApiProperty({ type: 'integer' })
  proposals!: number;

  @ApiProperty({ type: 'integer' })
  events!: number;
}

/** The log held against a signed checkpoint. */
export class CheckpointVerificationResponse implements CheckpointVerificationBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  upTo!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: CheckpointCountsResponse, description: 'What the checkpoint signed' })
  recorded!: CheckpointCountsResponse;

  @ApiProperty()
  ok!: boolean;

  @ApiProperty()
  signatureValid!: boolean;

  @ApiProperty({ description: 'Checked under a key trusted here, not only the one the checkpoint names' })
  keyPinned!: boolean;

  @ApiProperty()
  merkleRootMatches!: boolean;

  @ApiProperty({ type: Boolean, nullable: true, description: 'null: no heads at hand to pin differences on a proposal' })
  headsMatchCheckpoint!: boolean | null;

  @ApiProperty({ type: 'integer', description: 'What the log holds now before `upTo`' })
  proposals!: number;

  @ApiProperty({ type: 'integer' })
  events!: number;

  @ApiProperty({ type: [CheckpointBreakResponse] })
  broken!: CheckpointBreakResponse[];

  @ApiProperty()
  truncated!: boolean;
}

/** GET /api/audit/verify. `broken` holds chain breaks and checkpoint differences (both schemas are in the document). */
export class LogVerificationResponse implements LogVerificationBody {
  @ApiProperty({ type: 'integer' })
  proposals!: number;

  @ApiProperty({ type: 'integer' })
  events!: number;

  @ApiProperty()
  ok!: boolean;

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(ChainBreakResponse) }, { $ref: getSchemaPath(CheckpointBreakResponse) }] },
    description: 'The first problem of each broken proposal, then how the log differs from the checkpoint',
  })
  broken!: LogBreakBody[];

  @ApiProperty({ description: 'More problems than the server lists (1,000)' })
  truncated!: boolean;

  @ApiPropertyOptional({
    type: CheckpointVerificationResponse,
    nullable: true,
    description: 'null: no checkpoint exists yet to compare with; absent: none was asked for (?checkpoint=none)',
  })
  checkpoint?: CheckpointVerificationResponse | null;
}

/** A signed checkpoint of the log. */
export class StoredCheckpointResponse implements StoredCheckpointBody {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'Events with `at` before this instant are covered' })
  upTo!: string;

  @ApiProperty({ type: 'integer' })
  proposals!: number;

  @ApiProperty({ type: 'integer' })
  events!: number;

  @ApiProperty()
  merkleRoot!: string;

  @ApiProperty({ enum: ['ed25519'] })
  algorithm!: 'ed25519';

  @ApiProperty({ description: 'SPKI public key, PEM' })
  publicKey!: string;

  @ApiProperty({ description: 'Base64 Ed25519 signature over the canonical JSON of the fields above except id' })
  signature!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CheckpointListResponse implements ItemsBody<StoredCheckpointBody> {
  @ApiProperty({ type: [StoredCheckpointResponse] })
  items!: StoredCheckpointResponse[];
}

export class CheckpointHeadResponse implements CheckpointHead {
  @ApiProperty({ format: 'uuid' })
  proposalId!: string;

  @ApiProperty({ type: 'integer' })
  seq!: number;

  @ApiProperty()
  hash!: string;
}

/** POST /api/audit/checkpoints: the file to keep off the server. */
export class CheckpointFileResponse implements CheckpointFile {
  @ApiProperty({ enum: [CHECKPOINT_FILE_FORMAT] })
  format!: typeof CHECKPOINT_FILE_FORMAT;

  @ApiProperty({ type: StoredCheckpointResponse })
  checkpoint!: StoredCheckpointResponse;

  @ApiProperty({ type: [CheckpointHeadResponse], description: 'The head of every proposal covered' })
  heads!: CheckpointHeadResponse[];
}

export class MigrationResultResponse implements MigrationResult {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MIGRATION_OUTCOMES })
  outcome!: MigrationOutcome;

  @ApiPropertyOptional({ type: 'integer' })
  fromVersion?: number;

  @ApiPropertyOptional({ type: 'integer' })
  toVersion?: number;
}

type MigrationResults = { results: MigrationResult[] };

/** POST /api/admin/proposals/migrate: what became of each proposal, in the order given. */
export class MigrationResultsResponse implements MigrationResults {
  @ApiProperty({ type: [MigrationResultResponse] })
  results!: MigrationResultResponse[];
}

export type AuditMirror = [
  Holds<SameFields<ReplayFailureResponse, ReplayFailureBody>>,
  Holds<SameFields<ProposalReplayResponse, ProposalReplayBody>>,
  Holds<SameFields<ChainBreakResponse, ChainBreakBody>>,
  Holds<SameFields<RecordedHeadResponse, RecordedHead>>,
  Holds<SameFields<CurrentHeadResponse, CurrentHead>>,
  Holds<SameFields<CheckpointBreakResponse, CheckpointBreakBody>>,
  Holds<SameFields<CheckpointCountsResponse, CheckpointCounts>>,
  Holds<SameFields<CheckpointVerificationResponse, CheckpointVerificationBody>>,
  Holds<SameFields<LogVerificationResponse, LogVerificationBody>>,
  Holds<SameFields<StoredCheckpointResponse, StoredCheckpointBody>>,
  Holds<SameFields<CheckpointListResponse, ItemsBody<StoredCheckpointBody>>>,
  Holds<SameFields<CheckpointHeadResponse, CheckpointHead>>,
  Holds<SameFields<CheckpointFileResponse, CheckpointFile>>,
  Holds<SameFields<MigrationResultResponse, MigrationResult>>,
  Holds<SameFields<MigrationResultsResponse, MigrationResults>>,
];
