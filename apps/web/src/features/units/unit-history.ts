import type { ClusterBody, UnitBody, UnitHistoryEntry } from '#contracts';
import { formatDay, type Lang } from '../../i18n/i18n.js';
import { CLUSTER_KIND_NAMES, UNIT_TYPE_NAMES, UNITS_MESSAGES } from './units.messages.js';

/**
 * A unit's name on a day, read from its history as the server does (libs/proposals unit-history.policy.ts,
 * docs/units.md): the first rename effective after that day still holds the name before it. `history` is
 * oldest first; the latest name is the last rename's (or the unit's own when it was never renamed).
 */
export function nameOnDay(unit: Pick<UnitBody, 'name' | 'history'>, day: string): string {
  const renames = unit.history.filter((entry) => entry.kind === 'renamed');
  const later = renames.find((entry) => entry.from > day);
  if (later) return later.previousName ?? unit.name;
  return renames.at(-1)?.name ?? unit.name;
}

export interface Directory {
  units: ReadonlyMap<string, UnitBody>;
  clusters: ReadonlyMap<string, ClusterBody>;
}

/** "Từ 01/07/2025: sáp nhập vào Xã Nghi Lộc theo Nghị quyết số 1678/NQ-UBTVQH15 ngày 16/06/2025". */
export function describeEntry(entry: UnitHistoryEntry, directory: Directory, lang: Lang): string {
  const t = UNITS_MESSAGES[lang];
  const clusterName = (id: string | null) => {
    if (!id) return t.none.toLowerCase();
    const cluster = directory.clusters.get(id);
    return cluster ? `${CLUSTER_KIND_NAMES[lang][cluster.kind]} ${cluster.name}` : t.anotherUnit;
  };
  let what: string;
  switch (entry.kind) {
    case 'renamed':
      what = t.renamed(entry.name ?? '', entry.previousName ?? '');
      break;
    case 'merged_into': {
      const successor = entry.successorId ? directory.units.get(entry.successorId) : undefined;
      what = t.mergedInto(successor ? nameOnDay(successor, entry.from) : t.anotherUnit);
      break;
    }
    case 'dissolved':
      what = t.dissolved;
      break;
    case 'type_changed':
      what = t.typeChanged(UNIT_TYPE_NAMES[lang][entry.previousType ?? 'khac'], UNIT_TYPE_NAMES[lang][entry.type ?? 'khac']);
      break;
    case 'cluster_changed':
      what = t.clusterChanged(clusterName(entry.clusterId), clusterName(entry.previousClusterId));
      break;
  }
  const document = t.byDocument(entry.document.kind ?? t.defaultDocument, entry.document.ref, formatDay(entry.document.issuedAt, lang));
  return `${t.since(formatDay(entry.from, lang))}: ${what} ${document}`;
}
