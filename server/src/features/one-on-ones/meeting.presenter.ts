import type { ActionItem, MeetingDetail, Topic } from '../../../../core/api/one-on-ones.schemas.ts';
import { fromFlag } from '../../db/dialect.ts';
import { can, type Actor } from '../../http/policy.ts';
import type { ActionWithOrigin, MeetingWithSeries, TopicView } from './meeting.repository.ts';
import { pairOf, personRef } from './series.presenter.ts';
import type { PersonName } from './series.repository.ts';

type Names = ReadonlyMap<string, PersonName>;
type StepLog = MeetingDetail['stepLog'];

export const isClosed = (status: string) => status === 'held' || status === 'cancelled';
export const today = (now: string) => now.slice(0, 10);

export function parseStepLog(raw: string): StepLog {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? (v as StepLog) : [];
  } catch {
    return [];
  }
}

export function presentTopic(t: TopicView, m: { report_id: string }, names: Names): Topic {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind === 'personal' ? 'personal' : 'professional',
    author: personRef(names, t.author_id),
    byReport: t.author_id === m.report_id,
    done: fromFlag(t.done),
    createdAt: t.created_at,
  };
}

export function presentAction(a: ActionWithOrigin, names: Names, now: string): ActionItem {
  const done = a.done_at !== null;
  return {
    id: a.id,
    title: a.title,
    kind: a.kind as ActionItem['kind'],
    owner: personRef(names, a.owner_id),
    dueOn: a.due_on,
    done,
    doneAt: a.done_at,
    overdue: !done && a.due_on !== null && a.due_on < today(now),
    originMeetingId: a.origin_meeting_id,
    originPlannedAt: a.origin_planned_at,
  };
}

/** Talk time so far, the running turn included. */
function talkTime(m: MeetingWithSeries, now: string): MeetingDetail['talkTime'] {
  let managerMs = Number(m.talk_manager_ms);
  let reportMs = Number(m.talk_report_ms);
  const speaking = m.speaking === 'manager' || m.speaking === 'report' ? m.speaking : null;
  if (speaking && m.speaking_since) {
    const running = Math.max(0, Date.parse(now) - Date.parse(m.speaking_since));
    if (speaking === 'manager') managerMs += running;
    else reportMs += running;
  }
  return { managerMs, reportMs, speaking };
}

export function presentMeetingDetail(
  actor: Actor,
  m: MeetingWithSeries,
  parts: {
    names: Names;
    topics: TopicView[];
    notes: { step: number; body: string }[];
    myPrivateNote: string;
    moods: { person_id: string; personal: number; professional: number }[];
    actions: ActionWithOrigin[];
    recognition: ActionWithOrigin[];
    alreadyRated: boolean;
    now: string;
  },
): MeetingDetail {
  const { names, now } = parts;
  const pair = pairOf(m);
  const writable = can(actor, 'oneOnOne.write', pair) && !isClosed(m.status);
  const topics = parts.topics.map((t) => presentTopic(t, m, names));
  // The report's topics come first, each side in creation order (the sort is stable).
  topics.sort((a, b) => Number(b.byReport) - Number(a.byReport));
  const mood = (personId: string) => {
    const r = parts.moods.find((x) => x.person_id === personId);
    return r ? { personal: Number(r.personal), professional: Number(r.professional) } : null;
  };
  const isReport = actor.personId === m.report_id;
  return {
    id: m.id,
    series: {
      id: m.series_id,
      manager: personRef(names, m.manager_id),
      report: personRef(names, m.report_id),
      durationMinutes: Number(m.duration_minutes),
      location: m.location,
      videoUrl: m.video_url,
    },
    plannedAt: m.planned_at,
    scheduledAt: m.scheduled_at,
    status: m.status as MeetingDetail['status'],
    moved: fromFlag(m.moved),
    moveReason: m.move_reason,
    cancelReason: m.cancel_reason,
    startedAt: m.started_at,
    closedAt: m.closed_at,
    currentStep: m.current_step === null ? null : Number(m.current_step),
    stepLog: parseStepLog(m.step_log),
    topics,
    notes: Object.fromEntries(parts.notes.map((n) => [String(n.step), n.body])),
    myPrivateNote: parts.myPrivateNote,
    moods: { manager: mood(m.manager_id), report: mood(m.report_id) },
    actions: parts.actions.map((a) => presentAction(a, names, now)),
    recognitionSuggestions: parts.recognition.map((a) => presentAction(a, names, now)),
    talkTime: talkTime(m, now),
    myRole: isReport ? 'report' : 'manager',
    canRate: can(actor, 'oneOnOne.rate', pair) && m.status === 'held' && !parts.alreadyRated,
    permissions: {
      edit: writable,
      move: writable && m.status === 'planned',
      cancel: writable && m.status === 'planned',
      run: writable,
    },
  };
}
