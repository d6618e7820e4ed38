import type { UnitBody } from '#contracts';
import type { ApiClient } from '../../api/api-client.js';
import { useResource } from '../../api/use-resource.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { nameOnDay } from './unit-history.js';
import { UNITS_MESSAGES } from './units.messages.js';

/**
 * One request per unit for the life of the page: a list of fifty proposals of three units asks three times.
 * A failed request is forgotten, so that the next render asks again.
 */
const cache = new Map<string, Promise<UnitBody>>();

export function loadUnit(api: ApiClient, unitId: string): Promise<UnitBody> {
  let entry = cache.get(unitId);
  if (!entry) {
    entry = api.get<UnitBody>(`/api/units/${encodeURIComponent(unitId)}`);
    entry.catch(() => cache.delete(unitId));
    cache.set(unitId, entry);
  }
  return entry;
}

/** After a unit changed (the units page recorded a change), or between tests. */
export function forgetUnitNames(unitId?: string): void {
  if (unitId) cache.delete(unitId);
  else cache.clear();
}

/**
 * A unit's name as it was on `on` (YYYY-MM-DD; today when left out), and, when the unit has since been
 * merged, dissolved or renamed, what it is now (docs/units.md): "Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập
 * từ 01/07/2025)". While loading, or if the unit cannot be read, it shows nothing the user could mistake for
 * a name.
 */
export function UnitName({ unitId, on }: { unitId: string; on?: string }) {
  const api = useApi();
  const { lang } = useLang();
  const t = useT(UNITS_MESSAGES);
  const unit = useResource(() => loadUnit(api, unitId), unitId);
  if (!unit.data) return <span className="unit-name" aria-busy={unit.loading || undefined} />;
  const data = unit.data;
  const then = on ? nameOnDay(data, on) : data.name;
  const notes: string[] = [];
  // A server from before units had histories answers without `current`: the unit is then what it is.
  const current = data.current ?? { id: data.id, name: data.name };
  if (current.id !== data.id || current.name !== then) notes.push(t.nowIs(current.name));
  if (data.dissolvedOn) notes.push(data.successorId ? t.mergedSince(formatDay(data.dissolvedOn, lang)) : t.dissolvedSince(formatDay(data.dissolvedOn, lang)));
  return (
    <span className="unit-name" data-unit-id={data.id}>
      {then}
      {notes.length > 0 && <span className="unit-name__now"> ({notes.join(', ')})</span>}
    </span>
  );
}
