import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { effectiveK } from '../../../../core/domain/k-anonymity.ts';
import {
  meetingDetail as meetingDetailSchema,
  type ActionItem,
  type MeetingDetail,
  type Topic,
  type addActionBody,
  type addTopicBody,
  type moodBody,
  type ratingBody,
  type updateActionBody,
  type updateTopicBody,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { fromFlag, nowIso, toFlag } from '../../db/dialect.ts';
import type { DB, OoMeetingTable } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, type Actor } from '../../http/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { emitMeetingChanged, emitSeriesChanged } from './meeting.events.ts';
import { knownSeriesOf, meetingCache, rememberSeries, type CachedMeeting } from './meeting.cache.ts';
import {
  isClosed,
  parseStepLog,
  presentAction,
  presentMeetingDetail,
  presentTopic,
} from './meeting.presenter.ts';
import * as repo from './meeting.repository.ts';
import { pairOf } from './series.presenter.ts';
import { findNames, findSeriesById, type PersonName } from './series.repository.ts';
import { ensureOccurrences, startOfToday } from './series.service.ts';
import { MIN_FUTURE } from './recurrence.ts';

type Db = Kysely<DB>;
type M = repo.MeetingWithSeries;
type MeetingPatch = Partial<OoMeetingTable>;

async function loadMeeting(db: Db | Transaction<DB>, id: string): Promise<M> {
  const m = await repo.findMeeting(db, id);
  if (!m) throw notFound();
  return m;
}

function assertOpen(m: { status: string }): void {
  if (isClosed(m.status)) throw conflict('meeting_closed');
}

const changed = (m: { id: string; series_id: string }) =>
  emitMeetingChanged({ meetingId: m.id, seriesId: m.series_id });

/** The two participants' names, read with the meeting. */
const namesOf = (m: M): Map<string, PersonName> =>
  new Map([
    [m.manager_id, { id: m.manager_id, first_name: m.manager_first_name, last_name: m.manager_last_name }],
    [m.report_id, { id: m.report_id, first_name: m.report_first_name, last_name: m.report_last_name }],
  ]);

/**
 * Everything one meeting shows, in three queries whatever the length of the history, each reading bounded
 * ranges of indexes: the head (read before the authorization check), then its contents and the actions.
 */
async function meetingDetail(db: Db, actor: Actor, m: repo.MeetingHead, now: string): Promise<MeetingDetail> {
  const [contents, actions] = await Promise.all([
    repo.listMeetingContents(db, m.id),
    repo.listMeetingActions(db, m, { doneFrom: m.previous_closed_at, doneTo: m.closed_at ?? now }),
  ]);
  return presentMeetingDetail(actor, m, {
    names: namesOf(m),
    topics: contents.topics,
    notes: contents.notes,
    myPrivateNote: m.my_private_note ?? '',
    moods: contents.moods,
    actions: actions.carried,
    recognition: actions.recognition,
    alreadyRated: m.already_rated !== null,
    now,
  });
}

/** Opens a meeting: the head, the authorization check, then the rest (see meetingDetail). */
export async function getMeeting(db: Db, actor: Actor, id: string): Promise<MeetingDetail> {
  const now = nowIso();
  const m = await repo.findMeetingHead(db, id, actor.personId, now);
  if (!m) throw notFound();
  authorize(actor, 'oneOnOne.read', pairOf(m));
  // The hourly top-up keeps occurrences ahead; reading only materialises more when it is behind.
  if (fromFlag(m.active) && Number(m.future_occurrences) < MIN_FUTURE)
    await ensureOccurrences(db, [{ ...m, id: m.series_id }], now);
  return meetingDetail(db, actor, m, now);
}

/**
 * An opened meeting as UTF-8 JSON, validated against the contract once: served from `meetingCache` while
 * nothing of its series changed (see meeting.cache.ts). A stored copy was built only after this reader was
 * authorized for this meeting, and who may read a meeting (its two participants) changes only with people.
 */
export async function getMeetingBytes(db: Db, actor: Actor, id: string): Promise<Buffer> {
  const build = async (): Promise<CachedMeeting> => {
    const detail = await getMeeting(db, actor, id);
    rememberSeries(id, detail.series.id);
    return {
      bytes: Buffer.from(JSON.stringify(meetingDetailSchema.parse(detail))),
      live: detail.status === 'in_progress',
    };
  };
  const seriesId = knownSeriesOf(id);
  const key = `${id}:${actor.personId}:${nowIso().slice(0, 10)}`;
  const built = seriesId
    ? await meetingCache.getOrCompute(seriesId, key, build, (v) => !v.live)
    : await build();
  return built.bytes;
}

