import type { Kysely } from 'kysely';
import type {
  CadenceStats,
  CreateSeriesBody,
  SeriesDetail,
  SeriesSummary,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { fromFlag, nowIso, toFlag } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, type Actor, type PersonSubject } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { fullName } from '../people/person.presenter.ts';
import { findPersonById, findSubtreeIds } from '../people/person.repository.ts';
import { loadPersonSubject } from '../people/person.service.ts';
import { computeCadence } from './cadence.ts';
import { emitSeriesChanged } from './meeting.events.ts';
import { isValidTimeZone, occurrencesToAdd } from './recurrence.ts';
import { pairOf, presentSeriesDetail, presentSeriesSummary } from './series.presenter.ts';
import * as repo from './series.repository.ts';

type Db = Kysely<DB>;

/** Start of the current UTC day: an occurrence of today is still "next" until the day ends. */
export const startOfToday = (now = nowIso()) => `${now.slice(0, 10)}T00:00:00.000Z`;

function newOccurrence(s: repo.SeriesRow, plannedAt: string, now: string): repo.MeetingRow {
  return {
    id: crypto.randomUUID(),
    org_id: s.org_id,
    series_id: s.id,
    planned_at: plannedAt,
    scheduled_at: plannedAt,
    status: 'planned',
    moved: 0,
    move_reason: null,
    cancel_reason: null,
    started_at: null,
    closed_at: null,
    step_log: '[]',
    current_step: null,
    talk_manager_ms: 0,
    talk_report_ms: 0,
    speaking: null,
    speaking_since: null,
    created_at: now,
    updated_at: now,
  };
}

type SeriesForOccurrences = Pick<
  repo.SeriesRow,
  'id' | 'org_id' | 'first_at' | 'time_zone' | 'cadence_weeks' | 'active'
>;

/** Keeps at least 8 future occurrences materialised for each active series (one query when nothing to add). */
export async function ensureOccurrences(db: Db, series: readonly SeriesForOccurrences[], now = nowIso()) {
  const active = series.filter((s) => fromFlag(s.active));
  if (active.length === 0) return;
  const stats = await repo.futureStats(
    db,
    active.map((s) => s.id),
    now,
  );
  const rows: repo.MeetingRow[] = [];
  for (const s of active) {
    const st = stats.get(s.id) ?? { future: 0, last: null };
    const add = occurrencesToAdd({
      firstAt: new Date(s.first_at).toISOString(),
      timeZone: s.time_zone,
      cadenceWeeks: Number(s.cadence_weeks),
      lastPlannedAt: st.last,
      futureCount: st.future,
      now,
    });
    for (const at of add) rows.push(newOccurrence(s as repo.SeriesRow, at, now));
  }
  await repo.insertOccurrences(db, rows);
}

async function loadSeries(db: Db, id: string) {
  const s = await repo.findSeriesById(db, id);
  if (!s) throw notFound();
  return s;
}

async function summaries(db: Db, series: repo.SeriesRow[]): Promise<Map<string, SeriesSummary>> {
  const ids = series.map((s) => s.id);
  const [names, open, actions] = await Promise.all([
    repo.findNames(
      db,
      series.flatMap((s) => [s.manager_id, s.report_id]),
    ),
    repo.openMeetingsFrom(db, ids, startOfToday()),
    repo.countOpenActions(db, ids),
  ]);
  const byId = new Map(names.map((n) => [n.id, n]));
  const next = new Map<string, repo.MeetingRow>();
  for (const m of open) {
    const current = next.get(m.series_id);
    // A meeting in progress wins over the next planned one.
    if (!current || (m.status === 'in_progress' && current.status !== 'in_progress'))
      next.set(m.series_id, m);
  }
  return new Map(
    series.map((s) => [s.id, presentSeriesSummary(s, byId, next.get(s.id), actions.get(s.id) ?? 0)]),
  );
}

