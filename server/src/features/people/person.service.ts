import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CreatePersonBody, UpdatePersonBody } from '../../../../core/api/people.schemas.ts';
import { peoplePage, personDetail, teamResponse } from '../../../../core/api/people.schemas.ts';
import { createOrgCache } from '../../lib/org-cache.ts';
import { nowIso, toFlag } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, type Actor, type PersonSubject } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { oneOnOnesExport } from '../one-on-ones/export.ts';
import { delegationExport } from '../delegation/export.ts';
import { presentDetail, presentSummary, fullName } from './person.presenter.ts';
import * as repo from './person.repository.ts';

export async function loadPersonSubject(
  db: Kysely<DB>,
  id: string,
): Promise<{ row: repo.PersonRow; subject: PersonSubject } | null> {
  const row = await repo.findPersonById(db, id);
  if (!row) return null;
  const chain = await repo.findManagerChain(db, id);
  return { row, subject: { id: row.id, orgId: row.org_id, managerId: row.manager_id, chain } };
}

async function loadOrNotFound(db: Kysely<DB>, id: string) {
  const loaded = await loadPersonSubject(db, id);
  if (!loaded) throw notFound();
  return loaded;
}

export async function getPersonDetail(db: Kysely<DB>, actor: Actor, id: string) {
  const { row, subject } = await loadOrNotFound(db, id);
  authorize(actor, 'person.read', subject);
  return presentFull(db, actor, row, subject);
}

export async function presentFull(db: Kysely<DB>, actor: Actor, row: repo.PersonRow, subject: PersonSubject) {
  const [skills, manager, reports] = await Promise.all([
    repo.listSkills(db, row.id),
    row.manager_id ? repo.findPersonById(db, row.manager_id) : Promise.resolve(undefined),
    repo.countDirectReports(db, row.id),
  ]);
  return presentDetail(actor, row, { subject, skills, manager, directReports: Number(reports.n) });
}

/**
 * Directory pages, teams and the org chart are built only from people rows: their UTF-8 JSON is kept for a
 * few seconds and dropped at every change of a person in this process (every write goes through the
 * repository). Another instance's change shows within 15 s. Authorization runs before every lookup.
 */
const listings = createOrgCache<Buffer>({ ttlMs: 15_000, maxEntries: 2_000 });
repo.onPeopleChanged(() => listings.clear());

/**
 * One profile as UTF-8 JSON, per person and reader (the reader's rights are part of it). A stored copy was
 * built only after this reader was authorized; who may read whom comes from people rows, and any people write
 * empties the cache.
 */
export async function getPersonDetailBytes(db: Kysely<DB>, actor: Actor, id: string): Promise<Buffer> {
  return listings.getOrCompute(actor.orgId, `person:${id}:${actor.personId}`, async () =>
    Buffer.from(JSON.stringify(personDetail.parse(await getPersonDetail(db, actor, id)))),
  );
}

export async function listPeopleBytes(
  db: Kysely<DB>,
  actor: Actor,
  query: { q?: string; managerId?: string; limit: number; offset: number },
): Promise<Buffer> {
  authorize(actor, 'people.list', { orgId: actor.orgId });
  const key = `list:${query.limit}:${query.offset}:${query.managerId ?? ''}:${query.q ?? ''}`;
  return listings.getOrCompute(actor.orgId, key, async () => {
    const { rows, total } = await repo.listPeople(db, actor.orgId, query);
    const page = { items: rows.map(presentSummary), total, limit: query.limit, offset: query.offset };
    return Buffer.from(JSON.stringify(peoplePage.parse(page)));
  });
}

export async function listTeamBytes(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  scope: 'direct' | 'subtree',
): Promise<Buffer> {
  // Authorized inside: a stored copy implies this reader was allowed, and people writes empty the cache.
  return listings.getOrCompute(actor.orgId, `team:${scope}:${id}:${actor.personId}`, async () => {
    const { subject } = await loadOrNotFound(db, id);
    authorize(actor, 'person.readTeam', subject);
    const ids =
      scope === 'direct' ? await repo.findDirectReportIds(db, id) : await repo.findSubtreeIds(db, id);
    const rows = await repo.listSummariesByIds(db, ids);
    return Buffer.from(JSON.stringify(teamResponse.parse({ items: rows.map(presentSummary) })));
  });
}

/** The whole organisation (760 kB of JSON for 5,000 people), from the same short-lived cache. */
export async function orgChartBytes(db: Kysely<DB>, actor: Actor): Promise<Buffer> {
  authorize(actor, 'people.list', { orgId: actor.orgId });
  return listings.getOrCompute(actor.orgId, 'org-chart', async () => {
    const rows = await repo.listOrgChart(db, actor.orgId);
    const items = rows.map((r) => ({
      id: r.id,
      name: fullName(r),
      jobTitle: r.job_title,
      managerId: r.manager_id,
    }));
    return Buffer.from(JSON.stringify({ items }));
  });
}

