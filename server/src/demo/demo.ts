import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { nowIso, toFlag } from '../db/dialect.ts';
import type { AppDeps } from '../http/types.ts';
import { createPasswordUser } from '../features/auth/auth.ts';
import { createOrganisationWithAdmin } from '../features/organisations/organisation.service.ts';
import {
  insertPerson,
  listPeopleOfOrg,
  replaceSkills,
  updatePersonRow,
} from '../features/people/person.repository.ts';
import { demoExtensions, type DemoContext, type DemoExtension } from './demo.extensions.ts';
import { buildDemoPeople, type DemoPerson, type DemoPlan } from './demo.plan.ts';
import { findOrganisationByName, insertPendingInvitation } from './demo.repository.ts';

export { buildDemoPeople, DEMO_ORGANISATION_NAME, type DemoPerson, type DemoPlan } from './demo.plan.ts';
export { demoExtensions, type DemoContext, type DemoExtension } from './demo.extensions.ts';

export const DEMO_PASSWORD = 'demo-relais-2026';
/** Password hashing is the slow part (argon2, ~50 ms): a few at a time, not sixty at once. */
const ACCOUNT_CONCURRENCY = 4;

export interface DemoAccount {
  email: string;
  name: string;
  personId: string;
}

export interface DemoResult {
  organisationId: string;
  password: string;
  accounts: { admin: DemoAccount; managerOfManagers: DemoAccount; manager: DemoAccount; member: DemoAccount };
  /** False when the demo organisation already existed (nothing was duplicated). */
  created: boolean;
  /** Plan key → person id, for tests and scripts that build on the demo. */
  personIds: Record<string, string>;
}

export interface DemoOptions {
  log?: (line: string) => void;
  password?: string;
  seed?: number;
  extensions?: readonly DemoExtension[];
}

/** `relais demo`: a fictitious French sales organisation, created once, whose sign-in details are printed every time. */
export async function runDemo(services: AppDeps, opts: DemoOptions = {}): Promise<DemoResult> {
  const log = opts.log ?? console.log;
  const password = opts.password ?? DEMO_PASSWORD;
  const plan = buildDemoPeople(opts.seed);
  const db = services.database.db;

  const existing = await findOrganisationByName(db, plan.organisationName);
  if (!existing) log(`Création de l'organisation de démonstration « ${plan.organisationName} »…`);
  const orgId = existing?.id ?? (await createDemoOrganisation(services, plan, password));
  const personIds = await ensurePeople(db, orgId, plan);
  await ensureAccounts(services, orgId, plan, personIds, password);

  const now = new Date();
  const ctx: DemoContext = {
    db,
    orgId,
    plan,
    personIds,
    person: (key) => ({ ...planned(plan, key), id: personIds.get(key)! }),
    fresh: !existing,
    now,
    seed: plan.seed,
    log,
  };
  for (const extension of opts.extensions ?? demoExtensions) await extension.run(ctx);

  const account = (key: string): DemoAccount => {
    const p = planned(plan, key);
    return { email: p.email, name: `${p.firstName} ${p.lastName}`, personId: personIds.get(key)! };
  };
  const result: DemoResult = {
    organisationId: orgId,
    password,
    accounts: {
      admin: account(plan.highlights.admin),
      managerOfManagers: account(plan.highlights.managerOfManagers),
      manager: account(plan.highlights.manager),
      member: account(plan.highlights.member),
    },
    created: !existing,
    personIds: Object.fromEntries(personIds),
  };
  printSignIn(log, services.config.publicUrl, plan, result);
  return result;
}

function planned(plan: DemoPlan, key: string): DemoPerson {
  const p = plan.people.find((x) => x.key === key);
  if (!p) throw new Error(`unknown demo person: ${key}`);
  return p;
}

async function createDemoOrganisation(services: AppDeps, plan: DemoPlan, password: string): Promise<string> {
  const admin = planned(plan, plan.highlights.admin);
  const { orgId } = await createOrganisationWithAdmin(services.database.db, services.auth, {
    organisationName: plan.organisationName,
    firstName: admin.firstName,
    lastName: admin.lastName,
    email: admin.email,
    password,
    locale: 'fr',
  });
  return orgId;
}

