import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';
import { HttpError, conflict } from '../../http/errors.ts';
import { authorize, type Actor } from '../../http/policy.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { mailTexts } from '../mail/mail.texts.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { createPasswordUser, type Auth } from '../auth/auth.ts';
import { fullName } from './person.presenter.ts';
import { findPersonById, peopleCommitted, updatePersonRow } from './person.repository.ts';
import { loadPersonSubject } from './person.service.ts';

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const invalidInvitation = () => new HttpError(404, 'invitation_invalid');

export interface InvitationDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
}

/** A new invitation replaces any pending one; only the token's hash is stored. */
export async function invitePerson(deps: InvitationDeps, actor: Actor, personId: string) {
  const loaded = await loadPersonSubject(deps.db, personId);
  if (!loaded) throw invalidInvitation();
  authorize(actor, 'person.invite', loaded.subject);
  if (loaded.row.status === 'active') throw conflict('already_active');
  return sendInvitation(deps, actor.personId, loaded.row.id);
}

export async function sendInvitation(deps: InvitationDeps, inviterId: string | null, personId: string) {
  const { db, mailer, publicUrl } = deps;
  const person = await findPersonById(db, personId);
  if (!person) throw invalidInvitation();
  const [org, inviter] = await Promise.all([
    db.selectFrom('organisation').select('name').where('id', '=', person.org_id).executeTakeFirstOrThrow(),
    inviterId ? findPersonById(db, inviterId) : Promise.resolve(undefined),
  ]);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('invitation')
      .where('person_id', '=', personId)
      .where('accepted_at', 'is', null)
      .execute();
    await trx
      .insertInto('invitation')
      .values({
        id: crypto.randomUUID(),
        org_id: person.org_id,
        person_id: personId,
        token_hash: hashToken(token),
        created_by: inviterId,
        created_at: nowIso(),
        expires_at: expiresAt,
        accepted_at: null,
      })
      .execute();
    await recordAudit(trx, {
      orgId: person.org_id,
      actorPersonId: inviterId,
      action: 'person.invite',
      subjectType: 'person',
      subjectId: personId,
    });
  });
  const texts = mailTexts(person.locale);
  const inviterName = inviter ? fullName(inviter) : org.name;
  await mailer.send({
    orgId: person.org_id,
    to: person.email,
    subject: texts.inviteSubject({ org: org.name, inviter: inviterName }),
    text: texts.inviteBody({
      name: person.first_name,
      inviter: inviterName,
      org: org.name,
      url: `${publicUrl}/invitation/${token}`,
      days: INVITATION_DAYS,
    }),
  });
  return { ok: true as const, expiresAt };
}

async function findValidInvitation(db: Kysely<DB>, token: string) {
  const inv = await db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!inv || inv.accepted_at !== null || inv.expires_at < nowIso()) throw invalidInvitation();
  const person = await findPersonById(db, inv.person_id);
  if (!person) throw invalidInvitation();
  return { inv, person };
}

export async function describeInvitation(db: Kysely<DB>, token: string) {
  const { person } = await findValidInvitation(db, token);
  const org = await db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', person.org_id)
    .executeTakeFirstOrThrow();
  return {
    email: person.email,
    firstName: person.first_name,
    lastName: person.last_name,
    organisation: org.name,
    locale: person.locale === 'en' ? ('en' as const) : ('fr' as const),
  };
}

/** Sets the password, activates the person and marks the invitation used; the caller then signs in. */
export async function acceptInvitation(db: Kysely<DB>, auth: Auth, token: string, password: string) {
  const { inv, person } = await findValidInvitation(db, token);
  const user = await createPasswordUser(auth, { email: person.email, name: fullName(person), password });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('invitation').set({ accepted_at: nowIso() }).where('id', '=', inv.id).execute();
    await updatePersonRow(trx, person.id, { user_id: user.id, status: 'active', updated_at: nowIso() });
  });
  peopleCommitted();
  return { email: person.email };
}
