import type { UnitRecord } from '../proposal.records.js';

export abstract class UnitRepository {
  /** Fails with DUPLICATE when the code is taken. */
  abstract create(unit: UnitRecord): Promise<void>;
  abstract findById(id: string): Promise<UnitRecord | null>;
  abstract list(): Promise<UnitRecord[]>;
}
