import type { AuditedEvent } from './audit-log.port.js';
import { canonicalJson } from './canonical-json.js';

/**
 * Events as an auditor takes them away: NDJSON keeps every sealed field as it was hashed (re-verifiable line by
 * line), CSV flattens them for a spreadsheet.
 */

const FIELDS = ['proposalId', 'seq', 'type', 'actor', 'at', 'payload', 'machineVersion', 'state', 'prevHash', 'hash'] as const;

/**
 * One event as one JSON object and a newline. Fields keep a fixed order for people reading; nested values are
 * canonical JSON, so the same event always exports to the same bytes.
 */
export function toNdjsonLine(event: AuditedEvent): string {
  const members = FIELDS.map((field) => `${JSON.stringify(field)}:${canonicalJson(event[field])}`);
  return `{${members.join(',')}}\n`;
}

/** The header line (CRLF-terminated, as RFC 4180 has it); write it once, then one `toCsvRow` per event. */
export const CSV_HEADER =
  'proposalId,seq,type,actorId,actorRoles,actorUnitId,at,payload,machineVersion,state,prevHash,hash\r\n';

/** Prepend once to a file meant for Excel, which otherwise reads UTF-8 (Vietnamese names) as a legacy code page. */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

interface ActorColumns {
  id?: unknown;
  roles?: unknown;
  unitId?: unknown;
}

/** One event as one CSV record, CRLF-terminated. Roles are joined with `;`; the payload is canonical JSON. */
export function toCsvRow(event: AuditedEvent): string {
  const actor: ActorColumns = event.actor !== null && typeof event.actor === 'object' ? (event.actor as ActorColumns) : {};
  const cells = [
    textCell(event.proposalId),
    String(event.seq),
    textCell(event.type),
    textCell(actor.id),
    textCell(Array.isArray(actor.roles) ? actor.roles.join(';') : actor.roles),
    textCell(actor.unitId),
    textCell(event.at),
    textCell(canonicalJson(event.payload)),
    String(event.machineVersion),
    textCell(event.state),
    textCell(event.prevHash),
    textCell(event.hash),
  ];
  return `${cells.join(',')}\r\n`;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which some strip before looking) gets a
 * leading apostrophe: an actor's name or a reason is data, never code (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function textCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