/** The detail after a write, read afresh (the caller was authorized by the write). */
async function detailAfterWrite(db: Db, actor: Actor, id: string): Promise<MeetingDetail> {
  const now = nowIso();
  const m = await repo.findMeetingHead(db, id, actor.personId, now);
  if (!m) throw notFound();
  return meetingDetail(db, actor, m, now);
}

/** Loads, authorizes a write and checks the meeting is still open. */
async function openForWrite(db: Db, actor: Actor, id: string): Promise<M> {
  const m = await loadMeeting(db, id);
  authorize(actor, 'oneOnOne.write', pairOf(m));
  assertOpen(m);
  return m;
}

// ── Agenda ──
export async function addTopic(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: z.infer<typeof addTopicBody>,
): Promise<Topic> {
  const m = await openForWrite(db, actor, meetingId);
  const row: repo.TopicRow = {
    id: crypto.randomUUID(),
    org_id: m.org_id,
    meeting_id: m.id,
    author_id: actor.personId,
    title: body.title,
    kind: body.kind,
    done: 0,
    created_at: nowIso(),
  };
  await repo.insertTopic(db, row);
  changed(m);
  return presentTopic(row, m, namesOf(m));
}

async function topicForWrite(db: Db, actor: Actor, topicId: string) {
  const topic = await repo.findTopic(db, topicId);
  if (!topic) throw notFound();
  const m = await openForWrite(db, actor, topic.meeting_id);
  return { topic, m };
}

export async function updateTopic(
  db: Db,
  actor: Actor,
  topicId: string,
  body: z.infer<typeof updateTopicBody>,
): Promise<Topic> {
  const { topic, m } = await topicForWrite(db, actor, topicId);
  const patch: Partial<repo.TopicRow> = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.kind !== undefined) patch.kind = body.kind;
  if (body.done !== undefined) patch.done = toFlag(body.done);
  if (Object.keys(patch).length > 0) await repo.updateTopicRow(db, topicId, patch);
  changed(m);
  return presentTopic({ ...topic, ...patch }, m, namesOf(m));
}

export async function deleteTopic(db: Db, actor: Actor, topicId: string): Promise<void> {
  const { m } = await topicForWrite(db, actor, topicId);
  await repo.deleteTopicRow(db, topicId);
  changed(m);
}

// ── Notes and moods ──
export async function putNote(
  db: Db,
  actor: Actor,
  meetingId: string,
  step: number,
  body: string,
): Promise<{ step: number; body: string }> {
  const m = await openForWrite(db, actor, meetingId);
  await repo.upsertNote(db, {
    org_id: m.org_id,
    meeting_id: m.id,
    step,
    body,
    updated_by: actor.personId,
    updated_at: nowIso(),
  });
  changed(m);
  return { step, body };
}

/** The caller's own private note: stored under their id, never shown to anyone else. */
export async function putPrivateNote(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: string,
): Promise<{ body: string }> {
  const m = await openForWrite(db, actor, meetingId);
  await repo.upsertPrivateNote(db, {
    org_id: m.org_id,
    meeting_id: m.id,
    author_id: actor.personId,
    body,
    updated_at: nowIso(),
  });
  // Nothing to push: the other participant has nothing new to see.
  emitSeriesChanged(m.series_id);
  return { body };
}

export async function putMood(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: z.infer<typeof moodBody>,
): Promise<z.infer<typeof moodBody>> {
  const m = await openForWrite(db, actor, meetingId);
  await repo.upsertMood(db, {
    org_id: m.org_id,
    meeting_id: m.id,
    person_id: actor.personId,
    personal: body.personal,
    professional: body.professional,
    updated_at: nowIso(),
  });
  changed(m);
  return { personal: body.personal, professional: body.professional };
}

// ── Actions ──
export async function addAction(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: z.infer<typeof addActionBody>,
): Promise<ActionItem> {
  const m = await openForWrite(db, actor, meetingId);
  if (body.ownerId !== m.manager_id && body.ownerId !== m.report_id)
    throw invalid('ownerId', 'not_participant');
  const now = nowIso();
  const row: repo.ActionRow = {
    id: crypto.randomUUID(),
    org_id: m.org_id,
    series_id: m.series_id,
    origin_meeting_id: m.id,
    owner_id: body.ownerId,
    title: body.title,
    kind: body.kind,
    due_on: body.dueOn,
    done_at: null,
    done_meeting_id: null,
    created_by: actor.personId,
    created_at: now,
  };
  await repo.insertAction(db, row);
  changed(m);
  return presentAction({ ...row, origin_planned_at: m.planned_at }, namesOf(m), now);
}

