import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../../db/dialect.ts';
import type { DB, OoActionTable, OoMeetingTable, OoTopicTable } from '../../db/schema.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type TopicRow = OoTopicTable;
export type ActionRow = OoActionTable;
export type ActionWithOrigin = ActionRow & { origin_planned_at: string };

/** A meeting with the fields of its series that every rule needs, and the names of both participants. */
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
  manager_first_name: string;
  manager_last_name: string;
  report_first_name: string;
  report_last_name: string;
};

/** What opening a meeting needs besides: all of it read in the same query, each part by index. */
export type MeetingHead = MeetingWithSeries & {
  /** The caller's own private note (never anyone else's). */
  my_private_note: string | null;
  /** 1 when the caller already rated this meeting. */
  already_rated: number | null;
  /** When the previous held occurrence of the series closed: recognition looks at what was done since. */
  previous_closed_at: string | null;
  /** Occurrences of the series planned after `now`: below the minimum, more are materialised. */
  future_occurrences: number;
};

// Primary-key look-ups only: the series and the two participants' names.
function meetingWithSeries(db: Q) {
  return db
    .selectFrom('oo_meeting as m')
    .innerJoin('oo_series as s', 's.id', 'm.series_id')
    .innerJoin('person as pm', 'pm.id', 's.manager_id')
    .innerJoin('person as pr', 'pr.id', 's.report_id')
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
      'pm.first_name as manager_first_name',
      'pm.last_name as manager_last_name',
      'pr.first_name as report_first_name',
      'pr.last_name as report_last_name',
    ]);
}

const meetingById = preparedQuery((db, p: (name: 'id') => string) =>
  meetingWithSeries(db).where('m.id', '=', p('id')),
);

export async function findMeeting(db: Q, id: string): Promise<MeetingWithSeries | undefined> {
  return (await meetingById(db, { id }))[0];
}

const meetingHead = preparedQuery((db, p: (name: 'id' | 'callerId' | 'now') => string) =>
  meetingWithSeries(db)
    .select((eb) => [
      eb
        .selectFrom('oo_private_note as pn')
        .select('pn.body')
        .whereRef('pn.meeting_id', '=', 'm.id')
        .where('pn.author_id', '=', p('callerId'))
        .as('my_private_note'),
      eb
        .selectFrom('oo_rating_marker as rm')
        .select(sql<number>`1`.as('one'))
        .whereRef('rm.meeting_id', '=', 'm.id')
        .where('rm.rater_id', '=', p('callerId'))
        .as('already_rated'),
      eb
        .selectFrom('oo_meeting as ph')
        .select('ph.closed_at')
        .whereRef('ph.series_id', '=', 'm.series_id')
        .whereRef('ph.planned_at', '<', 'm.planned_at')
        .where('ph.status', '=', 'held')
        .orderBy('ph.planned_at', 'desc')
        .limit(1)
        .as('previous_closed_at'),
      eb
        .selectFrom('oo_meeting as fo')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('fo.series_id', '=', 'm.series_id')
        .where('fo.planned_at', '>', p('now'))
        .as('future_occurrences'),
    ])
    .where('m.id', '=', p('id')),
);

/**
 * The meeting as opened by `callerId`, in one query: each scalar subquery reads a bounded range of an index
 * (the caller's private note and rating marker by primary key, the previous held occurrence by walking
 * (series_id, planned_at) back from this one, the future occurrences by the same index from `now` on).
 */
