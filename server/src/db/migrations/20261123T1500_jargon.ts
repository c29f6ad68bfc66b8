import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * cl_jargon: an organisation's own jargon list for the clarity check, one row per language (fr, en). No row
 * means the default list of that language. Terms are a JSON array of strings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('cl_jargon')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('cl_jargon_pk', ['org_id', 'locale'])
    .execute();
}
