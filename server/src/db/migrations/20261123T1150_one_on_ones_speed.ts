import { sql, type Kysely } from 'kysely';

/**
 * One-to-ones, two additions:
 * - the actions completed in a given meeting are found by index (opening a meeting lists them without
 *   reading the whole history of its series; deleting an occurrence checks the foreign key by index too);
 * - at most one active series per manager–report pair, enforced by a partial unique index so that two
 *   concurrent requests cannot both create one. Should a database hold duplicates from before, only the most
 *   recent active series of each pair stays active.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('oo_action_done_meeting_idx')
    .on('oo_action')
    .column('done_meeting_id')
    .execute();

  await sql`
    update oo_series set active = 0
    where active = 1 and exists (
      select 1 from oo_series newer
      where newer.manager_id = oo_series.manager_id
        and newer.report_id = oo_series.report_id
        and newer.active = 1
        and (newer.created_at > oo_series.created_at
          or (newer.created_at = oo_series.created_at and newer.id > oo_series.id))
    )`.execute(db);
  await db.schema
    .createIndex('oo_series_active_pair_unique')
    .on('oo_series')
    .columns(['manager_id', 'report_id'])
    .unique()
    .where(sql.ref('active'), '=', sql.lit(1))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('oo_series_active_pair_unique').execute();
  await db.schema.dropIndex('oo_action_done_meeting_idx').execute();
}
