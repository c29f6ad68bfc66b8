import type { Kysely, Transaction } from 'kysely';
import type {
  CreateKeyResultBody,
  CreateObjectiveBody,
  ObjectiveDetail,
  ObjectiveRef,
  OkrOverview,
  OkrSettings,
  SaveReviewBody,
  TeamPage,
  UpdateKeyResultBody,
  UpdateObjectiveBody,
} from '../../../../core/api/okr.schemas.ts';
import { teamPage } from '../../../../core/api/okr.schemas.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, can, type Actor, type TeamSubject } from '../../http/policy.ts';
import { translate } from '../../http/messages.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findManagerChain } from '../people/person.repository.ts';
import { krTargetProblem, type KrDirection } from '../../../../core/domain/okr-progress.ts';
import { presentDetail, presentRef, presentSummary, teamSubjectOf, type Names } from './okr.presenter.ts';
import { objectiveCache, okrChanged, reviewSaved, teamPageCache, type LoadedObjective } from './okr.cache.ts';
import * as repo from './okr.repository.ts';
import {
  OKR_TIME_ZONE,
  currentReviewWeek,
  periodOf,
  reviewWeeks,
  todayIn,
  type PeriodKind,
} from './period.ts';

type Db = Kysely<DB>;

export const MAX_KEY_RESULTS = 3;
const today = () => todayIn(OKR_TIME_ZONE);
const clockNow = () => ({ today: today(), now: nowIso() });
const namesOf = (people: readonly repo.PersonLite[]): Map<string, repo.PersonLite> =>
  new Map(people.map((p) => [p.id, p]));

/** Runs an OKR write in a transaction, then drops what the organisation's caches hold (see okr.cache.ts). */
async function okrWrite<T>(
  db: Db,
  orgId: string,
  fn: (trx: Transaction<DB>) => Promise<T>,
  changed: (orgId: string) => void = okrChanged,
): Promise<T> {
  const out = await db.transaction().execute(fn);
  changed(orgId);
  return out;
}

// ── Settings ──
async function periodKindOf(db: Db, orgId: string): Promise<PeriodKind> {
  const s = await repo.findSettings(db, orgId);
  return s?.period_kind === 'quarter' ? 'quarter' : 'days90';
}

export async function getSettings(db: Db, actor: Actor): Promise<OkrSettings> {
  authorize(actor, 'okr.readSettings', { orgId: actor.orgId });
  return {
    periodKind: await periodKindOf(db, actor.orgId),
    permissions: { update: can(actor, 'okr.updateSettings', { orgId: actor.orgId }) },
  };
}

export async function updateSettings(db: Db, actor: Actor, periodKind: PeriodKind): Promise<OkrSettings> {
  authorize(actor, 'okr.updateSettings', { orgId: actor.orgId });
  await repo.upsertSettings(db, { org_id: actor.orgId, period_kind: periodKind, updated_at: nowIso() });
  okrChanged(actor.orgId);
  await recordAudit(db, {
    orgId: actor.orgId,
    actorPersonId: actor.personId,
    action: 'okr.updateSettings',
    subjectType: 'okr_settings',
    subjectId: actor.orgId,
  });
  return getSettings(db, actor);
}

// ── Team loading ──
interface LoadedTeam {
  manager: repo.PersonLite;
  team: repo.PersonLite[];
  subject: TeamSubject;
}

/** The team (manager and direct reports) and the manager's chain: two indexed reads, run together. */
async function loadTeam(db: Db, managerId: string): Promise<LoadedTeam | null> {
  const [team, chain] = await Promise.all([repo.findTeam(db, managerId), findManagerChain(db, managerId)]);
  const manager = team.find((p) => p.id === managerId);
  if (!manager) return null;
  return { manager, team, subject: teamSubjectOf(manager.org_id, managerId, team, chain) };
}