export async function findMeetingHead(
  db: Q,
  id: string,
  callerId: string,
  now: string,
): Promise<MeetingHead | undefined> {
  return (await meetingHead(db, { id, callerId, now }))[0] as MeetingHead | undefined;
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
// Adding a topic is the commonest write of a 1:1: built and compiled once (see preparedQuery).
const insertTopicRow = preparedQuery((db, p: (name: keyof TopicRow) => string) =>
  db.insertInto('oo_topic').values({
    id: p('id'),
    org_id: p('org_id'),
    meeting_id: p('meeting_id'),
    author_id: p('author_id'),
    title: p('title'),
    kind: p('kind'),
    done: sql<number>`${p('done')}`,
    created_at: p('created_at'),
  }),
);

export async function insertTopic(db: Q, row: TopicRow): Promise<void> {
  await insertTopicRow(db, row);
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

/** What a meeting shows of a topic. */
export type TopicView = Pick<TopicRow, 'id' | 'author_id' | 'title' | 'kind' | 'done' | 'created_at'>;

// Typed NULLs: PostgreSQL resolves the column types of a UNION pairwise, and a bare NULL on both sides is text.
const nullText = sql<string | null>`cast(null as text)`;
const nullInt = sql<number | null>`cast(null as integer)`;

interface ContentRow {
  part: string;
  id: string | null;
  person_id: string | null;
  text: string | null;
  kind: string | null;
  n1: number;
  n2: number | null;
  created_at: string | null;
}

/** Topics, shared notes and moods of one meeting in one query: three reads of a meeting_id index. */
const contentsOf = preparedQuery((db, p: (name: 'meetingId') => string) =>
  db
    .selectFrom('oo_topic as t')
    .select([
      sql<string>`'topic'`.as('part'),
      't.id',
      't.author_id as person_id',
      't.title as text',
      't.kind',
      't.done as n1',
      nullInt.as('n2'),
      't.created_at',
    ])
    .where('t.meeting_id', '=', p('meetingId'))
    .$castTo<ContentRow>()
    .unionAll(
      db
        .selectFrom('oo_note as n')
        .select([
          sql<string>`'note'`.as('part'),
          nullText.as('id'),
          nullText.as('person_id'),
          'n.body as text',
          nullText.as('kind'),
          'n.step as n1',
          nullInt.as('n2'),
          sql<string | null>`null`.as('created_at'),
        ])
        .where('n.meeting_id', '=', p('meetingId')),
    )
    .unionAll(
      db
        .selectFrom('oo_mood as mo')
        .select([
          sql<string>`'mood'`.as('part'),
          nullText.as('id'),
          'mo.person_id',
          nullText.as('text'),
          nullText.as('kind'),
          'mo.personal as n1',
          'mo.professional as n2',
          sql<string | null>`null`.as('created_at'),
        ])
        .where('mo.meeting_id', '=', p('meetingId')),
    ),
);

/** The agenda (in creation order), shared notes and moods of one meeting. */
export async function listMeetingContents(
  db: Q,
  meetingId: string,
): Promise<{
  topics: TopicView[];
  notes: { step: number; body: string }[];
  moods: { person_id: string; personal: number; professional: number }[];
}> {
  const topics: TopicView[] = [];
  const notes: { step: number; body: string }[] = [];
  const moods: { person_id: string; personal: number; professional: number }[] = [];
  for (const r of await contentsOf(db, { meetingId })) {
    if (r.part === 'topic')
      topics.push({
        id: r.id!,
        author_id: r.person_id!,
        title: r.text!,
        kind: r.kind!,
        done: Number(r.n1),
        created_at: r.created_at!,
      });
    else if (r.part === 'note') notes.push({ step: Number(r.n1), body: r.text! });
    else moods.push({ person_id: r.person_id!, personal: Number(r.n1), professional: Number(r.n2) });
  }
  topics.sort((x, y) => cmp(x.created_at, y.created_at) || cmp(x.id, y.id));
  return { topics, notes, moods };
}

// ── Shared notes, private notes, moods ──
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

type ActionParam = 'meetingId' | 'seriesId' | 'plannedAt' | 'closedAt' | 'doneFrom' | 'doneTo';

const meetingActions = preparedQuery((db, p: (name: ActionParam) => string) => {
  const part = (n: 0 | 1) => actionsWithOrigin(db).select(sql<number>`${sql.lit(n)}`.as('part'));
  const carried = () => part(0).where('om.planned_at', '<=', p('plannedAt'));
  return (
    // Open: (series_id, done_at is null) on oo_action_series_done_idx.
    carried()
      .where('a.series_id', '=', p('seriesId'))
      .where('a.done_at', 'is', null)
      // Done in this meeting: oo_action_done_meeting_idx.
      .unionAll(carried().where('a.done_meeting_id', '=', p('meetingId')).where('a.done_at', 'is not', null))
      // Done elsewhere after this meeting closed (none while closedAt is null): (series_id, done_at > closedAt).
      .unionAll(
        carried()
          .where('a.series_id', '=', p('seriesId'))
          .where('a.done_at', '>', p('closedAt'))
          .where((eb) =>
            eb.or([eb('a.done_meeting_id', 'is', null), eb('a.done_meeting_id', '!=', p('meetingId'))]),
          ),
      )
      // Completed since the previous held meeting: (series_id, done_at in (doneFrom, doneTo]).
      .unionAll(
        part(1)
          .where('a.series_id', '=', p('seriesId'))
          .where('a.done_at', '>', p('doneFrom'))
          .where('a.done_at', '<=', p('doneTo')),
      )
  );
});

/** Lower bound for "completed since" when the series has no held meeting before this one. */
const BEFORE_ANY_ACTION = '1970-01-01T00:00:00.000Z';

/**
 * What a meeting shows of the series' actions, in one query of four index range reads (never the whole
 * history): `carried` are the actions decided in this or an earlier occurrence and still open at the time of
 * the meeting (open now, done in this meeting, or done after it closed), in the order they were decided;
 * `recognition` are those completed in (doneFrom, doneTo], the facts to recognise, in the order they were done.
 */
export async function listMeetingActions(
  db: Q,
  m: { id: string; series_id: string; planned_at: string; closed_at: string | null },
  recognition: { doneFrom: string | null; doneTo: string },
): Promise<{ carried: ActionWithOrigin[]; recognition: ActionWithOrigin[] }> {
  const rows = await meetingActions(db, {
    meetingId: m.id,
    seriesId: m.series_id,
    plannedAt: m.planned_at,
    closedAt: m.closed_at,
    doneFrom: recognition.doneFrom ?? BEFORE_ANY_ACTION,
    doneTo: recognition.doneTo,
  });
  const carried: ActionWithOrigin[] = [];
  const recognised: ActionWithOrigin[] = [];
  for (const { part: p, ...row } of rows) (Number(p) === 1 ? recognised : carried).push(row);
  const decided = (x: ActionWithOrigin, y: ActionWithOrigin) =>
    cmp(x.origin_planned_at, y.origin_planned_at) || cmp(x.created_at, y.created_at) || cmp(x.id, y.id);
  carried.sort(decided);
  recognised.sort((x, y) => cmp(x.done_at ?? '', y.done_at ?? '') || decided(x, y));
  return { carried, recognition: recognised };
}

// ISO-8601 instants of one format on both engines: comparing the strings compares the instants.
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

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
