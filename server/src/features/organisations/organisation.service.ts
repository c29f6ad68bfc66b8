import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso, toFlag } from '../../db/dialect.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { authorize, can, type Actor } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { createPasswordUser, type Auth } from '../auth/auth.ts';
import { insertPerson, onPeopleChanged } from '../people/person.repository.ts';
import { getPersonDetail } from '../people/person.service.ts';
import { createOrgCache } from '../../lib/org-cache.ts';
import { meResponse } from '../../../../core/api/org.schemas.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

export async function needsSetup(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export interface NewOrganisation {
  organisationName: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  locale: 'fr' | 'en';
}

/** Creates an organisation and its first admin with a password account (onboarding, CLI, tests). */
export async function createOrganisationWithAdmin(db: Kysely<DB>, auth: Auth, input: NewOrganisation) {
  const orgId = crypto.randomUUID();
  const personId = crypto.randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation')
      .values({ id: orgId, name: input.organisationName, default_locale: input.locale, created_at: now })
      .execute();
    await insertPerson(trx, {
      id: personId,
      org_id: orgId,
      user_id: null,
      email: input.email,
      first_name: input.firstName,
      last_name: input.lastName,
      job_title: '',
      job_description: '',
      team: '',
      manager_id: null,
      is_admin: toFlag(true),
      locale: input.locale,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
  });
  const user = await createPasswordUser(auth, {
    email: input.email,
    name: `${input.firstName} ${input.lastName}`,
    password: input.password,
  });
  await db.updateTable('person').set({ user_id: user.id }).where('id', '=', personId).execute();
  return { orgId, personId, userId: user.id };
}

/** Onboarding: only the very first visitor of a fresh install may create the organisation. */
export async function setupFirstOrganisation(db: Kysely<DB>, auth: Auth, input: NewOrganisation) {
  if (!(await needsSetup(db))) throw conflict('already_set_up');
  return createOrganisationWithAdmin(db, auth, input);
}

const orgById = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('organisation').selectAll().where('id', '=', p('id')),
);

async function loadOrg(db: Kysely<DB>, id: string) {
  const [org] = await orgById(db, { id });
  if (!org) throw notFound();
  return org;
}

function presentOrg(actor: Actor, org: Awaited<ReturnType<typeof loadOrg>>) {
  return {
    id: org.id,
    name: org.name,
    defaultLocale: org.default_locale === 'en' ? ('en' as const) : ('fr' as const),
    kThreshold: Number(org.k_threshold),
    permissions: { update: can(actor, 'organisation.update', { orgId: org.id }) },
  };
}

/**
 * `GET /api/me` as UTF-8 JSON, per person (and two-factor state, which comes with the session): asked on
 * every page load. Dropped by any people write and by a change of the organisation's settings.
 */
const meCache = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 10_000 });
onPeopleChanged(() => meCache.clear());

export function getMeBytes(db: Kysely<DB>, actor: Actor): Promise<Buffer> {
  return meCache.getOrCompute(actor.orgId, `${actor.personId}:${actor.twoFactorEnabled}`, async () => {
    const [person, org] = await Promise.all([
      getPersonDetail(db, actor, actor.personId),
      getOrganisation(db, actor),
    ]);
    const me = {
      person,
      organisation: { id: org.id, name: org.name, kThreshold: org.kThreshold },
      twoFactorEnabled: actor.twoFactorEnabled,
    };
    return Buffer.from(JSON.stringify(meResponse.parse(me)));
  });
}

export async function getOrganisation(db: Kysely<DB>, actor: Actor) {
  const org = await loadOrg(db, actor.orgId);
  authorize(actor, 'organisation.read', { orgId: org.id });
  return presentOrg(actor, org);
}

export async function updateOrganisation(
  db: Kysely<DB>,
  actor: Actor,
  body: { name?: string; defaultLocale?: 'fr' | 'en'; kThreshold?: number },
) {
  const org = await loadOrg(db, actor.orgId);
  authorize(actor, 'organisation.update', { orgId: org.id });
  const patch: { name?: string; default_locale?: string; k_threshold?: number } = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.defaultLocale !== undefined) patch.default_locale = body.defaultLocale;
  if (body.kThreshold !== undefined) patch.k_threshold = body.kThreshold;
  if (Object.keys(patch).length > 0)
    await db.updateTable('organisation').set(patch).where('id', '=', org.id).execute();
  meCache.changed(org.id);
  await recordAudit(db, {
    orgId: org.id,
    actorPersonId: actor.personId,
    action: 'organisation.update',
    subjectType: 'organisation',
    subjectId: org.id,
  });
  return presentOrg(actor, await loadOrg(db, org.id));
}
