import { addDays } from '#calendar';
import { existsOn, nameOn, successorChain, type UnitLike } from './unit-history.policy.js';

/**
 * How a generated document names the proposal's unit (docs/documents.md, "The unit's name on a document";
 * docs/units.md). A document is read as of its own day, never with today's registry:
 *
 * - the **tờ trình** is the unit's own submission: it carries the name the unit had the day it was sent
 *   (`sentNameOf`), even if the unit was renamed or merged since: it is a record of what was sent;
 * - the **quyết định** and the certificate name the unit as it was on the decision's date
 *   (`decisionNameOf`). A unit that no longer existed that day (merged from an earlier day) is named as the
 *   law's own texts name a body that has been reorganised: its last name, then what it now is, "Huyện Cao Lộc
 *   (nay là Xã Cao Lộc)" — the achievement was made in the old unit, so the old name must stay, and the
 *   reader must find the body that answers for it today. A unit's own decision after it ended is issued by
 *   the unit that exists that day (`issuingUnitOn`);
 * - the **list** (the .xlsx export and the print view) shows the name on the proposal's creation day, with
 *   "(nay là …)" when the unit is now called otherwise or is part of another (`listedNameOf`).
 *
 * Pure: the units come in as a map, the days as YYYY-MM-DD.
 */

/** The name a unit had on the last day it existed (the day before it was merged or dissolved), else on `day`. */
function lastNameBy(unit: UnitLike, day: string): string {
  if (existsOn(unit, day)) return nameOn(unit, day);
  return nameOn(unit, addDays(unit.dissolvedOn!, -1));
}

/**
 * The unit that existed on `day` along the unit's chain of merges: itself while it existed, else the unit it
 * was merged into (and so on). A unit dissolved without successor stays the one named.
 */
export function issuingUnitOn<U extends UnitLike>(unit: U, day: string, byId: ReadonlyMap<string, U>): U {
  for (const link of successorChain(unit, byId)) if (existsOn(link, day)) return link;
  return unit;
}

/** The tờ trình: the unit's name on the day it was sent (or, unsent, on the day it is printed). */
export const sentNameOf = (unit: UnitLike, sentOn: string): string => nameOn(unit, sentOn);

/**
 * The quyết định and the certificate: the unit's name on the decision's date; if the unit had been merged
 * before that day, "<its last name> (nay là <its successor's name on that day>)". A unit dissolved with no
 * successor keeps its last name alone: nothing took it over.
 */
export function decisionNameOf<U extends UnitLike>(unit: U, decidedOn: string, byId: ReadonlyMap<string, U>): string {
  if (existsOn(unit, decidedOn)) return nameOn(unit, decidedOn);
  const old = lastNameBy(unit, decidedOn);
  const heir = issuingUnitOn(unit, decidedOn, byId);
  if (heir.id === unit.id) return old;
  return `${old} (nay là ${lastNameBy(heir, decidedOn)})`;
}

/**
 * A row of the list: the name on the proposal's creation day, and "(nay là …)" with what the unit is today
 * (the end of its merges, named as today, the way `current` is in GET /api/units/:id) when that differs.
 */
export function listedNameOf<U extends UnitLike>(unit: U, createdOn: string, today: string, byId: ReadonlyMap<string, U>): string {
  const then = nameOn(unit, createdOn);
  const current = successorChain(unit, byId).at(-1)!;
  const now = nameOn(current, today);
  return current.id === unit.id && now === then ? then : `${then} (nay là ${now})`;
}