/** A manager must exist in the same organisation and must not sit below the person (no loops). */
async function checkManager(
  db: Kysely<DB>,
  orgId: string,
  personId: string | null,
  managerId: string | null,
) {
  if (managerId === null) return;
  const manager = await repo.findPersonById(db, managerId);
  if (!manager || manager.org_id !== orgId) throw invalid('managerId', 'manager_not_found');
  if (personId === null) return;
  if (managerId === personId) throw invalid('managerId', 'manager_is_self');
  const chain = await repo.findManagerChain(db, managerId);
  if (chain.includes(personId)) throw invalid('managerId', 'manager_cycle');
}

export async function createPerson(db: Kysely<DB>, actor: Actor, body: CreatePersonBody) {
  authorize(actor, 'people.create', { orgId: actor.orgId });
  if (await repo.findPersonByEmail(db, actor.orgId, body.email)) throw conflict('email_taken', 'email');
  await checkManager(db, actor.orgId, null, body.managerId);
  const id = crypto.randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertPerson(trx, {
      id,
      org_id: actor.orgId,
      user_id: null,
      email: body.email,
      first_name: body.firstName,
      last_name: body.lastName,
      job_title: body.jobTitle,
      job_description: body.jobDescription,
      team: body.team,
      manager_id: body.managerId,
      is_admin: toFlag(body.isAdmin),
      locale: body.locale,
      status: 'invited',
      created_at: now,
      updated_at: now,
    });
    await repo.replaceSkills(trx, actor.orgId, id, dedupeSkills(body.skills));
    await recordAudit(trx, {
      orgId: actor.orgId,
      actorPersonId: actor.personId,
      action: 'person.create',
      subjectType: 'person',
      subjectId: id,
    });
  });
  repo.peopleCommitted([id]);
  return id;
}

function dedupeSkills(skills: { name: string; level: number }[]) {
  const byName = new Map<string, { name: string; level: number }>();
  for (const s of skills) byName.set(s.name.toLowerCase(), s);
  return [...byName.values()];
}

export async function updatePerson(db: Kysely<DB>, actor: Actor, id: string, body: UpdatePersonBody) {
  const { row, subject } = await loadOrNotFound(db, id);
  authorize(actor, 'person.update', subject);
  if (body.managerId !== undefined && body.managerId !== row.manager_id) {
    authorize(actor, 'person.updateManager', subject);
    await checkManager(db, row.org_id, id, body.managerId);
  }
  if (body.isAdmin !== undefined && toFlag(body.isAdmin) !== row.is_admin) {
    authorize(actor, 'person.updateRole', subject);
  }
  const patch: Partial<repo.PersonRow> = { updated_at: nowIso() };
  if (body.firstName !== undefined) patch.first_name = body.firstName;
  if (body.lastName !== undefined) patch.last_name = body.lastName;
  if (body.jobTitle !== undefined) patch.job_title = body.jobTitle;
  if (body.jobDescription !== undefined) patch.job_description = body.jobDescription;
  if (body.team !== undefined) patch.team = body.team;
  if (body.locale !== undefined) patch.locale = body.locale;
  if (body.managerId !== undefined) patch.manager_id = body.managerId;
  if (body.isAdmin !== undefined) patch.is_admin = toFlag(body.isAdmin);
  const stored = await db.transaction().execute(async (trx) => {
    // Read again under the lock: the search text is computed from what is stored, not from the first read.
    const current = (await repo.findPersonForUpdate(trx, id)) ?? row;
    await repo.updatePersonRow(trx, id, patch, current);
    if (body.skills) await repo.replaceSkills(trx, row.org_id, id, dedupeSkills(body.skills));
    await recordAudit(trx, {
      orgId: row.org_id,
      actorPersonId: actor.personId,
      action: 'person.update',
      subjectType: 'person',
      subjectId: id,
    });
    return { ...current, ...patch };
  });
  repo.peopleCommitted([id], Object.keys(patch));
  // Same place in the hierarchy: the row as written is the row as stored; a new manager means a new chain.
  if (stored.manager_id === row.manager_id) return presentFull(db, actor, stored, subject);
  const reloaded = await loadOrNotFound(db, id);
  return presentFull(db, actor, reloaded.row, reloaded.subject);
}

export async function exportPerson(db: Kysely<DB>, actor: Actor, id: string) {
  const { row, subject } = await loadOrNotFound(db, id);
  authorize(actor, 'person.export', subject);
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', row.org_id)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    orgId: row.org_id,
    actorPersonId: actor.personId,
    action: 'person.export',
    subjectType: 'person',
    subjectId: id,
  });
  return {
    exportedAt: nowIso(),
    person: await presentFull(db, actor, row, subject),
    organisation: org,
    oneOnOnes: await oneOnOnesExport(db, row.id),
    delegation: await delegationExport(db, row.id),
  };
}
