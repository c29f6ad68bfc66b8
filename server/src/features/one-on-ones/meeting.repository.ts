import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../../db/dialect.ts';
import type { DB, OoActionTable, OoMeetingTable, OoTopicTable } from '../../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type TopicRow = OoTopicTable;
export type ActionRow = OoActionTable;
export type ActionWithOrigin = ActionRow & { origin_planned_at: string };

/** A meeting with the fields of its series that every rule needs. */
export type MeetingWithSeries = OoMeetingTable & {
  manager_id: string;
  report_id: string;
  duration_minutes: number;
  location: string;
  video_url: string;
  active: number;
  first_at: string;
  time_zone: string;
  cadence_weeks: number;
};

function meetingWithSeries(db: Q) {
  return db
    .selectFrom('oo_meeting as m')
    .innerJoin('oo_series as s', 's.id', 'm.series_id')
    .selectAll('m')
    .select([
      's.manager_id',
      's.report_id',
      's.duration_minutes',
      's.location',
      's.video_url',
      's.active',
      's.first_at',
      's.time_zone',
      's.cadence_weeks',
    ]);
}

export function findMeeting(db: Q, id: string): Promise<MeetingWithSeries | undefined> {
  return meetingWithSeries(db).where('m.id', '=', id).executeTakeFirst();
}

/** Same, locking the row on PostgreSQL for read-modify-write (SQLite serialises writers already). */
export function findMeetingForUpdate(
  trx: Transaction<DB>,
  id: string,
): Promise<MeetingWithSeries | undefined> {
  return meetingWithSeries(trx)
    .where('m.id', '=', id)
    .$if(isPostgres(trx as unknown as Kysely<unknown>), (qb) => qb.forUpdate('m'))
    .executeTakeFirst();
}

export async function updateMeetingRow(db: Q, id: string, patch: Partial<OoMeetingTable>): Promise<void> {
  await db.updateTable('oo_meeting').set(patch).where('id', '=', id).execute();
}

