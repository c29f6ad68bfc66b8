import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Handover,
  Sample,
  createDomainBody,
  createHandoverBody,
  learningBody,
  learningQuery,
  updateDomainBody,
  updateStageBody,
} from '../../../../core/api/delegation.schemas.ts';
import { drawSample, sampleSeed } from '../../../../core/domain/autonomy.ts';
import { fromFlag, likePattern, nowIso, toFlag } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, can, type Actor } from '../../http/policy.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import { fullName } from '../people/person.presenter.ts';
import { findManagerChain } from '../people/person.repository.ts';
import { loadPersonSubject } from '../people/person.service.ts';
import { autonomyChanged } from './autonomy.cache.ts';
import { presentSummary, todayIso } from './card.service.ts';
import * as repo from './delegation.repository.ts';

type Db = Kysely<DB>;
const DEFAULT_SHARE = 0.2;
const DAY = 86_400_000;

async function loadTeam(db: Db, actor: Actor, leadId: string | undefined) {
  const lead = leadId ?? (await repo.defaultTeamLead(db, actor.personId));
  const row = await db.selectFrom('person').select('org_id').where('id', '=', lead).executeTakeFirst();
  if (!row) throw notFound();
  return repo.teamSubject(db, row.org_id, lead);
}

// ── Domains and settings ───────────────────────────────────────────────────────────────────────

export async function listDomains(db: Db, actor: Actor, teamLeadId: string | undefined) {
  const team = await loadTeam(db, actor, teamLeadId);
  authorize(actor, 'delegation.readTeam', team);
  const [items, setting] = await Promise.all([
    db.selectFrom('dl_domain').selectAll().where('team_lead_id', '=', team.leadId).orderBy('name').execute(),
    db
      .selectFrom('dl_team_setting')
      .select('sample_share')
      .where('team_lead_id', '=', team.leadId)
      .executeTakeFirst(),
  ]);
  return {
    items: items.map(presentDomain),
    sampleShare: setting?.sample_share ?? DEFAULT_SHARE,
    permissions: { manage: can(actor, 'delegation.manageTeam', team) },
  };
}

const presentDomain = (d: DB['dl_domain']) => ({
  id: d.id,
  teamLeadId: d.team_lead_id,
  name: d.name,
  description: d.description,
  archived: fromFlag(d.archived),
});

async function uniqueName(db: Db, leadId: string, name: string, exceptId?: string) {
  let q = db.selectFrom('dl_domain').select('id').where('team_lead_id', '=', leadId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('domain_exists', 'name');
}

export async function createDomain(db: Db, actor: Actor, body: z.infer<typeof createDomainBody>) {
  const team = await loadTeam(db, actor, body.teamLeadId ?? actor.personId);
  authorize(actor, 'delegation.manageTeam', team);
  await uniqueName(db, team.leadId, body.name);
  const row = {
    id: crypto.randomUUID(),
    org_id: team.orgId,
    team_lead_id: team.leadId,
    name: body.name,
    description: body.description,
    archived: 0,
    created_at: nowIso(),
  };
  await db.insertInto('dl_domain').values(row).execute();
  autonomyChanged(team.orgId);
  return presentDomain(row);
}

export async function updateDomain(db: Db, actor: Actor, id: string, body: z.infer<typeof updateDomainBody>) {
  const d = await db.selectFrom('dl_domain').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound();
  const team = await repo.teamSubject(db, d.org_id, d.team_lead_id);
  authorize(actor, 'delegation.manageTeam', team);
  if (body.name !== undefined) await uniqueName(db, d.team_lead_id, body.name, id);
  await db
    .updateTable('dl_domain')
    .set({
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.archived !== undefined && { archived: toFlag(body.archived) }),
    })
    .where('id', '=', id)
    .execute();
  autonomyChanged(d.org_id);
  const fresh = await db.selectFrom('dl_domain').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return presentDomain(fresh);
}

export async function setTeamSettings(db: Db, actor: Actor, leadId: string, sampleShare: number) {
  const team = await loadTeam(db, actor, leadId);
  authorize(actor, 'delegation.manageTeam', team);
  const now = nowIso();
  await db
    .insertInto('dl_team_setting')
    .values({ team_lead_id: leadId, org_id: team.orgId, sample_share: sampleShare, updated_at: now })
    .onConflict((oc) => oc.column('team_lead_id').doUpdateSet({ sample_share: sampleShare, updated_at: now }))
    .execute();
  return listDomains(db, actor, leadId);
}

