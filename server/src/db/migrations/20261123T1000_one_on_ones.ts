import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * One-to-ones (Tête-à-tête). Every table carries org_id so that list queries are scoped in SQL.
 * Ratings are split in two so that no row ties a rating to a person: oo_rating_marker only says
 * "this person rated this meeting" (to refuse a second rating and count distinct raters), oo_rating
 * holds only monthly sums per manager — no row per answer, so no order or time to match a marker with.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('oo_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('cadence_weeks', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(45))
    .addColumn('first_at', ts, (c) => c.notNull())
    // IANA zone of the slot: occurrences keep their wall-clock time across daylight-saving changes.
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('video_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oo_series_manager_idx')
    .on('oo_series')
    .columns(['org_id', 'manager_id'])
    .execute();
  await db.schema
    .createIndex('oo_series_report_idx')
    .on('oo_series')
    .columns(['org_id', 'report_id'])
    .execute();

  await db.schema
    .createTable('oo_meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('series_id', 'text', (c) => c.notNull().references('oo_series.id').onDelete('cascade'))
    .addColumn('planned_at', ts, (c) => c.notNull())
    .addColumn('scheduled_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('moved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('move_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('started_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('step_log', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('current_step', 'integer')
    .addColumn('talk_manager_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talk_report_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('speaking', 'text')
    .addColumn('speaking_since', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('oo_meeting_series_planned_unique', ['series_id', 'planned_at'])
    .execute();
  // The unique constraint above indexes (series_id, planned_at): the series timeline and materialisation.
  await db.schema
    .createIndex('oo_meeting_org_scheduled_idx')
    .on('oo_meeting')
    .columns(['org_id', 'scheduled_at'])
    .execute();

  await db.schema
    .createTable('oo_topic')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('professional'))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oo_topic_meeting_idx')
    .on('oo_topic')
    .columns(['meeting_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('oo_note')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('oo_note_pk', ['meeting_id', 'step'])
    .execute();

  await db.schema
    .createTable('oo_private_note')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('oo_private_note_pk', ['meeting_id', 'author_id'])
    .execute();
  await db.schema
    .createIndex('oo_private_note_author_idx')
    .on('oo_private_note')
    .column('author_id')
    .execute();

  await db.schema
    .createTable('oo_mood')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('personal', 'integer', (c) => c.notNull())
    .addColumn('professional', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('oo_mood_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('oo_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('series_id', 'text', (c) => c.notNull().references('oo_series.id').onDelete('cascade'))
    .addColumn('origin_meeting_id', 'text', (c) =>
      c.notNull().references('oo_meeting.id').onDelete('cascade'),
    )
    .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('joint'))
    .addColumn('due_on', 'text')
    .addColumn('done_at', ts)
    .addColumn('done_meeting_id', 'text', (c) => c.references('oo_meeting.id').onDelete('set null'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oo_action_series_done_idx')
    .on('oo_action')
    .columns(['series_id', 'done_at'])
    .execute();
  await db.schema.createIndex('oo_action_origin_idx').on('oo_action').column('origin_meeting_id').execute();

  await db.schema
    .createTable('oo_rating_marker')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('rater_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oo_rating_marker_pk', ['meeting_id', 'rater_id'])
    .execute();

  await db.schema
    .createTable('oo_rating')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('answers', 'integer', (c) => c.notNull())
    .addColumn('structured', 'integer', (c) => c.notNull())
    .addColumn('useful', 'integer', (c) => c.notNull())
    .addColumn('could_speak', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oo_rating_pk', ['manager_id', 'month'])
    .execute();
  await db.schema
    .createIndex('oo_rating_manager_idx')
    .on('oo_rating')
    .columns(['org_id', 'manager_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'oo_rating',
    'oo_rating_marker',
    'oo_action',
    'oo_mood',
    'oo_private_note',
    'oo_note',
    'oo_topic',
    'oo_meeting',
    'oo_series',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
