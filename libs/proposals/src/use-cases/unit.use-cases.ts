import { randomUUID } from 'node:crypto';
import { Clock, DomainError } from '#kernel';
import { UnitRepository } from '../ports/unit.repository.js';
import type { UnitRecord } from '../proposal.records.js';

export class UnitUseCases {
  constructor(
    private readonly units: UnitRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: { code: string; name: string }): Promise<UnitRecord> {
    const unit: UnitRecord = { id: randomUUID(), code: input.code, name: input.name, createdAt: this.clock.now().toISOString() };
    await this.units.create(unit);
    return unit;
  }

  list(): Promise<UnitRecord[]> {
    return this.units.list();
  }

  async get(id: string): Promise<UnitRecord> {
    const unit = await this.units.findById(id);
    if (!unit) throw new DomainError('NOT_FOUND', `Unit ${id} does not exist`, { id });
    return unit;
  }
}
