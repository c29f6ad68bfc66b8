import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import './notifications.table.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** One feed per person: a new token replaces the previous one (which stops working at once). */
export async function replaceFeed(
  db: Q,
  row: { person_id: string; org_id: string; token_hash: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('calendar_feed')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }),
    )
    .execute();
}

export async function deleteFeed(db: Q, personId: string): Promise<void> {
  await db.deleteFrom('calendar_feed').where('person_id', '=', personId).execute();
}

export function findFeedOwner(db: Q, tokenHash: string) {
  return db
    .selectFrom('calendar_feed as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .select(['p.id', 'p.org_id', 'p.locale'])
    .where('f.token_hash', '=', tokenHash)
    .whereRef('p.org_id', '=', 'f.org_id')
    .executeTakeFirst();
}

/** The active series a person takes part in, with the other participant's name. */
export function activeSeriesOf(db: Q, orgId: string, personId: string) {
  return db
    .selectFrom('oo_series as s')
    .innerJoin('person as m', 'm.id', 's.manager_id')
    .innerJoin('person as r', 'r.id', 's.report_id')
    .select([
      's.id',
      's.org_id',
      's.manager_id',
      's.report_id',
      's.first_at',
      's.time_zone',
      's.cadence_weeks',
      's.duration_minutes',
      's.location',
      's.video_url',
      's.active',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      'r.first_name as report_first_name',
      'r.last_name as report_last_name',
    ])
    .where('s.org_id', '=', orgId)
    .where('s.active', '=', 1)
    .where((eb) => eb.or([eb('s.manager_id', '=', personId), eb('s.report_id', '=', personId)]))
    .execute();
}

/** Materialised occurrences of these series scheduled within [from, until). */
export function meetingsBetween(db: Q, seriesIds: readonly string[], from: string, until: string) {
  if (seriesIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('oo_meeting')
    .select([
      'id',
      'series_id',
      'planned_at',
      'scheduled_at',
      'status',
      'moved',
      'cancel_reason',
      'updated_at',
    ])
    .where('series_id', 'in', [...seriesIds])
    .where('scheduled_at', '>=', from)
    .where('scheduled_at', '<', until)
    .orderBy('scheduled_at')
    .execute();
}

/** The last materialised occurrence of each series (the computed ones continue after it). */
export async function lastPlannedOf(db: Q, seriesIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (seriesIds.length === 0) return out;
  const rows = await db
    .selectFrom('oo_meeting')
    .select(['series_id', (eb) => eb.fn.max('planned_at').as('last')])
    .where('series_id', 'in', [...seriesIds])
    .groupBy('series_id')
    .execute();
  for (const r of rows) if (r.last !== null) out.set(r.series_id, new Date(r.last).toISOString());
  return out;
}
