import { MIGRATED_EVENT } from '#workflows/proposal';
import { canonicalJson, jsonString } from './canonical-json.js';
import { DOCUMENT_ATTACHED, DOCUMENT_REMOVED } from './dossier-events.js';
import { CREATED_EVENT } from './proposal-replay.js';
import type { ChainedEventBody } from './chained-event-body.js';

/**
 * `canonicalJson` of a sealed event body, byte for byte, without sorting keys while it runs: the bodies have
 * fixed fields, and each event type's payload a known set of keys (workflows/proposal/proposal.types.ts and
 * the use cases that write them), so their sorted orders are worked out once, when this module loads.
 *
 * Exact by construction, not by hope: an object is encoded from its known key list only when every key it
 * has is on that list (in whatever order they came), and every other value (an unknown event type, an extra
 * or misspelled key, a value of another type than expected, an object that is not plain) goes through
 * `canonicalJson` itself. A key on the list is written only when the object has it and it is not undefined,
 * which is exactly what sorting the object's own keys would have written. The spec compares both encoders
 * over every kind of event the walks produce and over generated values.
 */
export function canonicalEventJson(body: ChainedEventBody): string {
  const { actor, at, machineVersion, payload, proposalId, seq, state, type } = body;
  // canonicalJson drops an undefined member; no stored row has one, so it is left to the reference.
  if (
    actor === undefined ||
    at === undefined ||
    machineVersion === undefined ||
    payload === undefined ||
    proposalId === undefined ||
    seq === undefined ||
    state === undefined ||
    type === undefined
  ) {
    return canonicalJson({ proposalId, seq, type, actor, at, payload, machineVersion, state });
  }
  const encodePayload = typeof type === 'string' ? PAYLOADS.get(type) ?? canonicalJson : canonicalJson;
  return (
    `{"actor":${encodeActor(actor)},"at":${text(at)},"machineVersion":${number(machineVersion)},` +
    `"payload":${encodePayload(payload)},"proposalId":${text(proposalId)},"seq":${number(seq)},` +
    `"state":${text(state)},"type":${text(type)}}`
  );
}

type Encoder = (value: unknown) => string;

const text: Encoder = (value) => (typeof value === 'string' ? jsonString(value) : canonicalJson(value));
const number: Encoder = canonicalJson;
const any: Encoder = canonicalJson;

function listOf(item: Encoder): Encoder {
  return (value) => {
    if (!Array.isArray(value)) return canonicalJson(value);
    let encoded = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) encoded += ',';
      const element: unknown = value[index];
      // As canonicalJson (and JSON.stringify) write a hole or an undefined element.
      encoded += element === undefined ? 'null' : item(element);
    }
    return `${encoded}]`;
  };
}

/** Objects with up to this many known keys: which of them an object has fits in one 32-bit mask. */
const MAX_KNOWN_KEYS = 31;

/**
 * An object whose keys are all among `fields`. Their sorted order is computed here, once; each call only looks
 * its keys up in the list and writes the members it found in that order.
 */
function record(fields: Record<string, Encoder>): Encoder {
  const keys = Object.keys(fields).sort();
  if (keys.length > MAX_KNOWN_KEYS) throw new RangeError(`a record of more than ${MAX_KNOWN_KEYS} keys`);
  const encoders = keys.map((key) => fields[key]);
  const prefixes = keys.map((key) => `${jsonString(key)}:`);
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return canonicalJson(value);
    const own = Object.keys(value);
    let present = 0;
    for (let index = 0; index < own.length; index++) {
      const position = keys.indexOf(own[index]);
      if (position === -1) return canonicalJson(value);
      present |= 1 << position;
    }
    const members = value as Record<string, unknown>;
    let encoded = '{';
    for (let position = 0; position < keys.length; position++) {
      if ((present & (1 << position)) === 0) continue;
      const member = members[keys[position]];
      if (member === undefined) continue;
      if (encoded.length > 1) encoded += ',';
      encoded += prefixes[position] + encoders[position](member);
    }
    return `${encoded}}`;
  };
}

/* The shapes, from workflows/proposal/proposal.types.ts, #kernel's Actor and the use cases' payloads ----------- */

const encodeActor = record({ id: text, name: text, roles: listOf(text), unitId: text });

const nominee = record({
  type: text,
  name: text,
  steeringCommittee: any,
  steeringCommitteeMember: any,
  ownParticipants: number,
  totalParticipants: number,
  underDiscipline: any,
  // The registry's snapshot of the person (docs/architecture.md, "People and their awards").
  personId: text,
  birthYear: number,
  gender: text,
  title: text,
  workplace: text,
});
const achievement = record({ summary: text, date: text, recognizedAt: text, basis: text, serviceWork: any, outstanding: any });
const decision = record({ number: text, date: text, signedBy: text });
const deadline = record({ rule: text, dueAt: text });
const formCounts = record({ unit_certificate: number, chairman_certificate: number });
/** What the rulebook noted at a checkpoint (ApplyProposalEventUseCase): usage only when quotas were counted. */
const rules = record({
  checkpoint: text,
  warnings: listOf(text),
  usage: record({ byAwardForm: formCounts, byUnitAndAwardForm: formCounts, steeringMembers: number }),
});
const reasonOnly = record({ reason: text, rules });
const timer = record({ rules });

const PAYLOADS: ReadonlyMap<string, Encoder> = new Map<string, Encoder>([
  [
    CREATED_EVENT,
    record({ proposalId: text, kind: text, unitId: text, campaignId: text, awardForm: text, nominee, achievement }),
  ],
  ['UPDATE', record({ changes: record({ awardForm: text, nominee, achievement }), rules })],
  ['SUBMIT', record({ deadline, rules })],
  ['FORWARD', record({ deadline, rules })],
  ['AWARD_AT_UNIT', record({ decision, rules })],
  ['WITHDRAW', reasonOnly],
  ['RETURN', reasonOnly],
  ['REJECT', reasonOnly],
  ['REQUEST_SUPPLEMENT', reasonOnly],
  ['RECOMMEND', record({ vote: record({ members: number, for: number, against: number }), rules })],
  ['AGREE', timer],
  ['APPROVE', record({ decision, rules })],
  ['SUPPLEMENT', record({ note: text, rules })],
  ['DEADLINE_REMINDER', timer],
  ['DEADLINE_MISSED', timer],
  ['ESCALATE', timer],
  [MIGRATED_EVENT, record({ fromVersion: number, toVersion: number })],
  [
    DOCUMENT_ATTACHED,
    record({ documentId: text, kind: text, fileName: text, mediaType: text, size: number, sha256: text }),
  ],
  [DOCUMENT_REMOVED, record({ documentId: text, kind: text, fileName: text, sha256: text })],
]);

/** The event types with a payload shape of their own; any other falls back to canonicalJson (for the spec). */
export const CANONICAL_PAYLOAD_TYPES: readonly string[] = [...PAYLOADS.keys()];
