import type { UnitBody } from '#contracts';
import type { ApiClient } from '../../api/api-client.js';
import { useResource, type Resource } from '../../api/use-resource.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { unitNameOnDay, type NamedUnit } from './listed-unit-name.js';
import { UNITS_MESSAGES } from './units.messages.js';

/**
 * Every unit, asked once for the life of the page (GET /api/units answers each with its history and what it is
 * now): a list of fifty people of thirty units sends one request, not thirty. A unit the list does not hold
 * (created since) is asked for alone and kept. A failed request is forgotten, so that the next render asks again.
 */
let directory: Promise<Map<string, UnitBody>> | null = null;
const strays = new Map<string, Promise<UnitBody>>();

function loadDirectory(api: ApiClient): Promise<Map<string, UnitBody>> {
  if (!directory) {
    const entry = api.get<{ items: UnitBody[] }>('/api/units').then(({ items }) => new Map(items.map((unit) => [unit.id, unit])));
    entry.catch(() => {
      if (directory === entry) directory = null;
    });
    directory = entry;
  }
  return directory;
}

function loadOne(api: ApiClient, unitId: string): Promise<UnitBody> {
  let entry = strays.get(unitId);
  if (!entry) {
    entry = api.get<UnitBody>(`/api/units/${encodeURIComponent(unitId)}`);
    entry.catch(() => strays.delete(unitId));
    strays.set(unitId, entry);
  }
  return entry;
}

export function loadUnit(api: ApiClient, unitId: string): Promise<UnitBody> {
  return loadDirectory(api).then(
    (units) => units.get(unitId) ?? loadOne(api, unitId),
    () => loadOne(api, unitId),
  );
}

/** One unit from the shared directory, for a page that shows more of it than its name. */
export function useUnit(unitId: string | null | undefined): Resource<UnitBody | null> {
  const api = useApi();
  return useResource(() => (unitId ? loadUnit(api, unitId) : Promise.resolve(null)), `unit:${unitId ?? ''}`);
}

/** After a unit changed (the units page recorded a change), or between tests: the next name asks again. */
export function forgetUnitNames(): void {
  directory = null;
  strays.clear();
}

/**
 * A unit's name as it was on `on` (YYYY-MM-DD; today when left out), and, when the unit has since been
 * merged, dissolved or renamed, what it is now (docs/units.md): "Huyện Nghi Lộc (nay là Xã Nghi Lộc, sáp nhập
 * từ 01/07/2025)". While loading, or if the unit cannot be read, it shows nothing the user could mistake for
 * a name.
 */
export function UnitName({ unitId, on }: { unitId: string; on?: string }) {
  const unit = useUnit(unitId);
  if (!unit.data) return <span className="unit-name" aria-busy={unit.loading || undefined} />;
  return <UnitNameOf unit={unit.data} on={on} />;
}

/** The name of a unit already at hand (the units page holds them all), read as <UnitName> reads it. */
export function UnitNameOf({ unit, on }: { unit: NamedUnit; on?: string }) {
  const { lang } = useLang();
  const t = useT(UNITS_MESSAGES);
  const { name, notes } = unitNameOnDay(unit, on, {
    nowIs: t.nowIs,
    mergedSince: (day) => t.mergedSince(formatDay(day, lang)),
    dissolvedSince: (day) => t.dissolvedSince(formatDay(day, lang)),
  });
  return (
    <span className="unit-name" data-unit-id={unit.id}>
      {name}
      {notes.length > 0 && <span className="unit-name__now"> ({notes.join(', ')})</span>}
    </span>
  );
}
