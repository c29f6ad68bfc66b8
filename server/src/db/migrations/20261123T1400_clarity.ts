import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Clarity tools (Clarté).
 *
 * - cl_pitch: a 30-second pitch; its word count is stored with each save.
 * - cl_offer: a Good–Better–Best canvas; its (at most three) tiers in one JSON text column.
 * - cl_share: who may read a pitch or an offer (read only).
 * - cl_review: a request for review by a non-expert peer, on a pitch, an offer or an objective (no foreign
 *   key: the item is one of three tables; the service deletes reviews with their pitch or offer).
 * - cl_review_mark: what the reader did not understand (a quoted excerpt) and their comments.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('cl_pitch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('word_budget', 'integer', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cl_pitch_author_idx')
    .on('cl_pitch')
    .columns(['author_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('cl_offer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON array of { name, forWhom, benefits: string[], price }.
    .addColumn('tiers', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cl_offer_author_idx')
    .on('cl_offer')
    .columns(['author_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('cl_share')
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('cl_share_pk', ['item_type', 'item_id', 'person_id'])
    .execute();
  await db.schema.createIndex('cl_share_person_idx').on('cl_share').column('person_id').execute();

  await db.schema
    .createTable('cl_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('answered_at', ts)
    .execute();
  await db.schema
    .createIndex('cl_review_item_idx')
    .on('cl_review')
    .columns(['item_type', 'item_id'])
    .execute();
  await db.schema
    .createIndex('cl_review_reviewer_idx')
    .on('cl_review')
    .columns(['reviewer_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('cl_review_mark')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('cl_review.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('field', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cl_review_mark_review_idx')
    .on('cl_review_mark')
    .columns(['review_id', 'created_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cl_review_mark', 'cl_review', 'cl_share', 'cl_offer', 'cl_pitch'])
    await db.schema.dropTable(t).execute();
}