export async function listSeries(db: Db, actor: Actor): Promise<{ items: SeriesSummary[] }> {
  authorize(actor, 'oneOnOne.list', { orgId: actor.orgId });
  const series = await repo.listSeriesOfPerson(db, actor.orgId, actor.personId);
  await ensureOccurrences(db, series);
  const map = await summaries(db, series);
  return { items: series.map((s) => map.get(s.id)!) };
}

/** The caller and the other person must be a manager and their direct report, in the same organisation. */
async function resolvePair(db: Db, actor: Actor, withPersonId: string) {
  const [me, other] = await Promise.all([
    findPersonById(db, actor.personId),
    findPersonById(db, withPersonId),
  ]);
  if (!me || !other || other.org_id !== actor.orgId || other.id === me.id)
    throw invalid('withPersonId', 'not_a_pair');
  const otherName = fullName(other);
  if (other.manager_id === me.id) return { managerId: me.id, reportId: other.id, otherName };
  if (me.manager_id === other.id) return { managerId: other.id, reportId: me.id, otherName };
  throw invalid('withPersonId', 'not_a_pair');
}

/** A unique index refused the row (SQLite and PostgreSQL codes). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** One active series per pair: a second one is refused, naming the other participant. */
const seriesExists = (otherName: string, field?: string) =>
  conflict('series_exists', field, { name: otherName });

export async function createSeries(db: Db, actor: Actor, body: CreateSeriesBody): Promise<string> {
  authorize(actor, 'oneOnOne.create', { orgId: actor.orgId });
  const { managerId, reportId, otherName } = await resolvePair(db, actor, body.withPersonId);
  const now = nowIso();
  const firstAt = new Date(body.firstAt).toISOString();
  if (firstAt <= now) throw invalid('firstAt', 'in_past');
  if (!isValidTimeZone(body.timeZone)) throw invalid('timeZone', 'invalid');
  if (await repo.findActiveSeriesOfPair(db, managerId, reportId))
    throw seriesExists(otherName, 'withPersonId');
  const row: repo.SeriesRow = {
    id: crypto.randomUUID(),
    org_id: actor.orgId,
    manager_id: managerId,
    report_id: reportId,
    cadence_weeks: body.cadenceWeeks,
    duration_minutes: body.durationMinutes,
    first_at: firstAt,
    time_zone: body.timeZone,
    location: body.location,
    video_url: body.videoUrl,
    active: 1,
    created_by: actor.personId,
    created_at: now,
    updated_at: now,
  };
  const occurrences = occurrencesToAdd({
    firstAt,
    timeZone: row.time_zone,
    cadenceWeeks: row.cadence_weeks,
    lastPlannedAt: null,
    futureCount: 0,
    now,
  }).map((at) => newOccurrence(row, at, now));
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertSeries(trx, row);
      await repo.insertOccurrences(trx, occurrences);
      await recordAudit(trx, {
        orgId: actor.orgId,
        actorPersonId: actor.personId,
        action: 'oneOnOne.createSeries',
        subjectType: 'oo_series',
        subjectId: row.id,
      });
    });
  } catch (e) {
    // Two requests at once: the partial unique index on active pairs lets only one through.
    if (isUniqueViolation(e)) throw seriesExists(otherName, 'withPersonId');
    throw e;
  }
  return row.id;
}

const AROUND_FUTURE = 8;
const AROUND_TOTAL = 20;

