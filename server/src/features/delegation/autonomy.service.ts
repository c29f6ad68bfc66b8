import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Indicator,
  IndicatorBrief,
  PersonAutonomy,
  initiativeBody,
  matrixQuery,
  setLevelBody,
  suggestionQuery,
} from '../../../../core/api/delegation.schemas.ts';
import { matrixBody } from '../../../../core/api/delegation.schemas.ts';
import {
  autonomyIndicator,
  autonomyIndicatorByPerson,
  suggestAssignees,
  type AutonomyIndicator,
  type ConcludedItem,
} from '../../../../core/domain/autonomy.ts';
import { fromFlag, nowIso, toFlag } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize, can, type Actor } from '../../http/policy.ts';
import { notify } from '../notifications/inbox.ts';
import { fullName } from '../people/person.presenter.ts';
import { findPersonById, findSubtreeIds } from '../people/person.repository.ts';
import { loadPersonSubject } from '../people/person.service.ts';
import { autonomyChanged, matrixCache } from './autonomy.cache.ts';
import { todayIso } from './card.service.ts';
import * as repo from './delegation.repository.ts';

type Db = Kysely<DB>;
const DAY = 86_400_000;
const BUCKETS = 6;
/** A matrix never lists more people than this (the 200-person subtree of the issue fits with room). */
const MATRIX_MAX_PEOPLE = 500;

const presentIndicator = (i: AutonomyIndicator): Indicator => ({
  current: i.current,
  previous: i.previous,
  trend: i.trend,
  delta: i.delta,
  series: i.series,
});

const briefIndicator = (i: AutonomyIndicator): IndicatorBrief => ({
  rate: i.current.rate,
  concluded: i.current.concluded,
  withoutValidation: i.current.withoutValidation,
  trend: i.trend,
  delta: i.delta,
  rates: i.series.map((s) => s.rate),
});

/** End of the indicator window: the end of today (UTC), so the figure is stable during the day. */
const windowEnd = () => `${todayIso(new Date(Date.now() + DAY))}T00:00:00.000Z`;

