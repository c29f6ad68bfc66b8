import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { OkrKeyResultTable, OkrObjectiveTable, OkrReviewTable, OkrSettingsTable } from './okr.table.ts';
import './okr.table.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type ObjectiveRow = OkrObjectiveTable;
export type KeyResultRow = OkrKeyResultTable;
export type ReviewRow = OkrReviewTable;
export interface PersonLite {
  id: string;
  first_name: string;
  last_name: string;
  manager_id: string | null;
  org_id: string;
  status: string;
}

// ── Settings ──
export async function findSettings(db: Q, orgId: string): Promise<OkrSettingsTable | undefined> {
  return db.selectFrom('okr_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertSettings(db: Q, row: OkrSettingsTable): Promise<void> {
  await db
    .insertInto('okr_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ period_kind: row.period_kind, updated_at: row.updated_at }),
    )
    .execute();
}

// ── Team ──
/** The team manager and their direct reports, in one indexed read (person.manager_id is indexed). */
const teamOf = preparedQuery((db, p: (name: 'managerId') => string) =>
  db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'manager_id', 'org_id', 'status'])
    .where((eb) => eb.or([eb('id', '=', p('managerId')), eb('manager_id', '=', p('managerId'))])),
);

/** The manager and their direct reports (every team page and objective read starts here). */
export function findTeam(db: Q, managerId: string): Promise<PersonLite[]> {
  return teamOf(db, { managerId });
}

export function findPeople(db: Q, ids: readonly string[]): Promise<PersonLite[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'manager_id', 'org_id', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

// ── Objectives ──
// An objective's page and every write on it read these by one objective id: built and compiled once.
const objectiveById = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('okr_objective').selectAll().where('id', '=', p('id')),
);
const childrenOf = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('okr_objective').selectAll().where('parent_id', '=', p('id')).orderBy('period_start', 'desc'),
);
const keyResultsOf = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('okr_key_result').selectAll().where('objective_id', '=', p('id')).orderBy('position'),
);
const reviewsOf = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('okr_review').selectAll().where('objective_id', '=', p('id')).orderBy('week_start'),
);

export async function findObjective(db: Q, id: string): Promise<ObjectiveRow | undefined> {
  return (await objectiveById(db, { id }))[0];
}

/** A team's objectives, newest period first. */
export function listTeamObjectives(db: Q, orgId: string, managerId: string): Promise<ObjectiveRow[]> {
  return db
    .selectFrom('okr_objective')
    .selectAll()
    .where('team_manager_id', '=', managerId)
    .where('org_id', '=', orgId)
    .orderBy('period_start', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Active objectives of teams (by manager) whose period overlaps [start, end]. */
export function findActiveOverlapping(
  db: Q,
  managerIds: readonly string[],
  start: string,
  end: string,
  exceptId?: string,
): Promise<ObjectiveRow[]> {
  if (managerIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('okr_objective')
    .selectAll()
    .where('team_manager_id', 'in', [...managerIds])
    .where('status', '=', 'active')
    .where('period_start', '<=', end)
    .where('period_end', '>=', start);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('period_start', 'desc').execute();
}

export function listChildren(db: Q, parentIds: readonly string[]): Promise<ObjectiveRow[]> {
  if (parentIds.length === 0) return Promise.resolve([]);
  if (parentIds.length === 1) return childrenOf(db, { id: parentIds[0]! });
  return db
    .selectFrom('okr_objective')
    .selectAll()
    .where('parent_id', 'in', [...parentIds])
    .orderBy('period_start', 'desc')
    .execute();
}

export async function insertObjective(db: Q, row: ObjectiveRow): Promise<void> {
  await db.insertInto('okr_objective').values(row).execute();
}

export async function updateObjectiveRow(db: Q, id: string, patch: Partial<ObjectiveRow>): Promise<void> {
  await db.updateTable('okr_objective').set(patch).where('id', '=', id).execute();
}

// ── Key results ──
export function listKeyResults(db: Q, objectiveIds: readonly string[]): Promise<KeyResultRow[]> {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  if (objectiveIds.length === 1) return keyResultsOf(db, { id: objectiveIds[0]! });
  return db
    .selectFrom('okr_key_result')
    .selectAll()
    .where('objective_id', 'in', [...objectiveIds])
    .orderBy('objective_id')
    .orderBy('position')
    .execute();
}

export function findKeyResult(db: Q, id: string): Promise<KeyResultRow | undefined> {
  return db.selectFrom('okr_key_result').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertKeyResult(db: Q, row: KeyResultRow): Promise<void> {
  await db.insertInto('okr_key_result').values(row).execute();
}

export async function updateKeyResultRow(db: Q, id: string, patch: Partial<KeyResultRow>): Promise<void> {
  await db.updateTable('okr_key_result').set(patch).where('id', '=', id).execute();
}

export async function deleteKeyResultRow(db: Q, id: string): Promise<void> {
  await db.deleteFrom('okr_key_result').where('id', '=', id).execute();
}

/** Serialises concurrent writers of one objective (PostgreSQL row lock; SQLite already has one writer). */
export async function lockObjective(db: Transaction<DB>, id: string): Promise<void> {
  if (isPostgres(db as unknown as Kysely<unknown>))
    await sql`select id from okr_objective where id = ${id} for update`.execute(db);
}

// ── Reviews ──
/** Every review of these objectives, oldest week first (the primary key serves the range). */
export function listReviews(db: Q, objectiveIds: readonly string[]): Promise<ReviewRow[]> {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  if (objectiveIds.length === 1) return reviewsOf(db, { id: objectiveIds[0]! });
  return db
    .selectFrom('okr_review')
    .selectAll()
    .where('objective_id', 'in', [...objectiveIds])
    .orderBy('objective_id')
    .orderBy('week_start')
    .execute();
}

/** One review per objective and week: a second save in the same week edits it. */
type ReviewColumn = keyof ReviewRow & string;
const reviewUpsert = preparedQuery((db, p: (name: ReviewColumn) => string) =>
  db
    .insertInto('okr_review')
    .values({
      objective_id: p('objective_id'),
      week_start: p('week_start'),
      org_id: p('org_id'),
      entries: p('entries'),
      author_id: p('author_id'),
      created_at: p('created_at'),
      updated_at: p('updated_at'),
    })
    .onConflict((oc) =>
      oc.columns(['objective_id', 'week_start']).doUpdateSet({
        entries: p('entries'),
        author_id: p('author_id'),
        updated_at: p('updated_at'),
      }),
    ),
);

/** The week's review, replaced when it exists (a member saving again the same week). */
export async function upsertReview(db: Q, row: ReviewRow): Promise<void> {
  await reviewUpsert(db, row);
}

export async function insertReviews(db: Q, rows: ReviewRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('okr_review')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Who, among these people, has direct reports (leads a team). */
export async function managersAmong(db: Q, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('person')
    .select('manager_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('manager_id', 'in', [...ids])
    .execute();
  return rows.flatMap((r) => (r.manager_id ? [r.manager_id] : []));
}
