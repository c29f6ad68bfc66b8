import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fromFlag } from '../../db/dialect.ts';

/**
 * A person's one-to-ones for their own data export: what the pair shares (agenda, shared notes, actions) and,
 * of what is private or personal, only their own (private notes, moods). Never the other side's private note.
 */
export async function oneOnOnesExport(db: Kysely<DB>, personId: string) {
  const series = await db
    .selectFrom('oo_series as s')
    .innerJoin('person as m', 'm.id', 's.manager_id')
    .innerJoin('person as r', 'r.id', 's.report_id')
    .select([
      's.id',
      's.manager_id',
      's.cadence_weeks',
      's.duration_minutes',
      's.location',
      'm.first_name as m_first',
      'm.last_name as m_last',
      'r.first_name as r_first',
      'r.last_name as r_last',
    ])
    .where((eb) => eb.or([eb('s.manager_id', '=', personId), eb('s.report_id', '=', personId)]))
    .execute();
  if (series.length === 0) return [];
  const seriesIds = series.map((s) => s.id);
  const meetings = await db
    .selectFrom('oo_meeting')
    .select([
      'id',
      'series_id',
      'planned_at',
      'scheduled_at',
      'status',
      'moved',
      'move_reason',
      'cancel_reason',
    ])
    .where('series_id', 'in', seriesIds)
    .orderBy('planned_at')
    .execute();
  const meetingIds = meetings.map((m) => m.id);
  const byMeeting = <T extends { meeting_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.meeting_id, [...(map.get(r.meeting_id) ?? []), r]);
    return map;
  };
  const some = meetingIds.length > 0;
  const [topics, notes, privateNotes, moods, actions] = await Promise.all([
    some
      ? db
          .selectFrom('oo_topic')
          .select(['meeting_id', 'title', 'kind', 'done', 'author_id'])
          .where('meeting_id', 'in', meetingIds)
          .execute()
      : [],
    some
      ? db
          .selectFrom('oo_note')
          .select(['meeting_id', 'step', 'body'])
          .where('meeting_id', 'in', meetingIds)
          .execute()
      : [],
    some
      ? db
          .selectFrom('oo_private_note')
          .select(['meeting_id', 'body'])
          .where('meeting_id', 'in', meetingIds)
          .where('author_id', '=', personId)
          .execute()
      : [],
    some
      ? db
          .selectFrom('oo_mood')
          .select(['meeting_id', 'personal', 'professional'])
          .where('meeting_id', 'in', meetingIds)
          .where('person_id', '=', personId)
          .execute()
      : [],
    db
      .selectFrom('oo_action')
      .select(['series_id', 'title', 'kind', 'owner_id', 'due_on', 'done_at'])
      .where('series_id', 'in', seriesIds)
      .execute(),
  ]);
  const [topicsOf, notesOf, privateOf, moodOf] = [
    byMeeting(topics),
    byMeeting(notes),
    byMeeting(privateNotes),
    byMeeting(moods),
  ];
  return series.map((s) => ({
    role: s.manager_id === personId ? ('manager' as const) : ('report' as const),
    with: s.manager_id === personId ? `${s.r_first} ${s.r_last}` : `${s.m_first} ${s.m_last}`,
    cadenceWeeks: Number(s.cadence_weeks),
    durationMinutes: Number(s.duration_minutes),
    location: s.location,
    meetings: meetings
      .filter((m) => m.series_id === s.id)
      .map((m) => ({
        plannedAt: m.planned_at,
        scheduledAt: m.scheduled_at,
        status: m.status,
        moved: fromFlag(m.moved),
        moveReason: m.move_reason,
        cancelReason: m.cancel_reason,
        topics: (topicsOf.get(m.id) ?? []).map((t) => ({
          title: t.title,
          kind: t.kind,
          done: fromFlag(t.done),
          mine: t.author_id === personId,
        })),
        sharedNotes: (notesOf.get(m.id) ?? []).map((n) => ({ step: Number(n.step), body: n.body })),
        myPrivateNote: privateOf.get(m.id)?.[0]?.body ?? null,
        myMood: moodOf.get(m.id)?.[0]
          ? {
              personal: Number(moodOf.get(m.id)![0]!.personal),
              professional: Number(moodOf.get(m.id)![0]!.professional),
            }
          : null,
      })),
    actions: actions
      .filter((a) => a.series_id === s.id)
      .map((a) => ({
        title: a.title,
        kind: a.kind,
        mine: a.owner_id === personId,
        dueOn: a.due_on,
        doneAt: a.done_at,
      })),
  }));
}