// ── Weekly review sample ───────────────────────────────────────────────────────────────────────

/**
 * This week's draw for a manager: among the delegations they handed out that were finished during the
 * previous week, a share (team setting, at least one) picked by a seeded, reproducible draw. The seed,
 * share and pool size are stored so an auditor can redo the draw; the unique (manager, week) key makes
 * the first reader win when two requests race.
 */
async function ensureCurrentSample(db: Db, orgId: string, managerId: string, now = new Date()) {
  const { seed, weekStart } = sampleSeed(managerId, now);
  const existing = await db
    .selectFrom('dl_sample')
    .select('id')
    .where('manager_id', '=', managerId)
    .where('week_start', '=', weekStart)
    .executeTakeFirst();
  if (existing) return;
  const prevStart = new Date(Date.parse(`${weekStart}T00:00:00.000Z`) - 7 * DAY).toISOString();
  const [pool, setting] = await Promise.all([
    db
      .selectFrom('dl_card')
      .select('id')
      .where('delegator_id', '=', managerId)
      .where('status', '=', 'done')
      .where('done_at', '>=', prevStart)
      .where('done_at', '<', `${weekStart}T00:00:00.000Z`)
      .execute(),
    db
      .selectFrom('dl_team_setting')
      .select('sample_share')
      .where('team_lead_id', '=', managerId)
      .executeTakeFirst(),
  ]);
  const share = setting?.sample_share ?? DEFAULT_SHARE;
  const drawn = drawSample(
    pool.map((p) => p.id),
    share,
    seed,
  );
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('dl_sample')
      .values({
        id,
        org_id: orgId,
        manager_id: managerId,
        week_start: weekStart,
        seed,
        share,
        pool_size: pool.length,
        drawn_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['manager_id', 'week_start']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) !== 1 || drawn.length === 0) return;
    await trx
      .insertInto('dl_sample_item')
      .values(drawn.map((cardId) => ({ sample_id: id, card_id: cardId, reviewed_at: null, review_note: '' })))
      .execute();
  });
}

