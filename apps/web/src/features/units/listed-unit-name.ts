import type { UnitBody } from '#contracts';
import { nameOnDay } from './unit-history.js';

/**
 * A unit as a list of proposals names it (docs/documents.md, as the server's .xlsx export does in
 * libs/proposals document-unit-name.policy.ts): its name on the proposal's creation day and, when the unit is
 * now called otherwise or is part of another, what it is now (`current`, named as today by the server):
 * "Huyện Cao Lộc (nay là Xã Cao Lộc)". `nowIs` words the note in the page's language.
 */
export function listedUnitName(
  unit: Pick<UnitBody, 'id' | 'name'> & Partial<Pick<UnitBody, 'history' | 'current'>>,
  createdOn: string,
  nowIs: (name: string) => string,
): string {
  // A server from before units had histories answers without them: the unit is then what it is.
  const then = nameOnDay({ name: unit.name, history: unit.history ?? [] }, createdOn);
  const current = unit.current ?? { id: unit.id, name: unit.name };
  return current.id === unit.id && current.name === then ? then : `${then} (${nowIs(current.name)})`;
}
