import { randomUUID } from 'node:crypto';
import { today } from '#calendar';
import type {
  AwardOutcome,
  CloseRestrictionBody,
  CreatePersonBody,
  CreateRestrictionBody,
  PersonBody,
  PersonDetailBody,
  PersonProposalBody,
  RestrictionBody,
} from '#contracts';
import { Clock, DomainError, foldVietnamese, type Actor } from '#kernel';
import { restrictionOpenOn } from '#rules';
import type { NomineeType } from '#workflows/proposal';
import { refuseIfAny, type FieldProblem } from '../input-windows.policy.js';
import type { PersonProposalRecord, PersonRecord, RestrictionDocument, RestrictionRecord } from '../person.records.js';
import { PersonRepository } from '../ports/person.repository.js';
import { maySeePerson, personFieldProblems, personFromNominee } from '../person-registry.policy.js';
import { isProvincial } from '../proposal-access.policy.js';
import type { Page } from '../ports/proposal.repository.js';
import { UnitRepository } from '../ports/unit.repository.js';

/** Roles that may record and close Decree 152 Art. 4 matters for any person; a unit head only for its own unit's. */
const PROVINCIAL_RECORDERS = ['council', 'home_affairs', 'admin'] as const;

/** Whether the actor may record and close matters of this person (docs/architecture.md, "People and their awards"). */
export function canRecordRestrictions(actor: Actor, person: Pick<PersonRecord, 'unitId'>): boolean {
  if (actor.roles.some((role) => (PROVINCIAL_RECORDERS as readonly string[]).includes(role))) return true;
  return actor.roles.includes('unit_head') && actor.unitId !== null && person.unitId === actor.unitId;
}

function toPersonBody(person: PersonRecord): PersonBody {
  return {
    id: person.id,
    type: person.type,
    name: person.name,
    birthYear: person.birthYear,
    gender: person.gender,
    title: person.title,
    workplace: person.workplace,
    unitId: person.unitId,
    createdAt: person.createdAt,
  };
}

const outcomeOf = (state: string): AwardOutcome =>
  state === 'awarded'
    ? 'awarded'
    : state === 'awardedByUnit'
      ? 'awarded_by_unit'
      : state === 'rejected'
        ? 'rejected'
        : state === 'withdrawn'
          ? 'withdrawn'
          : 'open';

function toProposalBody(row: PersonProposalRecord): PersonProposalBody {
  const { achievement, decision } = row.snapshot.context;
  return {
    proposalId: row.proposalId,
    kind: row.kind,
    unitId: row.unitId,
    campaignId: row.campaignId,
    campaignTitle: row.campaignTitle,
    awardForm: row.awardForm,
    state: row.state,
    outcome: outcomeOf(row.state),
    achievement: { date: achievement.date, summary: achievement.summary },
    decision: decision ? { number: decision.number, date: decision.date, signedBy: decision.signedBy } : null,
    createdAt: row.createdAt,
  };
}

const who = (actor: Actor) => ({ id: actor.id, name: actor.name ?? null, roles: [...actor.roles] });

function toRestrictionBody(r: RestrictionRecord, day: string): RestrictionBody {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    from: r.from,
    endsOn: r.endsOn,
    document: r.document,
    note: r.note,
    recordedBy: who(r.recordedBy),
    recordedAt: r.recordedAt,
    // ND-1's own reading of "open", so the badge and the refusal never disagree.
    open: restrictionOpenOn(r, day),
    closedOn: r.closedOn,
    closingDocument: r.closingDocument,
    closedBy: r.closedBy ? who(r.closedBy) : null,
    closedAt: r.closedAt,
  };
}

const documentOf = (d: CreateRestrictionBody['document']): RestrictionDocument => ({
  type: d.type?.trim() ? d.type.trim() : null,
  number: d.number,
  date: d.date,
  issuer: d.issuer,
});

/** A day that has happened (the log of matters is evidence: nothing recorded ahead of time). */
const notAfterToday = (field: string, date: string | undefined, day: string): FieldProblem[] =>
  date && date > day ? [{ field, message: `${field} ${date} is after today (${day})` }] : [];

/**
 * The registry of nominees (docs/architecture.md, "People and their awards"): unit roles see the people of their
 * unit and those their unit's proposals name; provincial roles see everyone. The award history is read from the
 * proposals; the Art. 4 matters are recorded here and read by ND-1 at every step up to the chairman's decision.
 */
export class PeopleUseCases {
  constructor(
    private readonly people: PersonRepository,
    private readonly units: UnitRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, query: { q?: string; type?: NomineeType; unitId?: string }, cursor: string | null, limit: number): Promise<Page<PersonBody>> {
    const provincial = isProvincial(actor);
    if (!provincial && query.unitId && query.unitId !== actor.unitId) {
      throw new DomainError('FORBIDDEN', 'You may only list the people of your own unit', { unitId: query.unitId });
    }
    const nameKey = query.q ? foldVietnamese(query.q) : undefined;
    return this.people
      .list(
        {
          ...(nameKey ? { nameKey } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.unitId ? { unitId: query.unitId } : {}),
          // A unit role without a unit in its token sees nobody.
          visibleToUnit: provincial ? null : (actor.unitId ?? '\u0000none'),
        },
        cursor,
        limit,
      )
      .then((page) => ({ items: page.items.map(toPersonBody), nextCursor: page.nextCursor }));
  }