async function presentSamples(db: Db, rows: DB['dl_sample'][]): Promise<Sample[]> {
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('dl_sample_item')
    .selectAll()
    .where(
      'sample_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const today = todayIso();
  const cards = items.length
    ? await repo
        .cardSummaryQuery(db, today)
        .where(
          'c.id',
          'in',
          items.map((i) => i.card_id),
        )
        .execute()
    : [];
  const cardOf = new Map(cards.map((c) => [c.id, presentSummary(c, today)]));
  return rows.map((s) => ({
    id: s.id,
    weekStart: s.week_start,
    seed: s.seed,
    share: s.share,
    poolSize: s.pool_size,
    drawnAt: s.drawn_at,
    items: items
      .filter((i) => i.sample_id === s.id && cardOf.has(i.card_id))
      .map((i) => ({ card: cardOf.get(i.card_id)!, reviewedAt: i.reviewed_at, reviewNote: i.review_note })),
  }));
}

export async function listSamples(db: Db, actor: Actor, managerId: string | undefined) {
  const id = managerId ?? actor.personId;
  const loaded = await loadPersonSubject(db, id);
  if (!loaded) throw notFound();
  authorize(actor, 'delegation.readSamples', loaded.subject);
  // Only the manager's own visit draws this week's sample; others read what was drawn.
  if (id === actor.personId) await ensureCurrentSample(db, loaded.row.org_id, id);
  const rows = await db
    .selectFrom('dl_sample')
    .selectAll()
    .where('manager_id', '=', id)
    .orderBy('week_start', 'desc')
    .limit(12)
    .execute();
  return { items: await presentSamples(db, rows) };
}

export async function reviewSampleItem(db: Db, actor: Actor, sampleId: string, cardId: string, note: string) {
  const s = await db.selectFrom('dl_sample').selectAll().where('id', '=', sampleId).executeTakeFirst();
  if (!s) throw notFound();
  const loaded = await loadPersonSubject(db, s.manager_id);
  if (!loaded) throw notFound();
  authorize(actor, 'delegation.reviewSample', loaded.subject);
  const r = await db
    .updateTable('dl_sample_item')
    .set({ reviewed_at: nowIso(), review_note: note })
    .where('sample_id', '=', sampleId)
    .where('card_id', '=', cardId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw notFound();
  return (await presentSamples(db, [s]))[0]!;
}

// ── Client handovers ───────────────────────────────────────────────────────────────────────────

async function presentHandovers(db: Db, actor: Actor, rows: DB['dl_handover'][]): Promise<Handover[]> {
  if (rows.length === 0) return [];
  const [stages, names] = await Promise.all([
    db
      .selectFrom('dl_handover_stage')
      .selectAll()
      .where(
        'handover_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('stage')
      .execute(),
    repo.namesOf(
      db,
      rows.flatMap((r) => [r.manager_id, r.member_id]),
    ),
  ]);
  const name = (id: string) => ({ id, name: names.get(id) ? fullName(names.get(id)!) : '' });
  return rows.map((h) => {
    const own = stages.filter((s) => s.handover_id === h.id);
    const currentStage = own.reduce((m, s) => (s.done_on ? Math.max(m, s.stage) : m), 0);
    return {
      id: h.id,
      account: h.account,
      note: h.note,
      manager: name(h.manager_id),
      member: name(h.member_id),
      currentStage,
      primaryContact: currentStage >= 4 ? name(h.member_id) : name(h.manager_id),
      stages: own.map((s) => ({ stage: s.stage, plannedOn: s.planned_on, doneOn: s.done_on, note: s.note })),
      permissions: { edit: actor.personId === h.manager_id || actor.personId === h.member_id },
    };
  });
}

export async function listHandovers(db: Db, actor: Actor, managerId: string | undefined) {
  let q = db.selectFrom('dl_handover').selectAll().where('org_id', '=', actor.orgId);
  if (managerId && managerId !== actor.personId) {
    const loaded = await loadPersonSubject(db, managerId);
    if (!loaded) throw notFound();
    authorize(actor, 'autonomy.read', loaded.subject);
    q = q.where('manager_id', '=', managerId);
  } else if (managerId) q = q.where('manager_id', '=', managerId);
  else
    q = q.where((eb) => eb.or([eb('manager_id', '=', actor.personId), eb('member_id', '=', actor.personId)]));
  const rows = await q.orderBy('account').limit(200).execute();
  return { items: await presentHandovers(db, actor, rows) };
}

export async function createHandover(db: Db, actor: Actor, body: z.infer<typeof createHandoverBody>) {
  authorize(actor, 'handover.create', { orgId: actor.orgId });
  const member = await db
    .selectFrom('person')
    .select(['id', 'org_id'])
    .where('id', '=', body.memberId)
    .executeTakeFirst();
  if (!member || member.org_id !== actor.orgId) throw invalid('memberId', 'not_in_team');
  if (!(await findManagerChain(db, member.id)).includes(actor.personId))
    throw invalid('memberId', 'not_in_team');
  const id = crypto.randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dl_handover')
      .values({
        id,
        org_id: actor.orgId,
        manager_id: actor.personId,
        member_id: member.id,
        account: body.account,
        note: body.note,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('dl_handover_stage')
      .values(
        [1, 2, 3, 4].map((stage) => ({
          handover_id: id,
          stage,
          planned_on: body.plannedOn[stage - 1] ?? null,
          done_on: null,
          note: '',
        })),
      )
      .execute();
  });
  return getHandover(db, actor, id);
}

async function loadHandover(db: Db, id: string) {
  const h = await db.selectFrom('dl_handover').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) throw notFound();
  return { h, subject: await repo.handoverSubject(db, h) };
}

export async function getHandover(db: Db, actor: Actor, id: string) {
  const { h, subject } = await loadHandover(db, id);
  authorize(actor, 'handover.read', subject);
  return (await presentHandovers(db, actor, [h]))[0]!;
}

export async function updateStage(
  db: Db,
  actor: Actor,
  id: string,
  stage: number,
  body: z.infer<typeof updateStageBody>,
) {
  const { h, subject } = await loadHandover(db, id);
  authorize(actor, 'handover.write', subject);
  await db
    .updateTable('dl_handover_stage')
    .set({
      ...(body.plannedOn !== undefined && { planned_on: body.plannedOn }),
      ...(body.note !== undefined && { note: body.note }),
      ...(body.done !== undefined && { done_on: body.done ? todayIso() : null }),
    })
    .where('handover_id', '=', id)
    .where('stage', '=', stage)
    .execute();
  await db.updateTable('dl_handover').set({ updated_at: nowIso() }).where('id', '=', h.id).execute();
  return (await presentHandovers(db, actor, [h]))[0]!;
}

// ── Learning log ───────────────────────────────────────────────────────────────────────────────

export async function listLearning(db: Db, actor: Actor, query: z.infer<typeof learningQuery>) {
  const team = await loadTeam(db, actor, query.teamLeadId);
  authorize(actor, 'delegation.readTeam', team);
  let q = db
    .selectFrom('dl_learning as l')
    .innerJoin('person as p', 'p.id', 'l.author_id')
    .leftJoin('dl_domain as d', 'd.id', 'l.domain_id')
    .where('l.team_lead_id', '=', team.leadId)
    // Private entries are their author's only.
    .where((eb) => eb.or([eb('l.private', '=', 0), eb('l.author_id', '=', actor.personId)]));
  if (query.domainId) q = q.where('l.domain_id', '=', query.domainId);
  if (query.q) q = q.where('l.search_text', 'like', likePattern(foldForSearch(query.q)));
  const [rows, total, bravos] = await Promise.all([
    q
      .select([
        'l.id',
        'l.kind',
        'l.title',
        'l.body',
        'l.author_id',
        'p.first_name',
        'p.last_name',
        'l.domain_id',
        'd.name as domain_name',
        'l.card_id',
        'l.private',
        'l.created_at',
      ])
      .orderBy('l.created_at', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('dl_bravo as b')
      .innerJoin('dl_card as c', 'c.id', 'b.card_id')
      .select(['b.id', 'b.from_id', 'b.to_id', 'b.message', 'b.created_at', 'b.card_id', 'c.outcome'])
      .where('b.team_lead_id', '=', team.leadId)
      .orderBy('b.created_at', 'desc')
      .limit(10)
      .execute(),
  ]);
  const names = await repo.namesOf(
    db,
    bravos.flatMap((b) => [b.from_id, b.to_id]),
  );
  const name = (id: string) => ({ id, name: names.get(id) ? fullName(names.get(id)!) : '' });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as 'debrief' | 'error' | 'lesson',
      title: r.title,
      body: r.body,
      author: { id: r.author_id, name: `${r.first_name} ${r.last_name}` },
      domain: r.domain_id && r.domain_name ? { id: r.domain_id, name: r.domain_name } : null,
      cardId: r.card_id,
      private: fromFlag(r.private),
      createdAt: r.created_at,
    })),
    bravos: bravos.map((b) => ({
      id: b.id,
      from: name(b.from_id),
      to: name(b.to_id),
      message: b.message,
      createdAt: b.created_at,
      card: { id: b.card_id, outcome: b.outcome },
    })),
    total: Number(total.n),
    limit: query.limit,
    offset: query.offset,
  };
}