// ── Topics ──
export function listTopics(db: Q, meetingId: string): Promise<TopicRow[]> {
  return db
    .selectFrom('oo_topic')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertTopic(db: Q, row: TopicRow): Promise<void> {
  await db.insertInto('oo_topic').values(row).execute();
}

export function findTopic(db: Q, id: string): Promise<TopicRow | undefined> {
  return db.selectFrom('oo_topic').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTopicRow(db: Q, id: string, patch: Partial<TopicRow>): Promise<void> {
  await db.updateTable('oo_topic').set(patch).where('id', '=', id).execute();
}

export async function deleteTopicRow(db: Q, id: string): Promise<void> {
  await db.deleteFrom('oo_topic').where('id', '=', id).execute();
}

// ── Shared notes, private notes, moods ──
export function listNotes(db: Q, meetingId: string): Promise<{ step: number; body: string }[]> {
  return db.selectFrom('oo_note').select(['step', 'body']).where('meeting_id', '=', meetingId).execute();
}

export async function upsertNote(
  db: Q,
  row: {
    org_id: string;
    meeting_id: string;
    step: number;
    body: string;
    updated_by: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('oo_note')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'step']).doUpdateSet({
        body: row.body,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Only ever called with the caller as author: no query reads someone else's private note. */
export async function findPrivateNote(db: Q, meetingId: string, authorId: string): Promise<string> {
  const r = await db
    .selectFrom('oo_private_note')
    .select('body')
    .where('meeting_id', '=', meetingId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  return r?.body ?? '';
}

export async function upsertPrivateNote(
  db: Q,
  row: { org_id: string; meeting_id: string; author_id: string; body: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('oo_private_note')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'author_id']).doUpdateSet({ body: row.body, updated_at: row.updated_at }),
    )
    .execute();
}

export function listMoods(
  db: Q,
  meetingId: string,
): Promise<{ person_id: string; personal: number; professional: number }[]> {
  return db
    .selectFrom('oo_mood')
    .select(['person_id', 'personal', 'professional'])
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function upsertMood(
  db: Q,
  row: {
    org_id: string;
    meeting_id: string;
    person_id: string;
    personal: number;
    professional: number;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('oo_mood')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'person_id']).doUpdateSet({
        personal: row.personal,
        professional: row.professional,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

// ── Actions ──
function actionsWithOrigin(db: Q) {
  return db
    .selectFrom('oo_action as a')
    .innerJoin('oo_meeting as om', 'om.id', 'a.origin_meeting_id')
    .selectAll('a')
    .select('om.planned_at as origin_planned_at');
}

/**
 * The actions a meeting shows: decided in this or an earlier occurrence, and still open at the time of the
 * meeting (open now, done in this meeting, or done after it was closed).
 */
export function listMeetingActions(
  db: Q,
  m: { id: string; series_id: string; planned_at: string; closed_at: string | null },
): Promise<ActionWithOrigin[]> {
  return actionsWithOrigin(db)
    .where('a.series_id', '=', m.series_id)
    .where('om.planned_at', '<=', m.planned_at)
    .where((eb) => {
      const open = [eb('a.done_at', 'is', null), eb('a.done_meeting_id', '=', m.id)];
      if (m.closed_at !== null) open.push(eb('a.done_at', '>', m.closed_at));
      return eb.or(open);
    })
    .orderBy('om.planned_at')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

/** Actions completed in (from, to]: the facts to recognise. */
export function listActionsDoneBetween(
  db: Q,
  seriesId: string,
  from: string | null,
  to: string,
): Promise<ActionWithOrigin[]> {
  return actionsWithOrigin(db)
    .where('a.series_id', '=', seriesId)
    .where('a.done_at', 'is not', null)
    .$if(from !== null, (qb) => qb.where('a.done_at', '>', from!))
    .where('a.done_at', '<=', to)
    .orderBy('a.done_at')
    .execute();
}

/** When the previous held occurrence of the series closed (null when none). */
export async function previousHeldClosedAt(
  db: Q,
  seriesId: string,
  plannedAt: string,
): Promise<string | null> {
  const r = await db
    .selectFrom('oo_meeting')
    .select('closed_at')
    .where('series_id', '=', seriesId)
    .where('planned_at', '<', plannedAt)
    .where('status', '=', 'held')
    .orderBy('planned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.closed_at ?? null;
}

export async function insertAction(db: Q, row: ActionRow): Promise<void> {
  await db.insertInto('oo_action').values(row).execute();
}

export function findAction(db: Q, id: string): Promise<ActionWithOrigin | undefined> {
  return actionsWithOrigin(db).where('a.id', '=', id).executeTakeFirst();
}

export async function updateActionRow(db: Q, id: string, patch: Partial<ActionRow>): Promise<void> {
  await db.updateTable('oo_action').set(patch).where('id', '=', id).execute();
}

export async function countNextSteps(db: Q, meetingId: string): Promise<number> {
  const r = await db
    .selectFrom('oo_action')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('origin_meeting_id', '=', meetingId)
    .where('kind', '=', 'next_step')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The occurrence where a carried-over action is being worked on: the one in progress, else the next open one. */
export async function currentMeetingOfSeries(db: Q, seriesId: string, from: string): Promise<string | null> {
  const r = await db
    .selectFrom('oo_meeting')
    .select('id')
    .where('series_id', '=', seriesId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'in_progress'),
        eb.and([eb('status', '=', 'planned'), eb('scheduled_at', '>=', from)]),
      ]),
    )
    .orderBy('status', 'asc') // 'in_progress' sorts before 'planned'
    .orderBy('scheduled_at')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function meetingStatus(db: Q, id: string): Promise<string | null> {
  const r = await db.selectFrom('oo_meeting').select('status').where('id', '=', id).executeTakeFirst();
  return r?.status ?? null;
}

// ── Ratings: the marker says who rated which meeting, the score row says nothing of either ──
export async function hasRated(db: Q, meetingId: string, raterId: string): Promise<boolean> {
  const r = await db
    .selectFrom('oo_rating_marker')
    .select('meeting_id')
    .where('meeting_id', '=', meetingId)
    .where('rater_id', '=', raterId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertRating(
  trx: Transaction<DB>,
  marker: { org_id: string; meeting_id: string; rater_id: string; month: string },
  score: {
    org_id: string;
    manager_id: string;
    month: string;
    structured: number;
    useful: number;
    could_speak: number;
  },
): Promise<void> {
  await trx.insertInto('oo_rating_marker').values(marker).execute();
  // Added into the month's sums: the table never holds one answer on its own row.
  await trx
    .insertInto('oo_rating')
    .values({ ...score, answers: 1 })
    .onConflict((oc) =>
      oc.columns(['manager_id', 'month']).doUpdateSet({
        answers: sql<number>`oo_rating.answers + 1`,
        structured: sql<number>`oo_rating.structured + excluded.structured`,
        useful: sql<number>`oo_rating.useful + excluded.useful`,
        could_speak: sql<number>`oo_rating.could_speak + excluded.could_speak`,
      }),
    )
    .execute();
}

/** Distinct people who rated this manager in finished months (before `beforeMonth`, 'YYYY-MM'). */
export async function countDistinctRaters(
  db: Q,
  orgId: string,
  managerId: string,
  beforeMonth: string,
): Promise<number> {
  const r = await db
    .selectFrom('oo_rating_marker as r')
    .innerJoin('oo_meeting as m', 'm.id', 'r.meeting_id')
    .innerJoin('oo_series as s', 's.id', 'm.series_id')
    .select((eb) => eb.fn.count<number>('r.rater_id').distinct().as('n'))
    .where('s.org_id', '=', orgId)
    .where('s.manager_id', '=', managerId)
    .where('r.month', '<', beforeMonth)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function ratingAverages(
  db: Q,
  orgId: string,
  managerId: string,
  beforeMonth: string,
): Promise<{ structured: number; useful: number; couldSpeak: number } | null> {
  const r = await db
    .selectFrom('oo_rating')
    .select((eb) => [
      eb.fn.sum<number>('answers').as('n'),
      eb.fn.sum<number>('structured').as('structured'),
      eb.fn.sum<number>('useful').as('useful'),
      eb.fn.sum<number>('could_speak').as('could_speak'),
    ])
    .where('org_id', '=', orgId)
    .where('manager_id', '=', managerId)
    .where('month', '<', beforeMonth)
    .executeTakeFirst();
  const n = Number(r?.n ?? 0);
  if (!r || n === 0) return null;
  return {
    structured: Number(r.structured) / n,
    useful: Number(r.useful) / n,
    couldSpeak: Number(r.could_speak) / n,
  };
}

export async function organisationK(db: Q, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('organisation')
    .select('k_threshold')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.k_threshold ?? 5);
}
