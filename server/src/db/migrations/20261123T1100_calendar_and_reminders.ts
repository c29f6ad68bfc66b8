import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Personal calendar feeds (only the SHA-256 of the secret token is stored) and the claim table that makes
 * each reminder go out once: the primary key refuses a second claim, whichever instance tries it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('calendar_feed')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reminder_sent')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('oo_meeting.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_sent_pk', ['meeting_id', 'person_id', 'kind'])
    .execute();

  // The reminder pass looks for meetings of every organisation in a time window.
  await db.schema.createIndex('oo_meeting_scheduled_idx').on('oo_meeting').column('scheduled_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('oo_meeting_scheduled_idx').execute();
  await db.schema.dropTable('reminder_sent').execute();
  await db.schema.dropTable('calendar_feed').execute();
}