/** Inserts every planned person missing from the organisation (matched by e-mail), in one transaction. */
async function ensurePeople(db: Kysely<DB>, orgId: string, plan: DemoPlan): Promise<Map<string, string>> {
  const rows = new Map((await listPeopleOfOrg(db, orgId)).map((r) => [r.email, r]));
  const ids = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const adminId = rows.get(planned(plan, plan.highlights.admin).email)?.id ?? null;
    for (const p of plan.people) {
      const managerId = p.managerKey === null ? null : (ids.get(p.managerKey) ?? null);
      const details = {
        job_title: p.jobTitle,
        job_description: p.jobDescription,
        team: p.team,
        manager_id: managerId,
      };
      const row = rows.get(p.email);
      if (row) {
        ids.set(p.key, row.id);
        // The admin made by createOrganisationWithAdmin starts with an empty profile.
        if (row.job_title === '') {
          await updatePersonRow(trx, row.id, { ...details, updated_at: now });
          await replaceSkills(trx, orgId, row.id, p.skills);
        }
        continue;
      }
      const id = crypto.randomUUID();
      ids.set(p.key, id);
      await insertPerson(trx, {
        id,
        org_id: orgId,
        user_id: null,
        email: p.email,
        first_name: p.firstName,
        last_name: p.lastName,
        ...details,
        is_admin: toFlag(p.isAdmin),
        locale: 'fr',
        status: 'invited',
        created_at: now,
        updated_at: now,
      });
      await replaceSkills(trx, orgId, id, p.skills);
      if (p.status === 'invited') {
        await insertPendingInvitation(trx, { orgId, personId: id, createdBy: adminId, now: new Date(now) });
      }
    }
  });
  return ids;
}

/** Gives every active demo person still without an account a password account; existing accounts keep their password. */
async function ensureAccounts(
  services: AppDeps,
  orgId: string,
  plan: DemoPlan,
  ids: Map<string, string>,
  password: string,
): Promise<void> {
  const db = services.database.db;
  const rows = new Map((await listPeopleOfOrg(db, orgId)).map((r) => [r.id, r]));
  const queue = plan.people.filter((p) => p.status === 'active' && !rows.get(ids.get(p.key)!)?.user_id);
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const user = await createPasswordUser(services.auth, {
        email: p.email,
        name: `${p.firstName} ${p.lastName}`,
        password,
      });
      await updatePersonRow(db, ids.get(p.key)!, {
        user_id: user.id,
        status: 'active',
        updated_at: nowIso(),
      });
    }
  };
  await Promise.all(Array.from({ length: ACCOUNT_CONCURRENCY }, worker));
}

function printSignIn(log: (line: string) => void, url: string, plan: DemoPlan, result: DemoResult): void {
  const invited = plan.people.filter((p) => p.status === 'invited').length;
  const line = '─'.repeat(78);
  const row = (label: string, a: DemoAccount, key: string) => {
    log(`  ${label}`);
    log(`      ${a.name} — ${planned(plan, key).jobTitle}`);
    log(`      ${a.email}`);
  };
  log(line);
  log(
    result.created
      ? `  Démo « ${plan.organisationName} » prête / Demo ready`
      : `  La démo « ${plan.organisationName} » existe déjà : rien n'a été dupliqué.`,
  );
  if (!result.created) log('  The demo organisation already exists: nothing was duplicated.');
  log(line);
  log(`  Adresse / URL:               ${url}`);
  log(`  Mot de passe / Password:     ${result.password}   (le même pour tous / same for every account)`);
  if (!result.created) {
    log('  Mots de passe inchangés depuis la création / Passwords unchanged since the demo was created.');
  }
  log('');
  log('  Comptes à essayer / Accounts to try:');
  row("RH, admin de l'organisation / HR, organisation admin", result.accounts.admin, plan.highlights.admin);
  row(
    'Manager de managers / Manager of managers',
    result.accounts.managerOfManagers,
    plan.highlights.managerOfManagers,
  );
  row('Manager / Manager', result.accounts.manager, plan.highlights.manager);
  row("Membre d'équipe / Team member", result.accounts.member, plan.highlights.member);
  log('');
  log(
    `  ${plan.people.length} personnes sur 3 niveaux de management, dont ${invited} avec une invitation en attente.`,
  );
  log(
    `  ${plan.people.length} people over 3 levels of management, ${invited} of them with a pending invitation.`,
  );
  log(line);
}
