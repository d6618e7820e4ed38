import type { UnitBody } from '#contracts';
import { nameOnDay } from './unit-history.js';

/** What a unit's name is read from: a server from before units had histories answers without the optional parts. */
export type NamedUnit = Pick<UnitBody, 'id' | 'name'> & Partial<Pick<UnitBody, 'history' | 'current' | 'dissolvedOn' | 'successorId'>>;

/**
 * The words of the notes after a name, in the page's language. `nowIs` is always said when the unit is now
 * called otherwise or is part of another; the end of the unit (merged or dissolved since a day, YYYY-MM-DD) only
 * when the caller words it, as <UnitName> does and the print list does not.
 */
export interface UnitNameWords {
  nowIs(name: string): string;
  mergedSince?(day: string): string;
  dissolvedSince?(day: string): string;
}

/**
 * A unit's name on `on` (YYYY-MM-DD; its name today when left out) and the notes that say what it is now
 * (docs/units.md): for "Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập từ 01/07/2025)", name "Huyện Nghi Lộc"
 * and notes ["nay là Xã Nghi Lộc", "sáp nhập từ 01/07/2025"]. The one reading of <UnitName>, the units page
 * and the print list.
 */
export function unitNameOnDay(unit: NamedUnit, on: string | undefined, words: UnitNameWords): { name: string; notes: string[] } {
  // A server from before units had histories answers without them: the unit is then what it is.
  const name = on ? nameOnDay({ name: unit.name, history: unit.history ?? [] }, on) : unit.name;
  const current = unit.current ?? { id: unit.id, name: unit.name };
  const notes: string[] = [];
  if (current.id !== unit.id || current.name !== name) notes.push(words.nowIs(current.name));
  if (unit.dissolvedOn) {
    const ended = unit.successorId ? words.mergedSince : words.dissolvedSince;
    if (ended) notes.push(ended(unit.dissolvedOn));
  }
  return { name, notes };
}

/**
 * A unit as a list of proposals names it (docs/documents.md, as the server's .xlsx export does in
 * libs/proposals document-unit-name.policy.ts): its name on the proposal's creation day and, when the unit is
 * now called otherwise or is part of another, what it is now (`current`, named as today by the server):
 * "Huyện Cao Lộc (nay là Xã Cao Lộc)". `nowIs` words the note in the page's language.
 */
export function listedUnitName(unit: NamedUnit, createdOn: string, nowIs: (name: string) => string): string {
  const { name, notes } = unitNameOnDay(unit, createdOn, { nowIs });
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}
