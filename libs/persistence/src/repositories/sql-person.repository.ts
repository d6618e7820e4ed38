import type { Actor } from '#kernel';
import {
  PersonRepository,
  type Page,
  type PersonFilter,
  type PersonProposalRecord,
  type PersonRecord,
  type PersonWriteTx,
  type ProposalWriteTx,
  type RestrictionDocument,
  type RestrictionRecord,
} from '#proposals';
import { decodeNameCursor, encodeNameCursor } from './keyset-cursor.js';
import { likeContains } from './like-pattern.js';
import { SqlSession, SqlTransactionRunner } from './sql-transaction-runner.js';

interface PersonRow {
  id: string;
  type: PersonRecord['type'];
  name: string;
  name_key: string;
  birth_year: number | string | null;
  gender: PersonRecord['gender'];
  title: string | null;
  workplace: string | null;
  unit_id: string | null;
  created_by: string;
  created_at: string;
}

interface RestrictionRow {
  id: string;
  person_id: string;
  kind: RestrictionRecord['kind'];
  from_date: string;
  ends_on: string | null;
  document: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  closed_on: string | null;
  closing_document: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

interface PersonProposalRow {
  proposal_id: string;
  kind: PersonProposalRecord['kind'];
  unit_id: string;
  campaign_id: string | null;
  campaign_title: string | null;
  award_form: PersonProposalRecord['awardForm'];
  state: PersonProposalRecord['state'];
  snapshot: string;
  created_at: string;
}

const PERSON_COLUMNS = 'id, type, name, name_key, birth_year, gender, title, workplace, unit_id, created_by, created_at';
const RESTRICTION_COLUMNS =
  'id, person_id, kind, from_date, ends_on, document, note, recorded_by, recorded_at, closed_on, closing_document, closed_by, closed_at';
const PROPOSAL_OF_PERSON =
  'SELECT p.id AS proposal_id, p.kind, p.unit_id, p.campaign_id, c.title AS campaign_title, p.award_form, p.state, p.snapshot, p.created_at ' +
  'FROM person_proposals pp JOIN proposals p ON p.id = pp.proposal_id LEFT JOIN campaigns c ON c.id = p.campaign_id ' +
  'WHERE pp.person_id = ?';

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  type: row.type,
  name: row.name,
  nameKey: row.name_key,
  birthYear: row.birth_year === null ? null : Number(row.birth_year),
  gender: row.gender,
  title: row.title,
  workplace: row.workplace,
  unitId: row.unit_id,
  createdBy: JSON.parse(row.created_by) as Actor,
  createdAt: row.created_at,
});

const toRestriction = (row: RestrictionRow): RestrictionRecord => ({
  id: row.id,
  personId: row.person_id,
  kind: row.kind,
  from: row.from_date,
  endsOn: row.ends_on,
  document: JSON.parse(row.document) as RestrictionDocument,
  note: row.note,
  recordedBy: JSON.parse(row.recorded_by) as Actor,
  recordedAt: row.recorded_at,
  closedOn: row.closed_on,
  closingDocument: row.closing_document ? (JSON.parse(row.closing_document) as RestrictionDocument) : null,
  closedBy: row.closed_by ? (JSON.parse(row.closed_by) as Actor) : null,
  closedAt: row.closed_at,
});

const toPersonProposal = (row: PersonProposalRow): PersonProposalRecord => ({
  proposalId: row.proposal_id,
  kind: row.kind,
  unitId: row.unit_id,
  campaignId: row.campaign_id,
  campaignTitle: row.campaign_title,
  awardForm: row.award_form,
  state: row.state,
  snapshot: JSON.parse(row.snapshot),
  createdAt: row.created_at,
});

const insertPerson = (db: SqlSession, person: PersonRecord) =>
  db.run(`INSERT INTO people (${PERSON_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    person.id,
    person.type,
    person.name,
    person.nameKey,
    person.birthYear,
    person.gender,
    person.title,
    person.workplace,
    person.unitId,
    JSON.stringify(person.createdBy),
    person.createdAt,
  ]);

const findPerson = async (db: SqlSession, id: string) => {
  const [row] = await db.rows<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`, [id]);
  return row ? toPerson(row) : null;
};

const restrictionsOf = async (db: SqlSession, personId: string) =>
  (await db.rows<RestrictionRow>(`SELECT ${RESTRICTION_COLUMNS} FROM person_restrictions WHERE person_id = ? ORDER BY recorded_at, id`, [personId])).map(
    toRestriction,
  );

const namedByUnit = async (db: SqlSession, personId: string, unitId: string) =>
  (
    await db.rows<{ one: number }>(
      'SELECT 1 AS one FROM person_proposals pp JOIN proposals p ON p.id = pp.proposal_id WHERE pp.person_id = ? AND p.unit_id = ? LIMIT 1',
      [personId, unitId],
    )
  ).length > 0;

class SqlPersonWriteTx implements PersonWriteTx {
  constructor(private readonly db: SqlSession) {}

  find(id: string): Promise<PersonRecord | null> {
    return findPerson(this.db, id);
  }

