import { randomUUID } from 'node:crypto';
import { DomainError, foldVietnamese, invalidFields, type Actor } from '#kernel';
import type { OtherProposalInput, PersonFacts } from '#rules';
import type { Nominee } from '#workflows/proposal';
import type { PersonRecord } from './person.records.js';
import type { PersonWriteTx } from './ports/person.repository.js';

/** The stages after which a proposal is an award: ND-3 calls them awarded, the history "đã khen thưởng". */
export const AWARDED_STATES: readonly string[] = ['awarded', 'awardedByUnit'];
/** The stages of a proposal that came to nothing: ND-3 leaves them out. */
export const ENDED_WITHOUT_AWARD: readonly string[] = ['rejected', 'withdrawn'];

/** A new registry entry from the nominee a clerk typed (docs/architecture.md, "People and their awards"). */
export function personFromNominee(nominee: Nominee, unitId: string | null, actor: Actor, at: string): PersonRecord {
  const individual = nominee.type === 'individual';
  return {
    id: randomUUID(),
    type: nominee.type,
    name: nominee.name,
    nameKey: foldVietnamese(nominee.name),
    birthYear: individual ? (nominee.birthYear ?? null) : null,
    gender: individual ? (nominee.gender ?? null) : null,
    title: nominee.title ?? null,
    workplace: nominee.workplace ?? null,
    unitId,
    createdBy: actor,
    createdAt: at,
  };
}

/**
 * The nominee with its `personId` stamped, before the event that carries it is sealed: a named person must exist
 * and be of the nominee's type; with none named, `previous` (the person the proposal already names) is kept when it
 * is still the same name and type, and otherwise the nominee is registered as a new person.
 */
export async function stampPerson(
  people: PersonWriteTx,
  nominee: Nominee,
  unitId: string,
  actor: Actor,
  at: string,
  previous?: Nominee,
): Promise<Nominee> {
  const problems: { field: string; message: string }[] = [];
  if (nominee.type === 'collective') {
    if (nominee.birthYear !== undefined) problems.push({ field: 'nominee.birthYear', message: 'nominee.birthYear is for individuals only' });
    if (nominee.gender !== undefined) problems.push({ field: 'nominee.gender', message: 'nominee.gender is for individuals only' });
  }
  // Vietnam's year: the instant plus seven hours (docs/architecture.md, "Time").
  const year = new Date(Date.parse(at) + 7 * 3600_000).getUTCFullYear();
  if (nominee.birthYear !== undefined && nominee.birthYear > year) {
    problems.push({ field: 'nominee.birthYear', message: `nominee.birthYear ${nominee.birthYear} is after this year (${year})` });
  }
  if (problems.length > 0) throw invalidFields(problems);
  if (nominee.personId !== undefined) {
    const person = await people.find(nominee.personId);
    if (!person) {
      throw new DomainError('NOT_FOUND', `Person ${nominee.personId} does not exist`, { field: 'nominee.personId' });
    }
    if (person.type !== nominee.type) {
      throw new DomainError('VALIDATION_FAILED', `Person ${person.id} is ${person.type}, the nominee is ${nominee.type}`, {
        errors: [{ field: 'nominee.personId', message: `nominee.personId names a ${person.type}, but nominee.type is ${nominee.type}` }],
      });
    }
    return nominee;
  }
  if (previous?.personId && previous.type === nominee.type && foldVietnamese(previous.name) === foldVietnamese(nominee.name)) {
    return { ...nominee, personId: previous.personId };
  }
  const person = personFromNominee(nominee, unitId, actor, at);
  await people.insert(person);
  return { ...nominee, personId: person.id };
}

/**
 * What ND-1 and ND-3 need to know of the nominee, read in the command's transaction. Where only ND-1 is asked
 * (RECOMMEND, AGREE, APPROVE, the page's blockers) the person's other proposals are not read: they are ND-3's,
 * and reading them cost every decision step a query.
 */
export async function personFacts(
  people: Pick<PersonWriteTx, 'restrictions' | 'proposals'>,
  nominee: Nominee,
  proposalId: string | null,
  { otherProposals: withOthers = true }: { otherProposals?: boolean } = {},
): Promise<PersonFacts | undefined> {
  if (!nominee.personId) return undefined;
  const [restrictions, proposals] = await Promise.all([
    people.restrictions(nominee.personId),
    withOthers ? people.proposals(nominee.personId, proposalId) : [],
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
