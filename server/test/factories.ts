import type { TestContext } from './test-app.ts';
import { ORIGIN } from './test-app.ts';
import { createOrganisationWithAdmin } from '../src/features/organisations/organisation.service.ts';
import { createPasswordUser } from '../src/features/auth/auth.ts';
import { insertPerson, replaceSkills, updatePersonRow } from '../src/features/people/person.repository.ts';
import { nowIso } from '../src/db/dialect.ts';

export const PASSWORD = 'correct-horse-battery';
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface TestPerson {
  id: string;
  email: string;
  orgId: string;
  name: string;
}

/** An organisation with its admin (who has a password account). */
export async function makeOrg(
  ctx: TestContext,
  name = `Org ${unique()}`,
): Promise<{ orgId: string; admin: TestPerson }> {
  const email = `admin-${unique()}@example.com`;
  const r = await createOrganisationWithAdmin(ctx.deps.database.db, ctx.deps.auth, {
    organisationName: name,
    firstName: 'Alice',
    lastName: 'Admin',
    email,
    password: PASSWORD,
    locale: 'fr',
  });
  return { orgId: r.orgId, admin: { id: r.personId, email, orgId: r.orgId, name: 'Alice Admin' } };
}

/** A person in an organisation; builds an account unless `account: false`. */
export async function makePerson(
  ctx: TestContext,
  orgId: string,
  opts: {
    managerId?: string | null;
    firstName?: string;
    lastName?: string;
    account?: boolean;
    jobTitle?: string;
    team?: string;
    skills?: { name: string; level: number }[];
  } = {},
): Promise<TestPerson> {
  const id = crypto.randomUUID();
  const email = `p-${unique()}@example.com`;
  const firstName = opts.firstName ?? 'Paul';
  const lastName = opts.lastName ?? `Person${unique()}`;
  const now = nowIso();
  const db = ctx.deps.database.db;
  await insertPerson(db, {
    id,
    org_id: orgId,
    user_id: null,
    email,
    first_name: firstName,
    last_name: lastName,
    job_title: opts.jobTitle ?? 'Commercial',
    job_description: '',
    team: opts.team ?? '',
    manager_id: opts.managerId ?? null,
    is_admin: 0,
    locale: 'fr',
    status: opts.account === false ? 'invited' : 'active',
    created_at: now,
    updated_at: now,
  });
  if (opts.skills) await replaceSkills(db, orgId, id, opts.skills);
  if (opts.account !== false) {
    const user = await createPasswordUser(ctx.deps.auth, {
      email,
      name: `${firstName} ${lastName}`,
      password: PASSWORD,
    });
    await db.updateTable('person').set({ user_id: user.id }).where('id', '=', id).execute();
  }
  return { id, email, orgId, name: `${firstName} ${lastName}` };
}

/** Signs in through the real better-auth endpoint and returns the cookie header to send. */
/**
 * Switches a person's language straight in the database (the UI does it through their profile). Sessions
 * resolved in the last seconds are kept in memory, so they are forgotten as a profile change would do.
 */
export async function setLocale(ctx: TestContext, personId: string, locale: 'fr' | 'en'): Promise<void> {
  // Through the repository, like a profile change: sessions and caches built from the row forget it.
  await updatePersonRow(ctx.deps.database.db, personId, { locale });
}

export async function loginAs(ctx: TestContext, email: string, password = PASSWORD): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}

/** The cast of the authorization matrix, all in one organisation, plus an outsider in another one. */
export async function makeCast(ctx: TestContext) {
  const { orgId, admin } = await makeOrg(ctx);
  const grandManager = await makePerson(ctx, orgId, { firstName: 'Gaelle', lastName: 'Directrice' });
  const manager = await makePerson(ctx, orgId, {
    firstName: 'Marc',
    lastName: 'Manager',
    managerId: grandManager.id,
  });
  const subject = await makePerson(ctx, orgId, {
    firstName: 'Sophie',
    lastName: 'Sujet',
    managerId: manager.id,
  });
  const directReport = await makePerson(ctx, orgId, {
    firstName: 'Rémi',
    lastName: 'Rapport',
    managerId: subject.id,
  });
  const colleague = await makePerson(ctx, orgId, {
    firstName: 'Claire',
    lastName: 'Collegue',
    managerId: manager.id,
  });
  const other = await makeOrg(ctx);
  const outsider = await makePerson(ctx, other.orgId, { firstName: 'Oscar', lastName: 'Autre' });
  return { orgId, admin, grandManager, manager, subject, directReport, colleague, outsider, otherOrg: other };
}
