import { machineFor } from './machine-registry.js';
import type { ProposalState, StoredSnapshot } from './proposal.types.js';

/**
 * One step up, from the version it is keyed under to the next. A step never moves the stage: a migrated
 * proposal waits where it waited, on the new rules. Replay runs the same steps when it meets a MIGRATED line,
 * so a step, once shipped, is as frozen as the machine versions it joins.
 */
const UPGRADES: ReadonlyMap<number, (stored: StoredSnapshot) => StoredSnapshot> = new Map([
  [1, (stored: StoredSnapshot) => ({ value: stored.value, context: { ...stored.context, supplementRequests: 0 } })],
]);

/**
 * The snapshot a proposal stored under `fromVersion` has under `toVersion`, going through every version in
 * between. Pure: the caller logs the MIGRATED event and writes the row. A downgrade, an unregistered version or
 * a gap without an upgrade step is an error, never a silent copy.
 */
export function upgradeSnapshot(stored: StoredSnapshot, fromVersion: number, toVersion: number): StoredSnapshot {
  machineFor(fromVersion);
  machineFor(toVersion);
  if (toVersion < fromVersion) {
    throw new Error(`Proposal machine version ${fromVersion} cannot be migrated down to ${toVersion}`);
  }
  let upgraded = stored;
  for (let version = fromVersion; version < toVersion; version++) {
    const upgrade = UPGRADES.get(version);
    if (!upgrade) throw new Error(`No migration from proposal machine version ${version} to ${version + 1}`);
    upgraded = upgrade(upgraded);
  }
  return upgraded;
}

/**
 * Whether a proposal in `state` on `fromVersion` can move to `toVersion`: only open proposals, because a
 * final one has nothing left to decide and its log should end where its decision was made. The target must
 * know the stage too, so the proposal can go on from it.
 */
export function canMigrate(state: ProposalState, fromVersion: number, toVersion: number): boolean {
  if (toVersion <= fromVersion) return false;
  const hasUpgradePath = Array.from({ length: toVersion - fromVersion }, (_, i) => fromVersion + i).every((version) =>
    UPGRADES.has(version),
  );
  if (!hasUpgradePath) return false;
  const from = machineFor(fromVersion);
  const to = machineFor(toVersion);
  const stateNode = from.states[state];
  return stateNode !== undefined && stateNode.type !== 'final' && state in to.states;
}