export async function addLearning(db: Db, actor: Actor, body: z.infer<typeof learningBody>) {
  authorize(actor, 'learning.write', { orgId: actor.orgId });
  const team = await loadTeam(db, actor, body.teamLeadId);
  // One writes in a team one belongs to (as its lead or a member).
  if (
    !(team.leadId === actor.personId || team.memberIds.includes(actor.personId)) ||
    team.orgId !== actor.orgId
  )
    throw invalid('teamLeadId', 'not_in_team');
  if (body.domainId) {
    const d = await db
      .selectFrom('dl_domain')
      .select('org_id')
      .where('id', '=', body.domainId)
      .executeTakeFirst();
    if (!d || d.org_id !== actor.orgId) throw invalid('domainId', 'domain_unknown');
  }
  if (body.cardId) {
    const card = await repo.findCard(db, body.cardId);
    if (!card || (card.assignee_id !== actor.personId && card.delegator_id !== actor.personId))
      throw invalid('cardId', 'invalid');
  }
  const me = await db
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const row = {
    id: crypto.randomUUID(),
    org_id: actor.orgId,
    author_id: actor.personId,
    team_lead_id: team.leadId,
    card_id: body.cardId,
    domain_id: body.domainId,
    kind: body.kind,
    title: body.title,
    body: body.body,
    private: toFlag(body.private),
    search_text: foldForSearch(`${body.title} ${body.body}`),
    created_at: nowIso(),
  };
  await db.insertInto('dl_learning').values(row).execute();
  const domain = body.domainId
    ? await db
        .selectFrom('dl_domain')
        .select(['id', 'name'])
        .where('id', '=', body.domainId)
        .executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    kind: body.kind,
    title: row.title,
    body: row.body,
    author: { id: actor.personId, name: fullName(me) },
    domain: domain ? { id: domain.id, name: domain.name } : null,
    cardId: row.card_id,
    private: body.private,
    createdAt: row.created_at,
  };
}
