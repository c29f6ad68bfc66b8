import { sql, type Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * OKR light (Cap). A team is a manager and their direct reports, identified by the manager's person id.
 *
 * - okr_settings: the organisation's period kind (90 days from a chosen date, or calendar quarters).
 * - okr_objective: one active objective per team and period (a partial unique index backs the service check).
 * - okr_key_result: at most three per objective.
 * - okr_review: one row per objective and review week, every key result's value, confidence and blockers in
 *   one JSON text column, so the whole history of a page is one indexed range read.
 * - okr_reminder_sent: the claim of each review-day mail; its primary key lets one instance send it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('okr_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('period_kind', 'text', (c) => c.notNull().defaultTo('days90'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('okr_objective')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('team_manager_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priorities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    // Calendar dates (YYYY-MM-DD), both ends included.
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('review_weekday', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('parent_id', 'text', (c) => c.references('okr_objective.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('okr_objective_team_idx')
    .on('okr_objective')
    .columns(['team_manager_id', 'period_start'])
    .execute();
  await db.schema
    .createIndex('okr_objective_active_unique')
    .on('okr_objective')
    .columns(['team_manager_id', 'period_start'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema.createIndex('okr_objective_parent_idx').on('okr_objective').column('parent_id').execute();
  // The reminder pass looks for active objectives whose period includes today.
  await db.schema
    .createIndex('okr_objective_period_idx')
    .on('okr_objective')
    .columns(['status', 'period_end'])
    .execute();

  await db.schema
    .createTable('okr_key_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('okr_objective.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('start_value', 'double precision', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('confidence', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('okr_key_result_objective_idx')
    .on('okr_key_result')
    .columns(['objective_id', 'position'])
    .execute();

  await db.schema
    .createTable('okr_review')
    .addColumn('objective_id', 'text', (c) => c.notNull().references('okr_objective.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    // JSON array of { k: key result id, v: value, c: confidence, b: blockers }.
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('okr_review_pk', ['objective_id', 'week_start'])
    .execute();

  await db.schema
    .createTable('okr_reminder_sent')
    .addColumn('objective_id', 'text', (c) => c.notNull().references('okr_objective.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('okr_reminder_sent_pk', ['objective_id', 'week_start', 'person_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['okr_reminder_sent', 'okr_review', 'okr_key_result', 'okr_objective', 'okr_settings'])
    await db.schema.dropTable(t).execute();
}