async function concludedItems(db: Db, personIds: readonly string[], from: string): Promise<ConcludedItem[]> {
  const out: ConcludedItem[] = [];
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('dl_concluded')
      .select(['person_id', 'concluded_at', 'without_validation'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('concluded_at', '>=', from)
      .execute();
    for (const r of rows)
      out.push({
        personId: r.person_id,
        concludedAt: r.concluded_at,
        withoutValidation: fromFlag(r.without_validation),
      });
  }
  return out;
}

async function loadVisiblePerson(db: Db, actor: Actor, id: string) {
  const loaded = await loadPersonSubject(db, id);
  if (!loaded) throw notFound();
  authorize(actor, 'autonomy.read', loaded.subject);
  return loaded;
}

// ── Matrix ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The matrix as UTF-8 JSON, ready to send. The body is computed, validated against the contract and encoded
 * once per organisation, manager, scope, period, day and reader, then kept in the short-lived autonomy
 * cache (every autonomy or people write drops it). A 200-person subtree is ~110 kB: sending stored bytes
 * spares building and encoding that string on every request.
 */
export async function getMatrixBytes(
  db: Db,
  actor: Actor,
  query: z.infer<typeof matrixQuery>,
): Promise<Buffer> {
  const managerId = query.managerId ?? actor.personId;
  // Only someone above the people may change levels; for the manager's own team that is the manager.
  const raiseLevels = actor.personId === managerId;
  // Per reader, authorized inside: a stored copy implies this reader was allowed, and who sees whom changes
  // only with people (any people write empties the cache).
  const key = `${managerId}:${query.scope}:${query.periodDays}:${todayIso()}:${actor.personId}`;
  return matrixCache.getOrCompute(actor.orgId, key, async () => {
    // The caller's own matrix needs no chain lookup; anyone else's is checked against the manager chain.
    let manager: { first_name: string; last_name: string; org_id: string } | undefined;
    if (managerId === actor.personId) {
      manager = await findPersonById(db, managerId);
      if (!manager) throw notFound();
    } else {
      manager = (await loadVisiblePerson(db, actor, managerId)).row;
    }
    const body = matrixBody.parse(await computeMatrix(db, managerId, manager, query));
    return Buffer.from(JSON.stringify({ ...body, permissions: { raiseLevels } }));
  });
}

async function computeMatrix(
  db: Db,
  managerId: string,
  manager: { first_name: string; last_name: string; org_id: string },
  query: z.infer<typeof matrixQuery>,
): Promise<z.infer<typeof matrixBody>> {
  const ids =
    query.scope === 'team'
      ? await repo.directReportIds(db, managerId)
      : (await findSubtreeIds(db, managerId)).slice(0, MATRIX_MAX_PEOPLE);
  const to = windowEnd();
  const periodMs = query.periodDays * DAY;
  const from = new Date(Date.parse(to) - BUCKETS * periodMs).toISOString();
  const currentFrom = new Date(Date.parse(to) - periodMs).toISOString();
  const [people, levels, raised, items] = await Promise.all([
    ids.length
      ? db
          .selectFrom('person')
          .select(['id', 'first_name', 'last_name', 'job_title', 'manager_id'])
          .where('id', 'in', ids)
          .orderBy('last_name')
          .orderBy('first_name')
          .execute()
      : Promise.resolve([]),
    ids.length
      ? db
          .selectFrom('dl_level')
          .select(['person_id', 'domain_id', 'level'])
          .where('person_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    ids.length
      ? db
          .selectFrom('dl_level_change')
          .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('person_id', 'in', ids)
          .where('changed_at', '>=', currentFrom)
          .where((eb) => eb.or([eb('from_level', 'is', null), eb('to_level', '>', eb.ref('from_level'))]))
          .groupBy('person_id')
          .execute()
      : Promise.resolve([]),
    concludedItems(db, ids, from),
  ]);
  const leads =
    query.scope === 'team' ? [managerId] : [managerId, ...new Set(people.map((p) => p.manager_id!))];
  const domains = await db
    .selectFrom('dl_domain')
    .select(['id', 'name', 'team_lead_id'])
    .where('team_lead_id', 'in', [...new Set(leads)])
    .where('archived', '=', 0)
    .orderBy('name')
    .execute();
  const opts = { to, periodDays: query.periodDays, buckets: BUCKETS };
  const byPerson = autonomyIndicatorByPerson(items, opts, ids);
  const levelsOf = new Map<string, Record<string, number>>();
  for (const l of levels) {
    const m = levelsOf.get(l.person_id) ?? {};
    m[l.domain_id] = l.level;
    levelsOf.set(l.person_id, m);
  }
  const raisedOf = new Map(raised.map((r) => [r.person_id, Number(r.n)]));
  return {
    manager: { id: managerId, name: fullName(manager) },
    scope: query.scope,
    periodDays: query.periodDays,
    domains: domains.map((d) => ({ id: d.id, name: d.name, teamLeadId: d.team_lead_id })),
    rows: people.map((p) => ({
      person: { id: p.id, name: fullName(p), jobTitle: p.job_title, managerId: p.manager_id },
      levels: levelsOf.get(p.id) ?? {},
      raisedInPeriod: raisedOf.get(p.id) ?? 0,
      indicator: briefIndicator(byPerson.get(p.id) ?? autonomyIndicator([], opts)),
    })),
    team: presentIndicator(autonomyIndicator(items, opts)),
  };
}

// ── One person ─────────────────────────────────────────────────────────────────────────────────

export async function getPersonAutonomy(
  db: Db,
  actor: Actor,
  id: string,
  periodDays: number,
): Promise<PersonAutonomy> {
  const { row, subject } = await loadVisiblePerson(db, actor, id);
  const to = windowEnd();
  const from = new Date(Date.parse(to) - BUCKETS * periodDays * DAY).toISOString();
  const [levels, history, items, initiatives] = await Promise.all([
    db
      .selectFrom('dl_level as l')
      .innerJoin('dl_domain as d', 'd.id', 'l.domain_id')
      .select(['l.domain_id', 'd.name', 'l.level', 'l.updated_at'])
      .where('l.person_id', '=', id)
      .orderBy('d.name')
      .execute(),
    db
      .selectFrom('dl_level_change as c')
      .innerJoin('dl_domain as d', 'd.id', 'c.domain_id')
      .leftJoin('person as p', 'p.id', 'c.changed_by')
      .select([
        'c.id',
        'c.domain_id',
        'd.name',
        'c.from_level',
        'c.to_level',
        'c.reason',
        'c.card_id',
        'c.changed_by',
        'c.changed_at',
        'p.first_name',
        'p.last_name',
      ])
      .where('c.person_id', '=', id)
      .orderBy('c.changed_at', 'desc')
      .limit(100)
      .execute(),
    concludedItems(db, [id], from),
    db
      .selectFrom('dl_initiative as i')
      .leftJoin('dl_domain as d', 'd.id', 'i.domain_id')
      .select([
        'i.id',
        'i.title',
        'i.outcome',
        'i.domain_id',
        'd.name',
        'i.validation_asked',
        'i.concluded_on',
      ])
      .where('i.person_id', '=', id)
      .orderBy('i.concluded_on', 'desc')
      .limit(50)
      .execute(),
  ]);
  return {
    person: { id, name: fullName(row) },
    levels: levels.map((l) => ({
      domain: { id: l.domain_id, name: l.name },
      level: l.level,
      updatedAt: l.updated_at,
    })),
    history: history.map((h) => ({
      id: h.id,
      domain: { id: h.domain_id, name: h.name },
      fromLevel: h.from_level,
      toLevel: h.to_level,
      reason: h.reason,
      cardId: h.card_id,
      changedBy:
        h.changed_by && h.first_name ? { id: h.changed_by, name: `${h.first_name} ${h.last_name}` } : null,
      changedAt: h.changed_at,
    })),
    indicator: presentIndicator(autonomyIndicator(items, { to, periodDays, buckets: BUCKETS })),
    initiatives: initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      outcome: i.outcome,
      domain: i.domain_id && i.name ? { id: i.domain_id, name: i.name } : null,
      validationAsked: fromFlag(i.validation_asked),
      concludedOn: i.concluded_on,
    })),
    permissions: {
      setLevel: can(actor, 'autonomy.setLevel', subject),
      logInitiative: actor.personId === id,
    },
  };
}

