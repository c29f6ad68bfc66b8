import type { Kysely } from 'kysely';

// Team lists filter on manager and sort by name: this index serves both (the org-wide name index did not).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('person_manager_name_idx')
    .on('person')
    .columns(['manager_id', 'last_name', 'first_name'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('person_manager_name_idx').execute();
}
