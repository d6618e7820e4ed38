import { randomUUID } from 'node:crypto';
import { DomainError, foldVietnamese, type Actor } from '#kernel';
import type { OtherProposalInput, PersonFacts } from '#rules';
import type { Nominee } from '#workflows/proposal';
import type { PersonRecord } from './person.records.js';
import type { PersonWriteTx } from './ports/person.repository.js';
import { refuseIfAny, type FieldProblem } from './input-windows.policy.js';
import { isProvincial } from './proposal-access.policy.js';

/** The stages after which a proposal is an award: ND-3 calls them awarded, the history "đã khen thưởng". */
export const AWARDED_STATES: readonly string[] = ['awarded', 'awardedByUnit'];
/** The stages of a proposal that came to nothing: ND-3 leaves them out. */
export const ENDED_WITHOUT_AWARD: readonly string[] = ['rejected', 'withdrawn'];

/** What a person is registered with: the fields a clerk types, on a nominee or in the registry itself. */
export type PersonFields = Pick<Nominee, 'type' | 'name' | 'birthYear' | 'gender' | 'title' | 'workplace'>;

/**
 * What is wrong with a person's fields (docs/architecture.md, "People and their awards"): a collective has no
 * birth year and no gender, and nobody is born after this year (`year`, Vietnam's). `fieldPrefix` names the
 * fields as the caller's body does ('nominee.' on a proposal, '' in the registry).
 */
export function personFieldProblems(fields: Pick<PersonFields, 'type' | 'birthYear' | 'gender'>, year: number, fieldPrefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const birthYear = `${fieldPrefix}birthYear`;
  const gender = `${fieldPrefix}gender`;
  if (fields.type === 'collective') {
    if (fields.birthYear !== undefined) problems.push({ field: birthYear, message: `${birthYear} is for individuals only` });
    if (fields.gender !== undefined) problems.push({ field: gender, message: `${gender} is for individuals only` });
  }
  if (fields.birthYear !== undefined && fields.birthYear > year) {
    problems.push({ field: birthYear, message: `${birthYear} ${fields.birthYear} is after this year (${year})` });
  }
  return problems;
}

/** A new registry entry from the fields a clerk typed (docs/architecture.md, "People and their awards"). */
export function personFromNominee(fields: PersonFields, unitId: string | null, actor: Actor, at: string): PersonRecord {
  const individual = fields.type === 'individual';
  return {
    id: randomUUID(),
    type: fields.type,
    name: fields.name,
    nameKey: foldVietnamese(fields.name),
    birthYear: individual ? (fields.birthYear ?? null) : null,
    gender: individual ? (fields.gender ?? null) : null,
    title: fields.title ?? null,
    workplace: fields.workplace ?? null,
    unitId,
    createdBy: actor,
    createdAt: at,
  };
}

/**
 * Whether the actor may see a person (docs/architecture.md, "People and their awards"): provincial roles see
 * everyone; a unit role the people of its unit and those its unit's proposals already name. The same answer
 * decides who may be named on a proposal, so naming a person is never a way to see them.
 */
export async function maySeePerson(
  actor: Actor,
  person: Pick<PersonRecord, 'id' | 'unitId'>,
  namedByUnit: (personId: string, unitId: string) => Promise<boolean>,
): Promise<boolean> {
  if (isProvincial(actor)) return true;
  if (!actor.unitId) return false;
  return person.unitId === actor.unitId || namedByUnit(person.id, actor.unitId);
}

/** Where and when a nominee is stamped: the proposal's unit, who acts, the instant and Vietnam's day of it. */
export interface StampContext {
  unitId: string;
  actor: Actor;
  at: string;
  /** Today in Vietnam (YYYY-MM-DD): nobody is born after its year. */
  day: string;
}

/**
 * The nominee with its `personId` stamped, before the event that carries it is sealed: a named person must exist,
 * be one the actor may see ({@link maySeePerson}) and be of the nominee's type; with none named, `previous` (the
 * person the proposal already names) is kept when it is still the same name and type, and otherwise the nominee
 * is a new person. Nothing is written here: every refusal comes before the command's first write, and the caller
 * inserts `newPerson` after its own compare-and-set, next to the link.
 */
export async function stampPerson(
  people: Pick<PersonWriteTx, 'find' | 'namedByUnit'>,
  nominee: Nominee,
  { unitId, actor, at, day }: StampContext,
  previous?: Nominee,
): Promise<{ nominee: Nominee; newPerson?: PersonRecord }> {
  refuseIfAny(personFieldProblems(nominee, Number(day.slice(0, 4)), 'nominee.'));
  if (nominee.personId !== undefined) {
    const person = await people.find(nominee.personId);
    if (!person) {
      throw new DomainError('NOT_FOUND', `Person ${nominee.personId} does not exist`, { field: 'nominee.personId' });
    }
    if (!(await maySeePerson(actor, person, (personId, unit) => people.namedByUnit(personId, unit)))) {
      throw new DomainError('FORBIDDEN', 'This person belongs to another unit', { field: 'nominee.personId' });
    }
    if (person.type !== nominee.type) {
      throw new DomainError('VALIDATION_FAILED', `Person ${person.id} is ${person.type}, the nominee is ${nominee.type}`, {
        errors: [{ field: 'nominee.personId', message: `nominee.personId names a ${person.type}, but nominee.type is ${nominee.type}` }],
      });
    }
    return { nominee };
  }
  if (previous?.personId && previous.type === nominee.type && foldVietnamese(previous.name) === foldVietnamese(nominee.name)) {
    return { nominee: { ...nominee, personId: previous.personId } };
  }
  const newPerson = personFromNominee(nominee, unitId, actor, at);
  return { nominee: { ...nominee, personId: newPerson.id }, newPerson };
}

/**
 * What ND-1 and ND-3 need to know of the nominee, read in the command's transaction. Where ND-3 is not asked
 * (`factsNeededAt(...).otherProposals`: RECOMMEND, AGREE, APPROVE, the page's blockers) the person's other
 * proposals are not read, and a reader that cannot list them (the page's) is enough.
 */
export async function personFacts(
  people: Pick<PersonWriteTx, 'restrictions'> & Partial<Pick<PersonWriteTx, 'proposals'>>,
  nominee: Nominee,
  proposalId: string | null,
  { otherProposals: withOthers = true }: { otherProposals?: boolean } = {},
): Promise<PersonFacts | undefined> {
  if (!nominee.personId) return undefined;
  if (withOthers && !people.proposals) throw new TypeError('personFacts: other proposals asked of a registry reader that cannot list them');
  const [restrictions, proposals] = await Promise.all([
    people.restrictions(nominee.personId),
    withOthers && people.proposals ? people.proposals(nominee.personId, proposalId) : [],
  ]);
  const otherProposals: OtherProposalInput[] = [];
  for (const other of proposals) {
    if (ENDED_WITHOUT_AWARD.includes(other.state)) continue;
    const { achievement } = other.snapshot.context;
    otherProposals.push({
      id: other.proposalId,
      kind: other.kind,
      campaignId: other.campaignId,
      awardForm: other.awardForm,
      achievement: { date: achievement.date, summary: achievement.summary },
      status: AWARDED_STATES.includes(other.state) ? 'awarded' : 'open',
    });
  }
  return {
    restrictions: restrictions.map((r) => ({ kind: r.kind, from: r.from, endsOn: r.endsOn, document: r.document, closedOn: r.closedOn })),
    otherProposals,
  };
}