export async function setLevel(
  db: Db,
  actor: Actor,
  personId: string,
  domainId: string,
  body: z.infer<typeof setLevelBody>,
) {
  const loaded = await loadPersonSubject(db, personId);
  if (!loaded) throw notFound();
  authorize(actor, 'autonomy.setLevel', loaded.subject);
  const domain = await db
    .selectFrom('dl_domain')
    .select(['id', 'org_id', 'name', 'archived'])
    .where('id', '=', domainId)
    .executeTakeFirst();
  if (!domain || domain.org_id !== actor.orgId || fromFlag(domain.archived))
    throw invalid('domainId', 'domain_unknown');
  if (body.cardId) {
    const card = await repo.findCard(db, body.cardId);
    if (!card || card.assignee_id !== personId) throw invalid('cardId', 'invalid');
  }
  const now = nowIso();
  const current = await db
    .selectFrom('dl_level')
    .select('level')
    .where('person_id', '=', personId)
    .where('domain_id', '=', domainId)
    .executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dl_level')
      .values({
        org_id: actor.orgId,
        person_id: personId,
        domain_id: domainId,
        level: body.level,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['person_id', 'domain_id']).doUpdateSet({ level: body.level, updated_at: now }),
      )
      .execute();
    await trx
      .insertInto('dl_level_change')
      .values({
        id: crypto.randomUUID(),
        org_id: actor.orgId,
        person_id: personId,
        domain_id: domainId,
        from_level: current?.level ?? null,
        to_level: body.level,
        reason: body.reason,
        card_id: body.cardId,
        changed_by: actor.personId,
        changed_at: now,
      })
      .execute();
    if (!current || body.level > current.level) {
      const me = await trx
        .selectFrom('person')
        .select(['first_name', 'last_name'])
        .where('id', '=', actor.personId)
        .executeTakeFirst();
      await notify(trx, [
        {
          orgId: actor.orgId,
          personId,
          kind: 'delegation.levelRaised',
          params: { name: me ? fullName(me) : '', domain: domain.name, level: body.level, outcome: '' },
          link: `/autonomy/people/${personId}`,
        },
      ]);
    }
  });
  autonomyChanged(actor.orgId);
  return getPersonAutonomy(db, actor, personId, 90);
}