export async function getSeries(
  db: Db,
  actor: Actor,
  id: string,
  page: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<SeriesDetail> {
  const s = await loadSeries(db, id);
  authorize(actor, 'oneOnOne.read', pairOf(s));
  const now = nowIso();
  await ensureOccurrences(db, [s], now);
  let limit = page.limit ?? AROUND_TOTAL;
  let offset = page.offset;
  if (offset === undefined && page.limit === undefined) {
    // Most recent first: skip the far future, keep the next few and the recent past.
    const future = await repo.countMeetingsAfter(db, s.id, now);
    offset = Math.max(0, future - AROUND_FUTURE);
    limit = AROUND_TOTAL;
  }
  const [map, meetings, cadenceRows] = await Promise.all([
    summaries(db, [s]),
    repo.listMeetings(db, s.id, limit, offset ?? 0),
    repo.cadenceRowsOfSeries(db, s.id),
  ]);
  return presentSeriesDetail(actor, map.get(s.id)!, s, meetings, computeCadence(cadenceRows, now));
}

export async function updateSeries(
  db: Db,
  actor: Actor,
  id: string,
  body: {
    durationMinutes?: number | undefined;
    location?: string | undefined;
    videoUrl?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<SeriesDetail> {
  const s = await loadSeries(db, id);
  authorize(actor, 'oneOnOne.write', pairOf(s));
  const now = nowIso();
  const patch: Partial<repo.SeriesRow> = { updated_at: now };
  if (body.durationMinutes !== undefined) patch.duration_minutes = body.durationMinutes;
  if (body.location !== undefined) patch.location = body.location;
  if (body.videoUrl !== undefined) patch.video_url = body.videoUrl;
  if (body.active !== undefined) patch.active = toFlag(body.active);
  // Switching an old series back on while the pair has another active one would make two.
  const reactivates = body.active === true && !fromFlag(s.active);
  const otherName = async () => {
    const otherId = actor.personId === s.manager_id ? s.report_id : s.manager_id;
    const [other] = await repo.findNames(db, [otherId]);
    return other ? fullName(other) : '';
  };
  if (reactivates) {
    const active = await repo.findActiveSeriesOfPair(db, s.manager_id, s.report_id);
    if (active && active.id !== id) throw seriesExists(await otherName());
  }
  try {
    await db.transaction().execute(async (trx) => {
      await repo.updateSeriesRow(trx, id, patch);
      // A series switched off drops its untouched future slots; switched back on, they are recreated.
      if (body.active === false) await repo.deleteUntouchedFutureOccurrences(trx, id, now);
      await recordAudit(trx, {
        orgId: s.org_id,
        actorPersonId: actor.personId,
        action: 'oneOnOne.updateSeries',
        subjectType: 'oo_series',
        subjectId: id,
      });
    });
  } catch (e) {
    if (reactivates && isUniqueViolation(e)) throw seriesExists(await otherName());
    throw e;
  }
  emitSeriesChanged(id);
  return getSeries(db, actor, id);
}

async function loadPersonOr404(db: Db, id: string): Promise<PersonSubject> {
  const loaded = await loadPersonSubject(db, id);
  if (!loaded) throw notFound();
  return loaded.subject;
}

/** Cadence of one manager over all their pairs: numbers only. */
export async function cadenceOfManager(db: Db, actor: Actor, managerId: string): Promise<CadenceStats> {
  const subject = await loadPersonOr404(db, managerId);
  authorize(actor, 'oneOnOne.readCadence', subject);
  const rows = await repo.cadenceRowsOfManagers(db, subject.orgId, [managerId]);
  return computeCadence(rows, nowIso());
}

/** Cadence of every manager in a person's subtree, the person included: numbers only, never content. */
export async function cadenceReport(db: Db, actor: Actor, personId: string) {
  const subject = await loadPersonOr404(db, personId);
  authorize(actor, 'oneOnOne.readCadence', subject);
  const ids = [personId, ...(await findSubtreeIds(db, personId))];
  const managers = await repo.managersAmong(db, subject.orgId, ids);
  const [rows, names] = await Promise.all([
    repo.cadenceRowsOfManagers(db, subject.orgId, managers),
    repo.findNames(db, managers),
  ]);
  const byManager = new Map<string, typeof rows>(managers.map((m) => [m, []]));
  for (const r of rows) byManager.get(r.manager_id)?.push(r);
  const now = nowIso();
  const items = names
    .map((n) => ({
      managerId: n.id,
      managerName: fullName(n),
      cadence: computeCadence(byManager.get(n.id) ?? [], now),
    }))
    .sort((a, b) => a.managerName.localeCompare(b.managerName, 'fr'));
  return { items };
}