async function loadTeamOr404(db: Db, managerId: string): Promise<LoadedTeam> {
  const t = await loadTeam(db, managerId);
  if (!t) throw notFound();
  return t;
}

/**
 * An objective with its team, the team's chain, its key results and the objectives it aligns with, kept per
 * objective (see okr.cache.ts): read again only after an OKR write other than a review, a people change, or
 * a few seconds. Shared between requests, so frozen. Only an objective of the reader's organisation is
 * kept; authorization runs on every call after it.
 */
function loadObjective(db: Db, id: string, orgId: string): Promise<LoadedObjective> {
  return objectiveCache.getOrCompute(
    orgId,
    id,
    async () => {
      const o = await repo.findObjective(db, id);
      if (!o) throw notFound();
      const [t, keyResults, parent, children] = await Promise.all([
        loadTeamOr404(db, o.team_manager_id),
        repo.listKeyResults(db, [o.id]),
        o.parent_id ? repo.findObjective(db, o.parent_id) : undefined,
        repo.listChildren(db, [o.id]),
      ]);
      return Object.freeze({
        o: Object.freeze(o),
        manager: Object.freeze(t.manager),
        team: Object.freeze(t.team.map((p) => Object.freeze(p))),
        subject: Object.freeze(t.subject),
        keyResults: Object.freeze(keyResults.map((k) => Object.freeze(k))),
        parent: parent ? Object.freeze(parent) : null,
        children: Object.freeze(children.map((c) => Object.freeze(c))),
      });
    },
    (loaded) => loaded.o.org_id === orgId,
  );
}

/** Names of everyone a page mentions that the team read did not bring. */
async function withNames(db: Db, known: readonly repo.PersonLite[], ids: readonly string[]): Promise<Names> {
  const names = namesOf(known);
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  for (const p of await repo.findPeople(db, missing)) names.set(p.id, p);
  return names;
}

/**
 * Who may read a related objective, without loading its team when the hierarchy tells: the parent's team
 * is led by the first manager of the chain, a child's by one of this team's members.
 */
function relatedSubject(o: repo.ObjectiveRow, subject: TeamSubject): TeamSubject | null {
  const [up, ...above] = subject.chain;
  if (o.team_manager_id === up)
    return { orgId: o.org_id, leadId: up, memberIds: [subject.leadId], chain: above };
  if (subject.memberIds.includes(o.team_manager_id))
    return {
      orgId: o.org_id,
      leadId: o.team_manager_id,
      memberIds: [],
      chain: [subject.leadId, ...subject.chain],
    };
  return null;
}

/** What an objective aligns with: its parent and its children (rows of any team, not yet filtered). */
interface Related {
  readonly parent: repo.ObjectiveRow | null | undefined;
  readonly children: readonly repo.ObjectiveRow[];
}

/** Alignment up and down, each shown only when the caller may read it. */
async function alignment(db: Db, actor: Actor, o: repo.ObjectiveRow, subject: TeamSubject, known?: Related) {
  const [parentRow, childRows] = known
    ? [known.parent, known.children]
    : await Promise.all([
        o.parent_id ? repo.findObjective(db, o.parent_id) : undefined,
        repo.listChildren(db, [o.id]),
      ]);
  const related = [...(parentRow ? [parentRow] : []), ...childRows];
  // Rarely (the hierarchy changed after the link was made), the related team has to be loaded.
  const unknown = related.filter((r) => relatedSubject(r, subject) === null);
  const loaded =
    unknown.length === 0
      ? []
      : await Promise.all([...new Set(unknown.map((r) => r.team_manager_id))].map((m) => loadTeam(db, m)));
  const subjects = new Map(loaded.filter((t) => t !== null).map((t) => [t.manager.id, t.subject]));
  const readable = (r: repo.ObjectiveRow) => {
    const s = relatedSubject(r, subject) ?? subjects.get(r.team_manager_id);
    return s !== undefined && r.org_id === actor.orgId && can(actor, 'okr.read', s);
  };
  return {
    parent: parentRow && readable(parentRow) ? parentRow : null,
    children: childRows.filter(readable),
    people: loaded.flatMap((t) => (t ? t.team : [])),
  };
}

