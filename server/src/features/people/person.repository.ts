import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, PersonTable } from '../../db/schema.ts';
import { isPostgres, likePattern } from '../../db/dialect.ts';
import { foldForSearch, personSearchText } from '../../lib/search-text.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { kept } from '../../lib/kept.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type PersonRow = PersonTable;

// The hottest reads (almost every request loads a person and their manager chain) skip Kysely's
// building and compiling: see preparedQuery.
const personById = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('person').selectAll().where('id', '=', p('id')),
);

export async function findPersonById(db: Q, id: string): Promise<PersonRow | undefined> {
  return (await personById(db, { id }))[0];
}

/** Inside a write transaction: the row as it is now, locked on PostgreSQL (SQLite serialises writers already). */
const personForUpdate = preparedQuery((db, p: (name: 'id') => string) =>
  db
    .selectFrom('person')
    .selectAll()
    .where('id', '=', p('id'))
    .$if(isPostgres(db as unknown as Kysely<unknown>), (qb) => qb.forUpdate()),
);

export async function findPersonForUpdate(trx: Transaction<DB>, id: string): Promise<PersonRow | undefined> {
  return (await personForUpdate(trx, { id }))[0];
}

export function findPersonByUserId(db: Q, userId: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findPersonByEmail(db: Q, orgId: string, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('person')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Used only by sign-in paths, where the organisation is not known yet. */
export function findPersonByEmailAnyOrg(db: Q, email: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('person')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The subject's managers, nearest first (recursive query, same on both engines). */
const managerChain = preparedQuery((db, p: (name: 'personId') => string) =>
  db
    .withRecursive('chain(id, manager_id, depth)', (qb) =>
      qb
        .selectFrom('person')
        .select(['id', 'manager_id', sql<number>`0`.as('depth')])
        .where('id', '=', p('personId'))
        .unionAll((qb2) =>
          qb2
            .selectFrom('person as p')
            .innerJoin('chain', 'chain.manager_id', 'p.id')
            .select(['p.id', 'p.manager_id', sql<number>`chain.depth + 1`.as('depth')])
            .where('chain.depth', '<', 64),
        ),
    )
    .selectFrom('chain')
    .select(['id', 'depth'])
    .where('depth', '>', 0)
    .orderBy('depth'),
);

export async function findManagerChain(db: Q, personId: string): Promise<string[]> {
  return (await managerChain(db, { personId })).map((r) => r.id);
}

/** Ids of everyone below a manager, at any depth. */
export async function findSubtreeIds(db: Q, rootId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('sub(id, depth)', (qb) =>
      qb
        .selectFrom('person')
        .select(['id', sql<number>`1`.as('depth')])
        .where('manager_id', '=', rootId)
        .unionAll((qb2) =>
          qb2
            .selectFrom('person as p')
            .innerJoin('sub', 'sub.id', 'p.manager_id')
            .select(['p.id', sql<number>`sub.depth + 1`.as('depth')])
            .where('sub.depth', '<', 64),
        ),
    )
    .selectFrom('sub')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

const summaryColumns = [
  'person.id',
  'person.first_name',
  'person.last_name',
  'person.email',
  'person.job_title',
  'person.team',
  'person.manager_id',
  'person.status',
  'person.is_admin',
] as const;

export interface SummaryRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  job_title: string;
  team: string;
  manager_id: string | null;
  status: string;
  is_admin: number;
  direct_reports: number;
}

function withReportCount(db: Q) {
  return db
    .selectFrom('person')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('person as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.manager_id', '=', 'person.id')
        .as('direct_reports'),
    );
}

export async function listPeople(
  db: Q,
  orgId: string,
  opts: { q?: string; managerId?: string; limit: number; offset: number },
): Promise<{ rows: SummaryRow[]; total: number }> {
  let base = db.selectFrom('person').where('person.org_id', '=', orgId);
  if (opts.q) {
    const pattern = likePattern(foldForSearch(opts.q));
    base = base.where(sql<boolean>`person.search_text like ${pattern} escape '\\'`);
  }
  if (opts.managerId) base = base.where('person.manager_id', '=', opts.managerId);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await base
    .select('person.id')
    .orderBy('person.last_name')
    .orderBy('person.first_name')
    .orderBy('person.id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const rows = await listSummariesByIds(
    db,
    ids.map((r) => r.id),
  );
  return { rows, total: Number(totalRow.n) };
}

/** Direct reports by name, through the manager+name index (no organisation scan). */
export function findDirectReportIds(db: Q, managerId: string): Promise<string[]> {
  return db
    .selectFrom('person')
    .select('id')
    .where('manager_id', '=', managerId)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export async function listSummariesByIds(db: Q, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const out: SummaryRow[] = [];
  // Chunked so a 5,000-person subtree stays under every engine's bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await withReportCount(db).where('person.id', 'in', chunk).execute();
    out.push(...(rows as SummaryRow[]));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

const directReportCount = preparedQuery((db, p: (name: 'personId') => string) =>
  db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('manager_id', '=', p('personId')),
);

export async function countDirectReports(db: Q, personId: string): Promise<{ n: number }> {
  return (await directReportCount(db, { personId }))[0]!;
}

export function listOrgChart(db: Q, orgId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'job_title', 'manager_id'])
    .where('org_id', '=', orgId)
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
}

const skillsOf = preparedQuery((db, p: (name: 'personId') => string) =>
  db
    .selectFrom('person_skill')
    .select(['name', 'level'])
    .where('person_id', '=', p('personId'))
    .orderBy('name'),
);

export function listSkills(db: Q, personId: string) {
  return skillsOf(db, { personId });
}

export async function replaceSkills(
  db: Q,
  orgId: string,
  personId: string,
  skills: { name: string; level: number }[],
): Promise<void> {
  await db.deleteFrom('person_skill').where('person_id', '=', personId).execute();
  if (skills.length === 0) return peopleChanged([personId], []);
  await db
    .insertInto('person_skill')
    .values(
      skills.map((s) => ({
        id: crypto.randomUUID(),
        org_id: orgId,
        person_id: personId,
        name: s.name,
        level: s.level,
      })),
    )
    .execute();
  peopleChanged([personId], []);
}

/** Who changed, when the writer knows (null: anyone may have). */
export type PeopleChange = readonly string[] | null;
/** Which person columns the write set, when the writer knows (undefined: any may have; skills are no column). */
export type PeopleColumns = readonly string[] | undefined;
type PeopleListener = (who: PeopleChange, columns: PeopleColumns) => void;
const peopleChangedListeners: PeopleListener[] = [];
/** Caches built from people rows (the org chart) subscribe here; every write through this repository calls them. */
export function onPeopleChanged(listener: PeopleListener): void {
  peopleChangedListeners.push(listener);
}
const peopleChanged = (who: PeopleChange, columns?: PeopleColumns) =>
  peopleChangedListeners.forEach((l) => l(who, columns));
/**
 * Said again by every service once its transaction has committed: the call made inside the transaction
 * left a window where a reader on another connection (PostgreSQL) could store what was about to change.
 */
export const peopleCommitted = (who: PeopleChange = null, columns?: PeopleColumns) =>
  peopleChanged(who, columns);

async function refreshSearchText(db: Q, id: string): Promise<void> {
  const row = await db
    .selectFrom('person')
    .select(['first_name', 'last_name', 'email', 'job_title', 'team'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row) await sql`update person set search_text = ${personSearchText(row)} where id = ${id}`.execute(db);
}

export async function insertPerson(db: Q, row: PersonRow): Promise<void> {
  await db.insertInto('person').values(row).execute();
  peopleChanged([row.id]);
  await sql`update person set search_text = ${personSearchText(row)} where id = ${row.id}`.execute(db);
}

const searchedFields = ['first_name', 'last_name', 'email', 'job_title', 'team'] as const;

const WHERE_ID = '\u0000id';
const personUpdates = kept<ReturnType<typeof preparedUpdate>>(100);
const preparedUpdate = (columns: readonly string[]) =>
  preparedQuery((db, p: (name: string) => string) =>
    db
      .updateTable('person')
      .set(Object.fromEntries(columns.map((c) => [c, p(c)])) as Partial<PersonRow>)
      .where('id', '=', p(WHERE_ID)),
  );

/** One prepared UPDATE per set of columns written: each kind of edit writes the same few, every time. */
const personUpdate = (columns: readonly string[]) =>
  personUpdates(columns.join(','), () => preparedUpdate(columns));

/** With the row as it was (`current`), the search text is written by the same statement instead of re-read. */
export async function updatePersonRow(
  db: Q,
  id: string,
  patch: Partial<PersonRow>,
  current?: PersonRow,
): Promise<void> {
  const searched = searchedFields.some((f) => patch[f] !== undefined);
  // search_text stays out of PersonRow: only this repository writes it, and nothing reads it back.
  const values: Record<string, string | number | null> = {};
  for (const [column, value] of Object.entries(patch)) if (value !== undefined) values[column] = value;
  if (searched && current) values.search_text = personSearchText({ ...current, ...patch });
  const update = personUpdate(Object.keys(values));
  values[WHERE_ID] = id;
  await update(db, values);
  peopleChanged([id], Object.keys(patch));
  if (searched && !current) await refreshSearchText(db, id);
}

export function countPeople(db: Q): Promise<{ n: number }> {
  return db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

export function listPeopleOfOrg(db: Q, orgId: string) {
  return db.selectFrom('person').selectAll().where('org_id', '=', orgId).execute();
}
