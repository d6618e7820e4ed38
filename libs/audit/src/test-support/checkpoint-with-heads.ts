/**
 * Test support only (never exported from the barrel, excluded from the build): a checkpoint with the heads it
 * handed out a page at a time gathered, for specs that look at them or verify against them.
 */
import type { AuditLog } from '../audit-log.port.js';
import { createCheckpoint, type CreateCheckpointOptions } from '../checkpoint.js';
import type { CheckpointHead } from '../merkle.js';

export async function checkpointWithHeads(auditLog: AuditLog, options: Omit<CreateCheckpointOptions, 'onHeads'>) {
  const heads: CheckpointHead[] = [];
  const { checkpoint } = await createCheckpoint(auditLog, { ...options, onHeads: async (page) => void heads.push(...page) });
  return { checkpoint, heads };
}
