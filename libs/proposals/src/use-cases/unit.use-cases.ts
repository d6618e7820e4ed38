import { randomUUID } from 'node:crypto';
import { today } from '#calendar';
import type { ClusterKind, UnitBody, UnitType } from '#contracts';
import { Clock, DomainError, type Actor } from '#kernel';
import { refuseIfAny } from '../input-windows.policy.js';
import { UnitRepository } from '../ports/unit.repository.js';
import type { ClusterRecord, UnitRecord } from '../proposal.records.js';
import {
  applyChange,
  assertUnitChangeable,
  changeProblems,
  clusterOn,
  currentUnitOf,
  defaultUnitType,
  nameOn,
  typeOn,
  type UnitChangeRequest,
} from '../unit-history.policy.js';

/** A unit as the API shows it: its name today, and what it is now (the end of its merges). */
export type UnitView = UnitBody;

export class UnitUseCases {
  constructor(
    private readonly units: UnitRepository,
    private readonly clock: Clock,
  ) {}

  /** A unit registered without a type gets the one its name begins with (Sở …, Xã …, Phường …), or 'khac'. */
  async create(input: { code: string; name: string; type?: UnitType; clusterId?: string | null }): Promise<UnitView> {
    if (input.clusterId && !(await this.units.findCluster(input.clusterId))) {
      throw new DomainError('NOT_FOUND', `Cluster ${input.clusterId} does not exist`, { field: 'clusterId' });
    }
    const unit: UnitRecord = {
      id: randomUUID(),
      code: input.code,
      name: input.name,
      type: input.type ?? defaultUnitType(input.name),
      clusterId: input.clusterId ?? null,
      dissolvedOn: null,
      successorId: null,
      history: [],
      createdAt: this.clock.now().toISOString(),
    };
    await this.units.create(unit);
    return this.view(unit, new Map([[unit.id, unit]]));
  }

  async list(): Promise<UnitView[]> {
    const all = await this.units.list();
    const byId = new Map(all.map((unit) => [unit.id, unit]));
    return all.map((unit) => this.view(unit, byId));
  }

  async get(id: string): Promise<UnitView> {
    const unit = await this.units.findById(id);
    if (!unit) throw new DomainError('NOT_FOUND', `Unit ${id} does not exist`, { id });
    // Only a merged unit needs the others, to follow its chain to what it is now.
    const byId = unit.successorId ? new Map((await this.units.list()).map((u) => [u.id, u])) : new Map([[unit.id, unit]]);
    return this.view(unit, byId);
  }

  /**
   * Records a change (rename, merge into, dissolution, type or cluster change) effective from a day, citing
   * its document: judged and written in one transaction (docs/units.md).
   */
  async recordChange(actor: Actor, unitId: string, change: UnitChangeRequest): Promise<UnitView> {
    const day = today(this.clock);
    const at = this.clock.now().toISOString();
    // The units the change was judged against, as the transaction read them: the answer follows the chain of
    // merges in them instead of reading everything again.
    let judgedAgainst: ReadonlyMap<string, UnitRecord> = new Map();
    const next = await this.units.recordChange(unitId, (unit, units, clusters) => {
      judgedAgainst = units;
      assertUnitChangeable(unit);
      refuseIfAny(changeProblems(unit, change, { today: day, units, clusterExists: (id) => clusters.has(id) }));
      return applyChange(unit, change, { at, by: actor.id });
    });
    return this.view(next, new Map(judgedAgainst).set(next.id, next));
  }

  async createCluster(input: { name: string; kind: ClusterKind }): Promise<ClusterRecord> {
    const cluster: ClusterRecord = { id: randomUUID(), name: input.name, kind: input.kind, createdAt: this.clock.now().toISOString() };
    await this.units.createCluster(cluster);
    return cluster;
  }

  listClusters(): Promise<ClusterRecord[]> {
    return this.units.listClusters();
  }

  private view(unit: UnitRecord, byId: ReadonlyMap<string, UnitRecord>): UnitView {
    const day = today(this.clock);
    const current = currentUnitOf(unit, byId);
    return {
      id: unit.id,
      code: unit.code,
      // A rename recorded ahead of its day shows from that day on.
      name: nameOn(unit, day),
      type: typeOn(unit, day),
      clusterId: clusterOn(unit, day),
      dissolvedOn: unit.dissolvedOn,
      successorId: unit.successorId,
      current: { id: current.id, name: nameOn(current, day) },
      history: unit.history,
      createdAt: unit.createdAt,
    };
  }
}