export async function logInitiative(db: Db, actor: Actor, body: z.infer<typeof initiativeBody>) {
  authorize(actor, 'autonomy.logInitiative', { orgId: actor.orgId });
  if (body.concludedOn > todayIso()) throw invalid('concludedOn', 'in_future');
  if (body.domainId) {
    const d = await db
      .selectFrom('dl_domain')
      .select('org_id')
      .where('id', '=', body.domainId)
      .executeTakeFirst();
    if (!d || d.org_id !== actor.orgId) throw invalid('domainId', 'domain_unknown');
  }
  const id = crypto.randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dl_initiative')
      .values({
        id,
        org_id: actor.orgId,
        person_id: actor.personId,
        domain_id: body.domainId,
        title: body.title,
        outcome: body.outcome,
        validation_asked: toFlag(body.validationAsked),
        concluded_on: body.concludedOn,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('dl_concluded')
      .values({
        org_id: actor.orgId,
        person_id: actor.personId,
        source: 'initiative',
        source_id: id,
        concluded_at: `${body.concludedOn}T12:00:00.000Z`,
        without_validation: toFlag(!body.validationAsked),
      })
      .execute();
  });
  autonomyChanged(actor.orgId);
  return getPersonAutonomy(db, actor, actor.personId, 90);
}

// ── Who could take it? ─────────────────────────────────────────────────────────────────────────

const SUGGESTION_POOL = 300;

export async function suggest(db: Db, actor: Actor, query: z.infer<typeof suggestionQuery>) {
  authorize(actor, 'delegation.create', { orgId: actor.orgId });
  const ids = (await findSubtreeIds(db, actor.personId)).slice(0, SUGGESTION_POOL);
  if (ids.length === 0) return { items: [] };
  let domainName = '';
  if (query.domainId) {
    const d = await db
      .selectFrom('dl_domain')
      .select(['name', 'org_id'])
      .where('id', '=', query.domainId)
      .executeTakeFirst();
    if (d && d.org_id === actor.orgId) domainName = d.name;
  }
  const [people, skills, levels, load] = await Promise.all([
    db
      .selectFrom('person')
      .select(['id', 'first_name', 'last_name'])
      .where('id', 'in', ids)
      .where('status', '!=', 'inactive')
      .execute(),
    db
      .selectFrom('person_skill')
      .select(['person_id', 'name', 'level'])
      .where('person_id', 'in', ids)
      .execute(),
    query.domainId
      ? db
          .selectFrom('dl_level')
          .select(['person_id', 'level'])
          .where('domain_id', '=', query.domainId)
          .where('person_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    repo.openLoad(db, ids),
  ]);
  const skillsOf = new Map<string, { name: string; level: number }[]>();
  for (const s of skills) {
    const list = skillsOf.get(s.person_id) ?? [];
    list.push({ name: s.name, level: s.level });
    skillsOf.set(s.person_id, list);
  }
  const levelOf = new Map(levels.map((l) => [l.person_id, l.level]));
  const ranked = suggestAssignees(
    people.map((p) => ({
      personId: p.id,
      name: fullName(p),
      skills: skillsOf.get(p.id) ?? [],
      domainLevel: levelOf.get(p.id) ?? null,
      openLoad: load.get(p.id) ?? 0,
    })),
    { text: `${query.text} ${domainName}`, level: query.level },
    3,
  );
  return {
    items: ranked.map((s) => ({
      person: { id: s.personId, name: s.name },
      score: s.score,
      matchedSkills: s.matchedSkills,
      domainLevel: s.domainLevel,
      fitsLevel: s.fitsLevel,
      openLoad: s.openLoad,
      reason: s.reason,
    })),
  };
}
