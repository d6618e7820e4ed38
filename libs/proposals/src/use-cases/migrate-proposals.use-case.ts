import { Clock, DomainError, type Actor } from '#kernel';
import {
  canMigrate,
  CURRENT_MACHINE_VERSION,
  MACHINE_VERSIONS,
  MIGRATED_EVENT,
  restore,
  upgradeSnapshot,
  type MigratedPayload,
} from '#workflows/proposal';
import { ProposalRepository, type ProposalWriteTx } from '../ports/proposal.repository.js';
import type { ProposalRecord } from '../proposal.records.js';
import { sealNextLine } from '../proposal-log.js';

export type MigrationOutcome = 'migrated' | 'already' | 'final' | 'not_found';

/** What became of one proposal: the version it was on and the one it is on now (the same unless migrated). */
export interface MigrationResult {
  id: string;
  outcome: MigrationOutcome;
  fromVersion?: number;
  toVersion?: number;
}

/** Another command moving the same proposal between our read and our write: the next attempt reads it again. */
const ATTEMPTS_PER_PROPOSAL = 3;

/**
 * Moves open proposals onto a newer machine version, so that they get its stages (e.g. asking for missing
 * documents) without starting over. Each proposal moves in its own transaction with a MIGRATED line in its
 * chain, logged under the new version with the stage unchanged, so that replay switches machines exactly
 * there and re-derives the upgraded snapshot with `upgradeSnapshot`. Decided proposals stay on the version
 * they were decided under.
 */
export class MigrateProposalsUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, ids: string[], toVersion: number = CURRENT_MACHINE_VERSION): Promise<MigrationResult[]> {
    // An auditor changes nothing, even one who is also an administrator (the HTTP guard says the same).
    if (!actor.roles.includes('admin') || actor.roles.includes('auditor')) {
      throw new DomainError('FORBIDDEN', 'Only an administrator who is not an auditor may migrate proposals to another machine version');
    }
    if (!MACHINE_VERSIONS.includes(toVersion)) {
      throw new DomainError('VALIDATION_FAILED', `No proposal machine version ${toVersion} is registered`, {
        errors: [{ field: 'toVersion', message: `one of ${MACHINE_VERSIONS.join(', ')}` }],
      });
    }
    const results: MigrationResult[] = [];
    // One after the other: each is a short transaction, and a failure leaves the ones before it committed.
    for (const id of ids) results.push(await this.migrateOne(actor, id, toVersion));
    return results;
  }

  private async migrateOne(actor: Actor, id: string, toVersion: number): Promise<MigrationResult> {
    for (let attempt = 1; attempt <= ATTEMPTS_PER_PROPOSAL; attempt++) {
      const result = await this.proposals.transaction((tx) => this.tryMigrate(tx, actor, id, toVersion));
      if (result) return result;
    }
    throw new DomainError('VERSION_CONFLICT', `Proposal ${id} kept changing while it was being migrated; try again`, { id });
  }

  /** The result, or null when another command changed the proposal between the load and the write. */
  private async tryMigrate(tx: ProposalWriteTx, actor: Actor, id: string, toVersion: number): Promise<MigrationResult | null> {
    const current = await tx.load(id);
    if (!current) return { id, outcome: 'not_found' };
    const fromVersion = current.machineVersion;
    const unchanged = { id, fromVersion, toVersion: fromVersion };
    if (fromVersion >= toVersion) return { ...unchanged, outcome: 'already' };
    if (restore(fromVersion, current.snapshot).status === 'done') return { ...unchanged, outcome: 'final' };
    if (!canMigrate(current.state, fromVersion, toVersion)) {
      // Unreachable while every version keeps its predecessors' open stages and has an upgrade step.
      throw new Error(`Proposal ${id} in ${current.state} cannot move from machine version ${fromVersion} to ${toVersion}`);
    }

    const snapshot = upgradeSnapshot(current.snapshot, fromVersion, toVersion);
    const at = this.clock.now().toISOString();
    const payload = { fromVersion, toVersion } satisfies MigratedPayload;
    const logged = sealNextLine(current, { type: MIGRATED_EVENT, actor, at, payload, state: current.state, machineVersion: toVersion });
    const migrated: ProposalRecord = {
      ...current,
      snapshot,
      machineVersion: toVersion,
      // A new version: a client holding the old one would otherwise act on a list of allowed events that changed.
      version: current.version + 1,
      lastSeq: logged.seq,
      lastHash: logged.hash,
      updatedAt: at,
    };
    // No outbox row: the stage, the deadline and the escalation are as they were, so nobody is to be told
    // and no timer is to be moved.
    const won = await tx.advance(current, migrated, logged, []);
    return won ? { id, outcome: 'migrated', fromVersion, toVersion } : null;
  }
}
