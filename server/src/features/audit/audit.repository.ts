import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

type Q = Kysely<DB> | Transaction<DB>;

type AuditParam = 'id' | 'orgId' | 'actorPersonId' | 'action' | 'subjectType' | 'subjectId' | 'createdAt';

// Nearly every write records one: built and compiled once (see preparedQuery).
const insertAudit = preparedQuery((db, p: (name: AuditParam) => string) =>
  db.insertInto('audit_log').values({
    id: p('id'),
    org_id: p('orgId'),
    actor_person_id: p('actorPersonId'),
    action: p('action'),
    subject_type: p('subjectType'),
    subject_id: p('subjectId'),
    created_at: p('createdAt'),
  }),
);

/** Records who touched a sensitive record, never what it says. */
export async function recordAudit(
  db: Q,
  entry: {
    orgId: string;
    actorPersonId: string | null;
    action: string;
    subjectType: string;
    subjectId: string | null;
  },
): Promise<void> {
  await insertAudit(db, { id: crypto.randomUUID(), ...entry, createdAt: nowIso() });
}

export async function listAudit(db: Q, orgId: string, limit: number, offset: number) {
  const base = db.selectFrom('audit_log').where('audit_log.org_id', '=', orgId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('person', 'person.id', 'audit_log.actor_person_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.created_at',
      'person.first_name',
      'person.last_name',
    ])
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total.n) };
}
