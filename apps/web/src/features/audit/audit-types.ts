/**
 * The audit API's answers as the console reads them: imported from libs/contracts (`#contracts`), which the
 * server's audit controller is held to, under the names the audit screens use.
 */
export type {
  BreakReason,
  CheckpointVerificationBody as CheckpointVerification,
  ExportFormat,
  ItemsBody,
  LogBreakBody as LogBreak,
  LogVerificationBody as LogVerification,
  ProposalReplayBody as ProposalReplayView,
  ReplayContextBody as ReplayContext,
  ReplayFailureBody as ReplayFailure,
  StoredCheckpointBody as StoredCheckpoint,
} from '#contracts';

import type { ItemsBody, StoredCheckpointBody } from '#contracts';

/** GET /api/audit/checkpoints. */
export type CheckpointList = ItemsBody<StoredCheckpointBody>;