/**
 * An objective's page. What the caller already holds is not read again: key results and related objectives
 * (kept with the objective), reviews (the team page reads them for every objective at once).
 */
async function detailOf(
  db: Db,
  actor: Actor,
  target: Pick<LoadedObjective, 'o' | 'team' | 'subject'>,
  known: {
    keyResults?: readonly repo.KeyResultRow[];
    reviews?: readonly repo.ReviewRow[];
    related?: Related;
  } = {},
) {
  const { o, team, subject } = target;
  const [keyResults, reviews, align] = await Promise.all([
    known.keyResults ?? repo.listKeyResults(db, [o.id]),
    known.reviews ?? repo.listReviews(db, [o.id]),
    alignment(db, actor, o, subject, known.related),
  ]);
  const names = await withNames(
    db,
    [...team, ...align.people],
    [
      ...keyResults.map((k) => k.owner_id),
      ...reviews.flatMap((r) => (r.author_id ? [r.author_id] : [])),
      ...(align.parent ? [align.parent.team_manager_id] : []),
      ...align.children.map((c) => c.team_manager_id),
    ],
  );
  return presentDetail({
    actor,
    objective: o,
    subject,
    team,
    keyResults,
    reviews,
    parent: align.parent ? presentRef(align.parent, names) : null,
    children: align.children.map((c) => presentRef(c, names)),
    names,
    clock: clockNow(),
  });
}

export async function getObjective(db: Db, actor: Actor, id: string): Promise<ObjectiveDetail> {
  const loaded = await loadObjective(db, id, actor.orgId);
  authorize(actor, 'okr.read', loaded.subject);
  return detailOf(db, actor, loaded, { keyResults: loaded.keyResults, related: loaded });
}

/** The objective a team works on today: the active one whose period includes today, else the latest active. */
function currentOf(objectives: readonly repo.ObjectiveRow[], day: string) {
  const active = objectives.filter((o) => o.status === 'active');
  return active.find((o) => o.period_start <= day && day <= o.period_end) ?? active[0] ?? null;
}

/**
 * The team objective page as UTF-8 JSON. Built, validated against the contract and encoded once per team,
 * reader and day, then kept until an OKR or people write (or 15 s, for changes made on another instance).
 */
export async function getTeamPageBytes(db: Db, actor: Actor, managerId: string): Promise<Buffer> {
  const clock = clockNow();
  // A stored page was built only after this reader was authorized for this team; who may read a team comes
  // from people, and any people change empties the cache. Someone else's organisation: 404, never stored.
  return teamPageCache.getOrCompute(
    actor.orgId,
    `${managerId}:${actor.personId}:${clock.today}`,
    async () => {
      const loaded = await loadTeamOr404(db, managerId);
      authorize(actor, 'okr.read', loaded.subject);
      return Buffer.from(JSON.stringify(teamPage.parse(await buildTeamPage(db, actor, loaded, clock))));
    },
  );
}