  namedByUnit(personId: string, unitId: string): Promise<boolean> {
    return namedByUnit(this.db, personId, unitId);
  }

  async insert(person: PersonRecord): Promise<void> {
    await insertPerson(this.db, person);
  }

  async link(proposalId: string, personId: string, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO person_proposals (proposal_id, person_id, linked_at) VALUES (?, ?, ?)
       ON CONFLICT (proposal_id) DO UPDATE SET person_id = excluded.person_id, linked_at = excluded.linked_at`,
      [proposalId, personId, at],
    );
  }

  restrictions(personId: string): Promise<RestrictionRecord[]> {
    return restrictionsOf(this.db, personId);
  }

  async proposals(personId: string, exceptProposalId: string | null): Promise<PersonProposalRecord[]> {
    const rows = await this.db.rows<PersonProposalRow>(`${PROPOSAL_OF_PERSON} AND p.id <> ? ORDER BY p.created_at, p.id`, [
      personId,
      exceptProposalId ?? '',
    ]);
    return rows.map(toPersonProposal);
  }
}

/** The registry of nominees on SQL (migration 1765300000000). */
export class SqlPersonRepository extends PersonRepository {
  constructor(private readonly runner: SqlTransactionRunner) {
    super();
  }

  within(tx: ProposalWriteTx): PersonWriteTx {
    const db = (tx as unknown as { db?: SqlSession }).db;
    if (!db) throw new TypeError('SqlPersonRepository.within needs the transaction of SqlProposalRepository');
    return new SqlPersonWriteTx(db);
  }

  async create(person: PersonRecord): Promise<void> {
    await this.runner.transaction((db) => insertPerson(db, person));
  }

  findById(id: string): Promise<PersonRecord | null> {
    return this.runner.read((db) => findPerson(db, id));
  }

  list(filter: PersonFilter, cursor: string | null, limit: number): Promise<Page<PersonRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.nameKey) {
      where.push("name_key LIKE ? ESCAPE '\\'");
      params.push(likeContains(filter.nameKey));
    }
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.unitId) {
      where.push('unit_id = ?');
      params.push(filter.unitId);
    }
    if (filter.visibleToUnit !== null) {
      where.push(
        '(unit_id = ? OR EXISTS (SELECT 1 FROM person_proposals pp JOIN proposals p ON p.id = pp.proposal_id WHERE pp.person_id = people.id AND p.unit_id = ?))',
      );
      params.push(filter.visibleToUnit, filter.visibleToUnit);
    }
    if (cursor) {
      const [key, id] = decodeNameCursor(cursor);
      where.push('(name_key > ? OR (name_key = ? AND id > ?))');
      params.push(key, key, id);
    }
    const sql =
      `SELECT ${PERSON_COLUMNS} FROM people` + (where.length ? ` WHERE ${where.join(' AND ')}` : '') + ' ORDER BY name_key, id LIMIT ?';
    return this.runner.read(async (db) => {
      const rows = await db.rows<PersonRow>(sql, [...params, limit + 1]);
      const items = rows.slice(0, limit).map(toPerson);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeNameCursor(last.nameKey, last.id) : null };
    });
  }

  proposals(personId: string): Promise<PersonProposalRecord[]> {
    return this.runner.read(async (db) =>
      (await db.rows<PersonProposalRow>(`${PROPOSAL_OF_PERSON} ORDER BY p.created_at, p.id`, [personId])).map(toPersonProposal),
    );
  }

  namedByUnit(personId: string, unitId: string): Promise<boolean> {
    return this.runner.read((db) => namedByUnit(db, personId, unitId));
  }

  restrictions(personId: string): Promise<RestrictionRecord[]> {
    return this.runner.read((db) => restrictionsOf(db, personId));
  }

  async insertRestriction(r: RestrictionRecord): Promise<void> {
    await this.runner.transaction((db) =>
      db.run(`INSERT INTO person_restrictions (${RESTRICTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        r.id,
        r.personId,
        r.kind,
        r.from,
        r.endsOn,
        JSON.stringify(r.document),
        r.note,
        JSON.stringify(r.recordedBy),
        r.recordedAt,
        r.closedOn,
        r.closingDocument ? JSON.stringify(r.closingDocument) : null,
        r.closedBy ? JSON.stringify(r.closedBy) : null,
        r.closedAt,
      ]),
    );
  }

  async closeRestriction(
    personId: string,
    restrictionId: string,
    closing: { closedOn: string; document: RestrictionDocument; closedBy: RestrictionRecord['closedBy']; closedAt: string },
  ): Promise<boolean> {
    const changed = await this.runner.transaction((db) =>
      db.run(
        'UPDATE person_restrictions SET closed_on = ?, closing_document = ?, closed_by = ?, closed_at = ? WHERE id = ? AND person_id = ? AND closed_on IS NULL',
        [closing.closedOn, JSON.stringify(closing.document), JSON.stringify(closing.closedBy), closing.closedAt, restrictionId, personId],
      ),
    );
    return changed === 1;
  }
}
