import type { ProposalState } from '#workflows/proposal';
import { EVENT_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import type { Lang } from '../../i18n/i18n.js';

/**
 * The log is untrusted text: a type or state the console has no name for (an edited line, a newer machine)
 * is shown as written rather than hidden.
 */
export function eventName(lang: Lang, type: string): string {
  return (EVENT_NAMES[lang] as Record<string, string>)[type] ?? type;
}

export function stateName(lang: Lang, state: string | null): string {
  if (state === null) return '—';
  return (STATE_NAMES[lang] as Record<string, string>)[state] ?? state;
}

/** Narrows what the log says to a state the diagram can draw, or null when it is none it knows. */
export function knownState(state: string | null): ProposalState | null {
  return state !== null && Object.hasOwn(STATE_NAMES.vi, state) ? (state as ProposalState) : null;
}
