import { UNIT_ROLES } from '#kernel';
import type { Audience } from './notice.records.js';

/**
 * Where e-mail goes, from NOTICE_EMAILS: keys are a provincial role (`home_affairs`, `chairman`,
 * `vice_chairman`) or a unit role with the unit's code (`unit_head@SO-YTE`, `drafter@SO-YTE`); values are lists
 * of addresses. There is no user directory, so an audience with no key gets no e-mail (it still has the inbox).
 */
export class EmailDirectory {
  constructor(private readonly addresses: Readonly<Record<string, readonly string[]>>) {}

  /** Each address once, however many of the audiences list it: one message per recipient. */
  addressesFor(audiences: readonly Audience[], unitCode: string | null): string[] {
    const found = new Map<string, string>();
    for (const audience of audiences) {
      const key = UNIT_ROLES.includes(audience.role) ? (unitCode ? `${audience.role}@${unitCode}` : null) : audience.role;
      for (const address of (key && this.addresses[key]) || []) {
        const normalised = address.trim().toLowerCase();
        if (!found.has(normalised)) found.set(normalised, address.trim());
      }
    }
    return [...found.values()];
  }
}
