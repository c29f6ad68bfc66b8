import type { Kysely, Transaction } from 'kysely';
import type { DB, OoMeetingTable, OoSeriesTable } from '../../db/schema.ts';
import type { CadenceRow } from './cadence.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type SeriesRow = OoSeriesTable;
export type MeetingRow = OoMeetingTable;
export interface PersonName {
  id: string;
  first_name: string;
  last_name: string;
}

export function findSeriesById(db: Q, id: string): Promise<SeriesRow | undefined> {
  return db.selectFrom('oo_series').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The series the person takes part in (as manager or report), scoped to their organisation. */
export function listSeriesOfPerson(db: Q, orgId: string, personId: string): Promise<SeriesRow[]> {
  return db
    .selectFrom('oo_series')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('manager_id', '=', personId), eb('report_id', '=', personId)]))
    .orderBy('created_at')
    .execute();
}

/** The active series of a manager–report pair, if any (at most one: a partial unique index keeps it so). */
export function findActiveSeriesOfPair(
  db: Q,
  managerId: string,
  reportId: string,
): Promise<Pick<SeriesRow, 'id'> | undefined> {
  return db
    .selectFrom('oo_series')
    .select('id')
    .where('manager_id', '=', managerId)
    .where('report_id', '=', reportId)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function insertSeries(db: Q, row: SeriesRow): Promise<void> {
  await db.insertInto('oo_series').values(row).execute();
}

export async function updateSeriesRow(db: Q, id: string, patch: Partial<SeriesRow>): Promise<void> {
  await db.updateTable('oo_series').set(patch).where('id', '=', id).execute();
}

export function findNames(db: Q, ids: readonly string[]): Promise<PersonName[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Per series: how many occurrences lie after `now`, and the last planned one. Both read the end of the
 * (series_id, planned_at) index only, so the cost does not grow with the series' history.
 */
export async function futureStats(
  db: Q,
  seriesIds: readonly string[],
  now: string,
): Promise<Map<string, { future: number; last: string | null }>> {
  const out = new Map<string, { future: number; last: string | null }>();
  if (seriesIds.length === 0) return out;
  const rows = await db
    .selectFrom('oo_series as s')
    .select((eb) => [
      's.id as series_id',
      eb
        .selectFrom('oo_meeting as f')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('f.series_id', '=', 's.id')
        .where('f.planned_at', '>', now)
        .as('future'),
      eb
        .selectFrom('oo_meeting as l')
        .select('l.planned_at')
        .whereRef('l.series_id', '=', 's.id')
        .orderBy('l.planned_at', 'desc')
        .limit(1)
        .as('last'),
    ])
    .where('s.id', 'in', [...seriesIds])
    .execute();
  for (const r of rows) {
    const last = r.last === null ? null : new Date(r.last).toISOString();
    out.set(r.series_id, { future: Number(r.future ?? 0), last });
  }
  return out;
}

/** Materialised occurrences; a concurrent request creating the same one is ignored by the unique key. */
export async function insertOccurrences(db: Q, rows: MeetingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('oo_meeting')
    .values(rows)
    .onConflict((oc) => oc.columns(['series_id', 'planned_at']).doNothing())
    .execute();
}

/** Open occurrences from `from` on (and any in progress), earliest first: the next meeting of each series. */
export function openMeetingsFrom(db: Q, seriesIds: readonly string[], from: string): Promise<MeetingRow[]> {
  if (seriesIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('oo_meeting')
    .selectAll()
    .where('series_id', 'in', [...seriesIds])
    .where((eb) =>
      eb.or([
        eb('status', '=', 'in_progress'),
        eb.and([eb('status', '=', 'planned'), eb('scheduled_at', '>=', from)]),
      ]),
    )
    .orderBy('scheduled_at')
    .execute();
}

export async function countOpenActions(db: Q, seriesIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (seriesIds.length === 0) return out;
  const rows = await db
    .selectFrom('oo_action')
    .select(['series_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('series_id', 'in', [...seriesIds])
    .where('done_at', 'is', null)
    .groupBy('series_id')
    .execute();
  for (const r of rows) out.set(r.series_id, Number(r.n));
  return out;
}

export function listMeetings(db: Q, seriesId: string, limit: number, offset: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('oo_meeting')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('planned_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countMeetingsAfter(db: Q, seriesId: string, at: string): Promise<number> {
  const r = await db
    .selectFrom('oo_meeting')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('series_id', '=', seriesId)
    .where('planned_at', '>', at)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Dates and statuses only (never content), for the cadence metrics. */
export function cadenceRowsOfSeries(db: Q, seriesId: string): Promise<CadenceRow[]> {
  return db
    .selectFrom('oo_meeting')
    .select(['series_id', 'planned_at', 'scheduled_at', 'status', 'moved'])
    .where('series_id', '=', seriesId)
    .execute();
}

export function cadenceRowsOfManagers(
  db: Q,
  orgId: string,
  managerIds: readonly string[],
): Promise<(CadenceRow & { manager_id: string })[]> {
  if (managerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('oo_meeting as m')
    .innerJoin('oo_series as s', 's.id', 'm.series_id')
    .select(['m.series_id', 'm.planned_at', 'm.scheduled_at', 'm.status', 'm.moved', 's.manager_id'])
    .where('s.org_id', '=', orgId)
    .where('s.manager_id', 'in', [...managerIds])
    .execute();
}

/** Who, among these people, manages someone or leads a series as manager. */
export async function managersAmong(db: Q, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [withReports, withSeries] = await Promise.all([
    db
      .selectFrom('person')
      .select('manager_id')
      .distinct()
      .where('org_id', '=', orgId)
      .where('manager_id', 'in', list)
      .execute(),
    db
      .selectFrom('oo_series')
      .select('manager_id')
      .distinct()
      .where('org_id', '=', orgId)
      .where('manager_id', 'in', list)
      .execute(),
  ]);
  const set = new Set<string>();
  for (const r of withReports) if (r.manager_id) set.add(r.manager_id);
  for (const r of withSeries) set.add(r.manager_id);
  return [...set];
}

export async function deleteUntouchedFutureOccurrences(db: Q, seriesId: string, now: string): Promise<void> {
  await db
    .deleteFrom('oo_meeting')
    .where('series_id', '=', seriesId)
    .where('status', '=', 'planned')
    .where('moved', '=', 0)
    .where('planned_at', '>', now)
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb.selectFrom('oo_topic').select('id').whereRef('oo_topic.meeting_id', '=', 'oo_meeting.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('oo_action')
              .select('id')
              .whereRef('oo_action.origin_meeting_id', '=', 'oo_meeting.id'),
          ),
        ),
      ]),
    )
    .execute();
}
