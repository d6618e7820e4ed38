import type { AuditedEvent, AuditedEventRow } from './audit-log.port.js';

/** Distinct actor texts remembered at most; past that the memory starts again, so a walk's memory stays flat. */
const ACTORS_REMEMBERED = 4_096;

/**
 * Events from their stored rows, for walks over the whole log: each row's JSON columns parsed once. The same
 * few people act on thousands of proposals, so each distinct actor text is parsed once and its value shared by
 * the events that carry it (nothing in a walk writes to an event). A value depends on its text alone, so the
 * events are exactly those `events()` maps.
 */
export class EventRowDecoder {
  private readonly actors = new Map<string, unknown>();

  decode(row: AuditedEventRow): AuditedEvent {
    let actor = this.actors.get(row.actorJson);
    if (actor === undefined) {
      actor = JSON.parse(row.actorJson) as unknown;
      if (this.actors.size >= ACTORS_REMEMBERED) this.actors.clear();
      this.actors.set(row.actorJson, actor);
    }
    return {
      proposalId: row.proposalId,
      seq: row.seq,
      type: row.type,
      actor,
      at: row.at,
      payload: JSON.parse(row.payloadJson) as unknown,
      machineVersion: row.machineVersion,
      state: row.state,
      prevHash: row.prevHash,
      hash: row.hash,
    };
  }

  decodePage(rows: readonly AuditedEventRow[]): AuditedEvent[] {
    const events = new Array<AuditedEvent>(rows.length);
    for (let index = 0; index < rows.length; index++) events[index] = this.decode(rows[index]);
    return events;
  }
}
