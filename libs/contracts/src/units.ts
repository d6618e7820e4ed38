/**
 * The units of the province (docs/units.md). Since 1 July 2025 local government has two levels: a province's
 * units are its departments and agencies (sở, ban, ngành) and its communes, wards and special zones (xã,
 * phường, đặc khu); the districts (cấp huyện) were dissolved and merged into them. A unit keeps its history, so
 * that an old proposal of a former district still reads with the name it had then and says what it is now.
 */

/** What kind of unit: a department or agency, a commune, a ward, a special zone, a former district, another. */
export const UNIT_TYPES = ['so_ban_nganh', 'xa', 'phuong', 'dac_khu', 'huyen_cu', 'khac'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** An emulation cluster (cụm thi đua) or bloc (khối thi đua): the units that compete with one another. */
export const CLUSTER_KINDS = ['cum', 'khoi'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export interface ClusterBody {
  id: string;
  name: string;
  kind: ClusterKind;
  createdAt: string;
}

/** POST /api/clusters (admin). */
export interface CreateClusterBody {
  name: string;
  kind: ClusterKind;
}

/** What a history entry records. A merge ends the unit (it is dissolved into its successor) as a dissolution does. */
export const UNIT_CHANGE_KINDS = ['renamed', 'merged_into', 'dissolved', 'type_changed', 'cluster_changed'] as const;
export type UnitChangeKind = (typeof UNIT_CHANGE_KINDS)[number];

/** The document a change stands on: its number and symbol (số/ký hiệu), its date, and what it is (Nghị quyết, Quyết định). */
export interface UnitChangeDocument {
  ref: string;
  issuedAt: string;
  /** "Nghị quyết", "Quyết định", …; null: "văn bản". */
  kind: string | null;
}

/**
 * One change in a unit's life, effective from a day (`from`, YYYY-MM-DD) and citing its document. The fields
 * a kind does not use are null: `name`/`previousName` for renamed, `successorId` for merged_into,
 * `type`/`previousType` for type_changed, `clusterId`/`previousClusterId` for cluster_changed.
 */
export interface UnitHistoryEntry {
  seq: number;
  kind: UnitChangeKind;
  from: string;
  document: UnitChangeDocument;
  name: string | null;
  previousName: string | null;
  successorId: string | null;
  type: UnitType | null;
  previousType: UnitType | null;
  clusterId: string | null;
  previousClusterId: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** A unit (a department, a commune, a ward, a former district) that drafts proposals. */
export interface UnitBody {
  id: string;
  code: string;
  /** Its name today (after every rename recorded). */
  name: string;
  type: UnitType;
  clusterId: string | null;
  /** The day it stopped existing (dissolved, or merged into `successorId`); null while it exists. */
  dissolvedOn: string | null;
  /** The unit it was merged into; null unless merged. */
  successorId: string | null;
  /**
   * What it is now: the end of the chain of merges (itself when never merged), with that unit's name today.
   * An old proposal of a former district reads "nay là {current.name}".
   */
  current: { id: string; name: string };
  /** Its changes, oldest first. */
  history: UnitHistoryEntry[];
  createdAt: string;
}

/** POST /api/units (admin). */
export interface CreateUnitBody {
  code: string;
  name: string;
  type?: UnitType;
  clusterId?: string | null;
}

/** POST /api/units/:id/changes (admin): one change; the fields its kind needs, nothing else. */
export interface UnitChangeRequestBody {
  kind: UnitChangeKind;
  from: string;
  document: UnitChangeDocument | { ref: string; issuedAt: string; kind?: string | null };
  name?: string;
  successorId?: string;
  type?: UnitType;
  clusterId?: string | null;
}