/** The team objective page: the current objective in full and every objective of the team, in one call. */
async function buildTeamPage(
  db: Db,
  actor: Actor,
  loaded: LoadedTeam,
  clock: ReturnType<typeof clockNow>,
): Promise<TeamPage> {
  const { manager, team, subject } = loaded;
  const managerId = manager.id;
  const day = clock.today;
  const [objectives, periodKind] = await Promise.all([
    repo.listTeamObjectives(db, manager.org_id, managerId),
    periodKindOf(db, manager.org_id),
  ]);
  const ids = objectives.map((o) => o.id);
  const canCreate = can(actor, 'okr.write', subject);
  const [keyResults, reviews, candidates] = await Promise.all([
    repo.listKeyResults(db, ids),
    repo.listReviews(db, ids),
    canCreate && manager.manager_id
      ? repo.findActiveOverlapping(db, [manager.manager_id], day, '9999-12-31')
      : Promise.resolve([]),
  ]);
  const krBy = groupBy(keyResults, (k) => k.objective_id);
  const reviewsBy = groupBy(reviews, (r) => r.objective_id);
  const current = currentOf(objectives, day);
  const names = await withNames(db, team, [
    ...keyResults.map((k) => k.owner_id),
    ...candidates.map((c) => c.team_manager_id),
  ]);
  return {
    teamManager: { id: manager.id, name: `${manager.first_name} ${manager.last_name}` },
    members: team
      .filter((p) => p.id !== manager.id && p.manager_id === manager.id)
      .map((p) => ({ id: p.id, name: `${p.first_name} ${p.last_name}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    periodKind,
    current: current
      ? await detailOf(
          db,
          actor,
          { o: current, team, subject },
          { keyResults: krBy.get(current.id) ?? [], reviews: reviewsBy.get(current.id) ?? [] },
        )
      : null,
    objectives: objectives.map((o) =>
      presentSummary(o, krBy.get(o.id) ?? [], reviewsBy.get(o.id) ?? [], names, clock),
    ),
    parentCandidates: candidates.map((c) => presentRef(c, names)),
    permissions: { create: canCreate },
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The caller's teams: the one they lead, the one they belong to, and those led by their direct reports. */
export async function overview(db: Db, actor: Actor): Promise<OkrOverview> {
  authorize(actor, 'okr.list', { orgId: actor.orgId });
  const [me] = await repo.findPeople(db, [actor.personId]);
  if (!me) throw notFound();
  const mine = await repo.findTeam(db, actor.personId);
  const reports = mine.filter((p) => p.manager_id === actor.personId);
  // Which direct reports lead a team of their own.
  const below = await repo.managersAmong(
    db,
    actor.orgId,
    reports.map((r) => r.id),
  );
  const leads: { id: string; relation: 'lead' | 'member' | 'above' }[] = [];
  if (reports.length > 0) leads.push({ id: actor.personId, relation: 'lead' });
  if (me.manager_id) leads.push({ id: me.manager_id, relation: 'member' });
  for (const id of below) leads.push({ id, relation: 'above' });
  const clock = clockNow();
  const objectives = (
    await Promise.all(leads.map((l) => repo.listTeamObjectives(db, actor.orgId, l.id)))
  ).map((list) => currentOf(list, clock.today));
  const present = objectives.filter((o) => o !== null);
  const ids = present.map((o) => o.id);
  const [krs, reviews, people] = await Promise.all([
    repo.listKeyResults(db, ids),
    repo.listReviews(db, ids),
    repo.findPeople(
      db,
      leads.map((l) => l.id),
    ),
  ]);
  const names = namesOf(people);
  const krBy = groupBy(krs, (k) => k.objective_id);
  const reviewsBy = groupBy(reviews, (r) => r.objective_id);
  return {
    teams: leads.map((l, i) => {
      const o = objectives[i];
      const p = names.get(l.id);
      return {
        teamManager: { id: l.id, name: p ? `${p.first_name} ${p.last_name}` : '' },
        relation: l.relation,
        current: o ? presentSummary(o, krBy.get(o.id) ?? [], reviewsBy.get(o.id) ?? [], names, clock) : null,
      };
    }),
  };
}

// ── Writes ──
/** The parent must be an active objective of the manager's own manager's team whose period overlaps. */
async function checkParent(
  db: Db,
  manager: repo.PersonLite,
  parentId: string | null,
  period: { start: string; end: string },
) {
  if (parentId === null) return;
  const parent = await repo.findObjective(db, parentId);
  if (
    !parent ||
    parent.org_id !== manager.org_id ||
    parent.team_manager_id !== manager.manager_id ||
    parent.period_start > period.end ||
    parent.period_end < period.start
  )
    throw invalid('parentObjectiveId', 'okr.parent_not_aligned');
}

function objectiveExists(existing: repo.ObjectiveRow) {
  return conflict('okr.objective_exists', undefined, {
    title: existing.title,
    from: existing.period_start,
    to: existing.period_end,
  });
}

export async function createObjective(
  db: Db,
  actor: Actor,
  managerId: string,
  body: CreateObjectiveBody,
): Promise<string> {
  const { manager, subject } = await loadTeamOr404(db, managerId);
  authorize(actor, 'okr.write', subject);
  const kind = await periodKindOf(db, manager.org_id);
  const period = periodOf(kind, body.periodStart);
  await checkParent(db, manager, body.parentObjectiveId, period);
  const now = nowIso();
  const row: repo.ObjectiveRow = {
    id: crypto.randomUUID(),
    org_id: manager.org_id,
    team_manager_id: managerId,
    title: body.title,
    rules: body.rules,
    scope: body.scope,
    priorities: body.priorities,
    period_kind: kind,
    period_start: period.start,
    period_end: period.end,
    review_weekday: body.reviewWeekday,
    parent_id: body.parentObjectiveId,
    status: 'active',
    created_by: actor.personId,
    created_at: now,
    updated_at: now,
  };
  await okrWrite(db, actor.orgId, async (trx) => {
    // One active objective per team and period: an overlapping one is refused (the unique index backs it).
    const [existing] = await repo.findActiveOverlapping(trx, [managerId], period.start, period.end);
    if (existing) throw objectiveExists(existing);
    try {
      await repo.insertObjective(trx, row);
    } catch (e) {
      const [raced] = await repo.findActiveOverlapping(db, [managerId], period.start, period.end);
      if (raced) throw objectiveExists(raced);
      throw e;
    }
    await recordAudit(trx, {
      orgId: row.org_id,
      actorPersonId: actor.personId,
      action: 'okr.createObjective',
      subjectType: 'okr_objective',
      subjectId: row.id,
    });
  });
  return row.id;
}

export async function updateObjective(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateObjectiveBody,
): Promise<ObjectiveDetail> {
  const loaded = await loadObjective(db, id, actor.orgId);
  const { o, manager, subject } = loaded;
  authorize(actor, 'okr.write', subject);
  const patch: Partial<repo.ObjectiveRow> = { updated_at: nowIso() };
  if (body.title !== undefined) patch.title = body.title;
  if (body.rules !== undefined) patch.rules = body.rules;
  if (body.scope !== undefined) patch.scope = body.scope;
  if (body.priorities !== undefined) patch.priorities = body.priorities;
  if (body.reviewWeekday !== undefined) patch.review_weekday = body.reviewWeekday;
  if (body.parentObjectiveId !== undefined) {
    await checkParent(db, manager, body.parentObjectiveId, { start: o.period_start, end: o.period_end });
    patch.parent_id = body.parentObjectiveId;
  }
  if (body.status !== undefined) patch.status = body.status;
  await okrWrite(db, actor.orgId, async (trx) => {
    if (body.status === 'active' && o.status !== 'active') {
      const [existing] = await repo.findActiveOverlapping(
        trx,
        [o.team_manager_id],
        o.period_start,
        o.period_end,
        o.id,
      );
      if (existing) throw objectiveExists(existing);
    }
    await repo.updateObjectiveRow(trx, id, patch);
    await recordAudit(trx, {
      orgId: o.org_id,
      actorPersonId: actor.personId,
      action: 'okr.updateObjective',
      subjectType: 'okr_objective',
      subjectId: id,
    });
  });
  return getObjective(db, actor, id);
}

function checkOwner(subject: TeamSubject, ownerId: string) {
  if (ownerId !== subject.leadId && !subject.memberIds.includes(ownerId))
    throw invalid('ownerId', 'okr.owner_not_in_team');
}

function checkTarget(kr: { start: number; target: number; direction: KrDirection }) {
  const problem = krTargetProblem(kr);
  if (problem) throw invalid('target', `okr.${problem}`);
}

function checkActive(o: repo.ObjectiveRow) {
  if (o.status !== 'active') throw conflict('okr.objective_archived');
}

export async function addKeyResult(
  db: Db,
  actor: Actor,
  objectiveId: string,
  body: CreateKeyResultBody,
): Promise<ObjectiveDetail> {
  const loaded = await loadObjective(db, objectiveId, actor.orgId);
  const { o, subject } = loaded;
  authorize(actor, 'okr.write', subject);
  checkActive(o);
  checkOwner(subject, body.ownerId);
  checkTarget(body);
  const now = nowIso();
  await okrWrite(db, actor.orgId, async (trx) => {
    await repo.lockObjective(trx, o.id);
    const existing = await repo.listKeyResults(trx, [o.id]);
    // The limit is the point of OKR light: a fourth key result is refused, whatever the client sent.
    if (existing.length >= MAX_KEY_RESULTS)
      throw conflict('okr.too_many_key_results', undefined, { max: MAX_KEY_RESULTS });
    await repo.insertKeyResult(trx, {
      id: crypto.randomUUID(),
      org_id: o.org_id,
      objective_id: o.id,
      position: Math.max(0, ...existing.map((k) => Number(k.position))) + 1,
      metric: body.metric,
      unit: body.unit,
      start_value: body.start,
      target_value: body.target,
      direction: body.direction,
      owner_id: body.ownerId,
      confidence: body.confidence,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, {
      orgId: o.org_id,
      actorPersonId: actor.personId,
      action: 'okr.addKeyResult',
      subjectType: 'okr_objective',
      subjectId: o.id,
    });
  });
  return getObjective(db, actor, o.id);
}

async function loadKeyResult(db: Db, id: string, orgId: string) {
  const kr = await repo.findKeyResult(db, id);
  if (!kr) throw notFound();
  return { kr, ...(await loadObjective(db, kr.objective_id, orgId)) };
}

export async function updateKeyResult(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateKeyResultBody,
): Promise<ObjectiveDetail> {
  const { kr, o, subject } = await loadKeyResult(db, id, actor.orgId);
  authorize(actor, 'okr.write', subject);
  checkActive(o);
  if (body.ownerId !== undefined) checkOwner(subject, body.ownerId);
  checkTarget({
    start: body.start ?? Number(kr.start_value),
    target: body.target ?? Number(kr.target_value),
    direction: body.direction ?? (kr.direction as KrDirection),
  });
  const patch: Partial<repo.KeyResultRow> = { updated_at: nowIso() };
  if (body.metric !== undefined) patch.metric = body.metric;
  if (body.unit !== undefined) patch.unit = body.unit;
  if (body.start !== undefined) patch.start_value = body.start;
  if (body.target !== undefined) patch.target_value = body.target;
  if (body.direction !== undefined) patch.direction = body.direction;
  if (body.ownerId !== undefined) patch.owner_id = body.ownerId;
  if (body.confidence !== undefined) patch.confidence = body.confidence;
  await okrWrite(db, actor.orgId, async (trx) => {
    await repo.updateKeyResultRow(trx, id, patch);
    await recordAudit(trx, {
      orgId: o.org_id,
      actorPersonId: actor.personId,
      action: 'okr.updateKeyResult',
      subjectType: 'okr_key_result',
      subjectId: id,
    });
  });
  return getObjective(db, actor, o.id);
}

export async function deleteKeyResult(db: Db, actor: Actor, id: string): Promise<void> {
  const { o, subject } = await loadKeyResult(db, id, actor.orgId);
  authorize(actor, 'okr.write', subject);
  checkActive(o);
  await okrWrite(db, actor.orgId, async (trx) => {
    await repo.deleteKeyResultRow(trx, id);
    await recordAudit(trx, {
      orgId: o.org_id,
      actorPersonId: actor.personId,
      action: 'okr.deleteKeyResult',
      subjectType: 'okr_key_result',
      subjectId: id,
    });
  });
}

/** One review per team and week: any team member writes it during its week; a second save edits it. */
export async function saveReview(
  db: Db,
  actor: Actor,
  objectiveId: string,
  weekStart: string,
  body: SaveReviewBody,
): Promise<ObjectiveDetail> {
  const loaded = await loadObjective(db, objectiveId, actor.orgId);
  const { o, subject } = loaded;
  authorize(actor, 'okr.review', subject);
  checkActive(o);
  const day = today();
  const weeks = reviewWeeks(o.period_start, o.period_end, Number(o.review_weekday));
  if (weekStart > day) throw invalid('weekStart', 'okr.future_week');
  if (!weeks.includes(weekStart)) throw invalid('weekStart', 'okr.not_a_review_week');
  if (currentReviewWeek(weeks, day) !== weekStart) throw invalid('weekStart', 'okr.week_closed');
  const known = new Set(loaded.keyResults.map((k) => k.id));
  body.entries.forEach((e, i) => {
    if (!known.has(e.keyResultId)) throw invalid(`entries.${i}.keyResultId`, 'okr.unknown_key_result');
  });
  if (new Set(body.entries.map((e) => e.keyResultId)).size !== body.entries.length)
    throw invalid('entries', 'okr.duplicate_key_result');
  const now = nowIso();
  await okrWrite(
    db,
    actor.orgId,
    async (trx) => {
      await repo.upsertReview(trx, {
        objective_id: o.id,
        week_start: weekStart,
        org_id: o.org_id,
        entries: JSON.stringify(
          body.entries.map((e) => ({ k: e.keyResultId, v: e.value, c: e.confidence, b: e.blockers })),
        ),
        author_id: actor.personId,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, {
        orgId: o.org_id,
        actorPersonId: actor.personId,
        action: 'okr.saveReview',
        subjectType: 'okr_objective',
        subjectId: o.id,
      });
    },
    reviewSaved,
  );
  // A review changes no key result, nor what the objective aligns with: what was kept is still current.
  return detailOf(db, actor, loaded, { keyResults: loaded.keyResults, related: loaded });
}

const csvText = (v: string) =>
  // Quoted when needed; a leading formula character is neutralised so a spreadsheet never runs it.
  /^[=+\-@\t\r]/.test(v)
    ? `"'${v.replace(/"/g, '""')}"`
    : /[",;\n\r]/.test(v)
      ? `"${v.replace(/"/g, '""')}"`
      : v;

/** Value and confidence per key result per week, in the caller's language; a missed week says so. */
export async function historyCsv(db: Db, actor: Actor, objectiveId: string) {
  const detail = await getObjective(db, actor, objectiveId);
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(actor.locale, `okr.csv.${key}`, params);
  const header = [t('week'), t('state')];
  for (const kr of detail.keyResults)
    header.push(t('value', { metric: kr.metric, unit: kr.unit }), t('confidence', { metric: kr.metric }));
  const lines = [header.map(csvText).join(',')];
  for (const w of detail.weeks) {
    if (w.state === 'upcoming') continue;
    const byKr = new Map(w.entries.map((e) => [e.keyResultId, e]));
    const row = [w.weekStart, csvText(t(`states.${w.state}`))];
    for (const kr of detail.keyResults) {
      const e = byKr.get(kr.id);
      row.push(e ? String(e.value) : '', e ? String(e.confidence) : '');
    }
    lines.push(row.join(','));
  }
  return { filename: `cap-${detail.periodStart}.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}

export type { ObjectiveRef };