/**
 * Actions carry over, so they stay editable from any later meeting; only an action completed in a meeting
 * that is now closed is frozen with it.
 */
export async function updateAction(
  db: Db,
  actor: Actor,
  actionId: string,
  body: z.infer<typeof updateActionBody>,
): Promise<ActionItem> {
  const action = await repo.findAction(db, actionId);
  if (!action) throw notFound();
  const series = await findSeriesById(db, action.series_id);
  if (!series) throw notFound();
  authorize(actor, 'oneOnOne.write', pairOf(series));
  if (action.done_meeting_id !== null) {
    const status = await repo.meetingStatus(db, action.done_meeting_id);
    if (status !== null && isClosed(status)) throw conflict('meeting_closed');
  }
  const now = nowIso();
  const patch: Partial<repo.ActionRow> = {};
  if (body.title !== undefined) patch.title = body.title;
  if (body.dueOn !== undefined) patch.due_on = body.dueOn;
  if (body.done === true && action.done_at === null) {
    patch.done_at = now;
    patch.done_meeting_id = await repo.currentMeetingOfSeries(db, series.id, startOfToday(now));
  } else if (body.done === false && action.done_at !== null) {
    patch.done_at = null;
    patch.done_meeting_id = null;
  }
  if (Object.keys(patch).length > 0) await repo.updateActionRow(db, actionId, patch);
  const updated = { ...action, ...patch };
  emitMeetingChanged({
    meetingId: updated.done_meeting_id ?? action.origin_meeting_id,
    seriesId: series.id,
  });
  const names = new Map((await findNames(db, [series.manager_id, series.report_id])).map((r) => [r.id, r]));
  return presentAction(updated, names, now);
}

// ── Life cycle of a meeting ──
async function audit(db: Db | Transaction<DB>, actor: Actor, m: M, action: string) {
  await recordAudit(db, {
    orgId: m.org_id,
    actorPersonId: actor.personId,
    action,
    subjectType: 'oo_meeting',
    subjectId: m.id,
  });
}

function assertNotStarted(m: M) {
  if (m.status === 'in_progress') throw conflict('meeting_started');
}

export async function moveMeeting(
  db: Db,
  actor: Actor,
  id: string,
  body: { scheduledAt: string; reason: string },
): Promise<MeetingDetail> {
  const m = await openForWrite(db, actor, id);
  assertNotStarted(m);
  const patch = {
    scheduled_at: new Date(body.scheduledAt).toISOString(),
    moved: 1,
    move_reason: body.reason,
    updated_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateMeetingRow(trx, id, patch);
    await audit(trx, actor, m, 'oneOnOne.move');
  });
  changed(m);
  return detailAfterWrite(db, actor, id);
}

export async function cancelMeeting(
  db: Db,
  actor: Actor,
  id: string,
  body: { reason: string },
): Promise<MeetingDetail> {
  const m = await openForWrite(db, actor, id);
  assertNotStarted(m);
  const patch = { status: 'cancelled', cancel_reason: body.reason, updated_at: nowIso() };
  await db.transaction().execute(async (trx) => {
    await repo.updateMeetingRow(trx, id, patch);
    await audit(trx, actor, m, 'oneOnOne.cancel');
  });
  changed(m);
  return detailAfterWrite(db, actor, id);
}

/** Adds the running speaker's turn to their total, up to `now`. */
function flushTalk(m: M, now: string): MeetingPatch {
  if (!m.speaking || !m.speaking_since) return {};
  const ms = Math.max(0, Math.round(Date.parse(now) - Date.parse(m.speaking_since)));
  return m.speaking === 'manager'
    ? { talk_manager_ms: Number(m.talk_manager_ms) + ms }
    : { talk_report_ms: Number(m.talk_report_ms) + ms };
}

const startPatch = (m: M, now: string): MeetingPatch =>
  m.status === 'planned' ? { status: 'in_progress', started_at: m.started_at ?? now } : {};