  async create(actor: Actor, input: CreatePersonBody): Promise<PersonBody> {
    const provincial = isProvincial(actor);
    const unitId = input.unitId ?? (provincial ? null : actor.unitId);
    if (!provincial && unitId !== actor.unitId) {
      throw new DomainError('FORBIDDEN', 'A unit registers only its own people', { unitId });
    }
    const day = today(this.clock);
    refuseIfAny(personFieldProblems(input, Number(day.slice(0, 4))));
    if (unitId && !(await this.units.findById(unitId))) {
      throw new DomainError('NOT_FOUND', `Unit ${unitId} does not exist`, { field: 'unitId' });
    }
    const person = personFromNominee(input, unitId, actor, this.clock.now().toISOString());
    await this.people.create(person);
    return toPersonBody(person);
  }

  async get(actor: Actor, id: string): Promise<PersonDetailBody> {
    const person = await this.visible(actor, id);
    const [proposals, restrictions] = await Promise.all([this.people.proposals(id), this.people.restrictions(id)]);
    const day = today(this.clock);
    const provincial = isProvincial(actor);
    const all = proposals.map(toProposalBody);
    return {
      ...toPersonBody(person),
      // A decided award is a public decision: every unit sees it. Proposals still on their way, or refused, are
      // seen by their own unit and the province only (as the proposals themselves are).
      awards: all.filter((p) => p.outcome === 'awarded' || p.outcome === 'awarded_by_unit'),
      proposals: all.filter((p) => provincial || p.unitId === actor.unitId),
      restrictions: restrictions.map((r) => toRestrictionBody(r, day)),
      canRecordRestrictions: canRecordRestrictions(actor, person),
    };
  }

  async recordRestriction(actor: Actor, personId: string, input: CreateRestrictionBody): Promise<RestrictionBody> {
    const person = await this.visible(actor, personId);
    if (!canRecordRestrictions(actor, person)) {
      throw new DomainError('FORBIDDEN', 'Only the unit head of the person’s unit, the council, home affairs or an administrator records these matters');
    }
    const day = today(this.clock);
    const problems: FieldProblem[] = [
      ...notAfterToday('from', input.from, day),
      ...notAfterToday('document.date', input.document.date, day),
    ];
    if (input.kind === 'discipline_served' && !input.endsOn) {
      problems.push({ field: 'endsOn', message: 'endsOn (the last day of the discipline) is required when kind is discipline_served' });
    }
    if (input.kind !== 'discipline_served' && input.endsOn !== undefined) {
      problems.push({ field: 'endsOn', message: 'endsOn is only for kind discipline_served' });
    }
    if (input.endsOn && input.endsOn < input.from) problems.push({ field: 'endsOn', message: `endsOn ${input.endsOn} is before from ${input.from}` });
    refuseIfAny(problems);
    const restriction: RestrictionRecord = {
      id: randomUUID(),
      personId,
      kind: input.kind,
      from: input.from,
      endsOn: input.endsOn ?? null,
      document: documentOf(input.document),
      note: input.note ?? null,
      recordedBy: actor,
      recordedAt: this.clock.now().toISOString(),
      closedOn: null,
      closingDocument: null,
      closedBy: null,
      closedAt: null,
    };
    await this.people.insertRestriction(restriction);
    return toRestrictionBody(restriction, day);
  }

  async closeRestriction(actor: Actor, personId: string, restrictionId: string, input: CloseRestrictionBody): Promise<RestrictionBody> {
    const person = await this.visible(actor, personId);
    if (!canRecordRestrictions(actor, person)) {
      throw new DomainError('FORBIDDEN', 'Only the unit head of the person’s unit, the council, home affairs or an administrator closes these matters');
    }
    const existing = (await this.people.restrictions(personId)).find((r) => r.id === restrictionId);
    if (!existing) throw new DomainError('NOT_FOUND', `Matter ${restrictionId} does not exist for this person`, { id: restrictionId });
    const day = today(this.clock);
    const problems: FieldProblem[] = [...notAfterToday('closedOn', input.closedOn, day), ...notAfterToday('document.date', input.document.date, day)];
    if (input.closedOn < existing.from) problems.push({ field: 'closedOn', message: `closedOn ${input.closedOn} is before the matter began (${existing.from})` });
    refuseIfAny(problems);
    const closedAt = this.clock.now().toISOString();
    const closed = await this.people.closeRestriction(personId, restrictionId, {
      closedOn: input.closedOn,
      document: documentOf(input.document),
      closedBy: actor,
      closedAt,
    });
    if (!closed) {
      throw new DomainError('INVALID_TRANSITION', 'This matter is already closed', { state: 'closed', allowed: [] });
    }
    return toRestrictionBody({ ...existing, closedOn: input.closedOn, closingDocument: documentOf(input.document), closedBy: actor, closedAt }, day);
  }

  /** The person, when the actor may see them: a unit role sees its unit's people and those its proposals name. */
  private async visible(actor: Actor, id: string): Promise<PersonRecord> {
    const person = await this.people.findById(id);
    if (!person) throw new DomainError('NOT_FOUND', `Person ${id} does not exist`, { id });
    if (await maySeePerson(actor, person, (personId, unitId) => this.people.namedByUnit(personId, unitId))) return person;
    throw new DomainError('FORBIDDEN', 'This person belongs to another unit', { id });
  }
}
