import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

const INVITATION_DAYS = 7;

export function findOrganisationByName(db: Q, name: string) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('name', '=', name)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** A pending invitation whose token nobody knows: the admin sees it and can send a fresh one. */
export async function insertPendingInvitation(
  db: Q,
  input: { orgId: string; personId: string; createdBy: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('invitation')
    .values({
      id: crypto.randomUUID(),
      org_id: input.orgId,
      person_id: input.personId,
      token_hash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      created_by: input.createdBy,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      accepted_at: null,
    })
    .execute();
}