/** Read-modify-write of the meeting row under a lock, then the change event and the fresh detail. */
async function runWrite(
  db: Db,
  actor: Actor,
  id: string,
  mutate: (m: M, now: string, trx: Transaction<DB>) => Promise<MeetingPatch> | MeetingPatch,
  auditAction?: string,
): Promise<MeetingDetail> {
  const first = await loadMeeting(db, id);
  authorize(actor, 'oneOnOne.write', pairOf(first));
  const updated = await db.transaction().execute(async (trx) => {
    const m = await repo.findMeetingForUpdate(trx, id);
    if (!m) throw notFound();
    assertOpen(m);
    const now = nowIso();
    const patch: MeetingPatch = { ...(await mutate(m, now, trx)), updated_at: now };
    await repo.updateMeetingRow(trx, id, patch);
    if (auditAction) await audit(trx, actor, m, auditAction);
    return { ...m, ...patch };
  });
  changed(updated);
  return detailAfterWrite(db, actor, id);
}

export const startMeeting = (db: Db, actor: Actor, id: string) =>
  runWrite(db, actor, id, (m, now) => startPatch(m, now));

export const logStep = (db: Db, actor: Actor, id: string, body: { step: number; event: 'enter' | 'skip' }) =>
  runWrite(db, actor, id, (m, now) => {
    const log = parseStepLog(m.step_log);
    log.push({ step: body.step, at: now, event: body.event });
    return {
      ...startPatch(m, now),
      step_log: JSON.stringify(log),
      current_step: body.event === 'enter' ? body.step : m.current_step,
    };
  });

export const setSpeaker = (db: Db, actor: Actor, id: string, speaker: 'manager' | 'report' | null) =>
  runWrite(db, actor, id, (m, now) => ({
    ...startPatch(m, now),
    ...flushTalk(m, now),
    speaking: speaker,
    speaking_since: speaker ? now : null,
  }));

/** Closing asks for a next step: without one, the caller must confirm. */
export const closeMeeting = (db: Db, actor: Actor, id: string, body: { confirmWithoutNextStep: boolean }) =>
  runWrite(
    db,
    actor,
    id,
    // Queries inside the transaction go through `trx`: SQLite has a single connection.
    async (m, now, trx) => {
      if (!body.confirmWithoutNextStep && (await repo.countNextSteps(trx, m.id)) === 0)
        throw conflict('next_step_missing');
      return {
        ...flushTalk(m, now),
        status: 'held',
        started_at: m.started_at ?? now,
        closed_at: now,
        speaking: null,
        speaking_since: null,
      };
    },
    'oneOnOne.close',
  );

// ── Ratings ──
/** Only the report rates, once, a meeting that was held. The score row keeps neither meeting nor rater. */
export async function rateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof ratingBody>,
): Promise<{ ok: true }> {
  const m = await loadMeeting(db, id);
  authorize(actor, 'oneOnOne.rate', pairOf(m));
  if (m.status !== 'held') throw conflict('meeting_not_held');
  if (await repo.hasRated(db, m.id, actor.personId)) throw conflict('already_rated');
  try {
    await db.transaction().execute((trx) =>
      repo.insertRating(
        trx,
        { org_id: m.org_id, meeting_id: m.id, rater_id: actor.personId, month: nowIso().slice(0, 7) },
        {
          org_id: m.org_id,
          manager_id: m.manager_id,
          month: nowIso().slice(0, 7),
          structured: body.structured,
          useful: body.useful,
          could_speak: body.couldSpeak,
        },
      ),
    );
  } catch (err) {
    // Two concurrent submissions: the marker's primary key lets only one through.
    if (await repo.hasRated(db, m.id, actor.personId)) throw conflict('already_rated');
    throw err;
  }
  emitSeriesChanged(m.series_id);
  return { ok: true };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The caller's ratings as a manager: averages only once k different people rated (k ≥ 3). */
export async function ratingSummary(db: Db, actor: Actor) {
  authorize(actor, 'oneOnOne.readRatingSummary', {
    id: actor.personId,
    orgId: actor.orgId,
    managerId: null,
    chain: [],
  });
  // Only finished months count: an average that moved right after someone rated would give their answer away.
  const thisMonth = nowIso().slice(0, 7);
  const [orgK, raters] = await Promise.all([
    repo.organisationK(db, actor.orgId),
    repo.countDistinctRaters(db, actor.orgId, actor.personId, thisMonth),
  ]);
  const k = effectiveK(orgK);
  const avg = raters >= k ? await repo.ratingAverages(db, actor.orgId, actor.personId, thisMonth) : null;
  return {
    raters,
    k,
    averages: avg
      ? { structured: round2(avg.structured), useful: round2(avg.useful), couldSpeak: round2(avg.couldSpeak) }
      : null,
  };
}
