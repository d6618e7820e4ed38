import { useRef } from 'react';
import type { MachineGraph } from '../../api/api-types.js';
import { useResource, type Resource } from '../../api/use-resource.js';
import { useApi } from '../../session/session.js';

/**
 * The graph of one machine version. A definition never changes once released, so each version is fetched
 * once per screen however often the slider crosses a migration back and forth.
 */
export function useMachineGraph(version: number | null): Resource<MachineGraph | null> {
  const api = useApi();
  const cache = useRef(new Map<number, MachineGraph>());
  return useResource(async (signal) => {
    if (version === null) return null;
    const known = cache.current.get(version);
    if (known) return known;
    const graph = await api.get<MachineGraph>(`/api/machines/${version}`, undefined, signal);
    cache.current.set(version, graph);
    return graph;
  }, `machine:${version ?? 'none'}`);
}
