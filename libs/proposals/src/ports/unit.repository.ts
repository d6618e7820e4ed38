import type { UnitHistoryEntry } from '#contracts';
import type { ClusterRecord, UnitRecord } from '../proposal.records.js';

/** A unit as its row stands today (latest name, type, cluster; whether and into what it was merged), without its history. */
export type UnitHead = Omit<UnitRecord, 'history'>;

/**
 * The units, their history and the emulation clusters (docs/units.md). A province has a few hundred units, so
 * `list` reads them all with their history: a unit's successor chain and the names on a day are read in memory.
 */
export abstract class UnitRepository {
  /** Fails with DUPLICATE when the code is taken. */
  abstract create(unit: UnitRecord): Promise<void>;
  abstract findById(id: string): Promise<UnitRecord | null>;
  /**
   * The unit without its history, in one read: for a caller that needs only what the unit is today (whether it
   * exists, was dissolved or merged, its current name), such as drafting a proposal.
   */
  abstract findHead(id: string): Promise<UnitHead | null>;
  abstract list(): Promise<UnitRecord[]>;

  /**
   * Records one change inside a transaction that holds the unit: `decide` gets the unit and every unit as they
   * are in that transaction, and returns the entry to append and the unit after it (or throws, and nothing is
   * written). Fails with NOT_FOUND when the unit is not there.
   */
  abstract recordChange(
    unitId: string,
    decide: (unit: UnitRecord, units: ReadonlyMap<string, UnitRecord>, clusters: ReadonlySet<string>) => { entry: UnitHistoryEntry; next: UnitRecord },
  ): Promise<UnitRecord>;

  /** Fails with DUPLICATE when the name is taken. */
  abstract createCluster(cluster: ClusterRecord): Promise<void>;
  abstract listClusters(): Promise<ClusterRecord[]>;
  abstract findCluster(id: string): Promise<ClusterRecord | null>;
}
