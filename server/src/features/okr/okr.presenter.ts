import type {
  KeyResult,
  ObjectiveDetail,
  ObjectiveRef,
  ObjectiveSummary,
  ReviewWeek,
} from '../../../../core/api/okr.schemas.ts';
import { can, type Actor, type TeamSubject } from '../../http/policy.ts';
import { fullName } from '../people/person.presenter.ts';
import { krStatus, objectiveProgress, type KrDirection } from '../../../../core/domain/okr-progress.ts';
import type { KeyResultRow, ObjectiveRow, PersonLite, ReviewRow } from './okr.repository.ts';
import { addDays, currentReviewWeek, reviewWeeks, weekState } from './period.ts';
import type { StoredEntry } from './okr.table.ts';

export type Names = ReadonlyMap<string, { first_name: string; last_name: string }>;

export function ref(names: Names, id: string) {
  const p = names.get(id);
  return { id, name: p ? fullName(p) : '' };
}

export function teamSubjectOf(
  orgId: string,
  managerId: string,
  team: readonly PersonLite[],
  chain: readonly string[],
) {
  const subject: TeamSubject = {
    orgId,
    leadId: managerId,
    memberIds: team.filter((p) => p.manager_id === managerId && p.id !== managerId).map((p) => p.id),
    chain,
  };
  return subject;
}

export function parseEntries(row: ReviewRow): StoredEntry[] {
  try {
    const parsed = JSON.parse(row.entries) as unknown;
    return Array.isArray(parsed) ? (parsed as StoredEntry[]) : [];
  } catch {
    return [];
  }
}

/** The latest reviewed value and confidence of each key result (reviews oldest first). */
export function latestValues(reviews: readonly ReviewRow[]) {
  const latest = new Map<string, { v: number; c: number }>();
  for (const r of reviews) for (const e of parseEntries(r)) latest.set(e.k, { v: e.v, c: e.c });
  return latest;
}

/** The instant progress is measured at, and the period as instants (its last day included). */
export interface Clock {
  today: string;
  now: string;
}

export function presentKeyResult(
  kr: KeyResultRow,
  o: Pick<ObjectiveRow, 'period_start' | 'period_end'>,
  names: Names,
  latest: ReadonlyMap<string, { v: number; c: number }>,
  clock: Clock,
): KeyResult {
  const last = latest.get(kr.id);
  const direction = kr.direction as KrDirection;
  const start = Number(kr.start_value);
  const target = Number(kr.target_value);
  const current = last ? Number(last.v) : null;
  const m = krStatus(
    { start, target, direction, current },
    o.period_start,
    addDays(o.period_end, 1),
    clock.now,
  );
  return {
    id: kr.id,
    position: Number(kr.position),
    metric: kr.metric,
    unit: kr.unit,
    start,
    target,
    direction,
    owner: ref(names, kr.owner_id),
    current,
    confidence: last ? Number(last.c) : Number(kr.confidence),
    progress: m.progress,
    expected: m.expected,
    status: m.status,
  };
}

export function presentRef(o: ObjectiveRow, names: Names): ObjectiveRef {
  return {
    id: o.id,
    title: o.title,
    teamManager: ref(names, o.team_manager_id),
    periodStart: o.period_start,
    periodEnd: o.period_end,
  };
}

function weeksOf(o: ObjectiveRow, reviews: readonly ReviewRow[], names: Names, today: string): ReviewWeek[] {
  const byWeek = new Map(reviews.map((r) => [r.week_start, r]));
  return reviewWeeks(o.period_start, o.period_end, Number(o.review_weekday)).map((w) => {
    const r = byWeek.get(w);
    return {
      weekStart: w,
      state: weekState(w, today, r !== undefined),
      author: r?.author_id ? ref(names, r.author_id) : null,
      updatedAt: r ? new Date(r.updated_at).toISOString() : null,
      entries: r
        ? parseEntries(r).map((e) => ({
            keyResultId: e.k,
            value: Number(e.v),
            confidence: Number(e.c),
            blockers: e.b ?? '',
          }))
        : [],
    };
  });
}

export function presentSummary(
  o: ObjectiveRow,
  krs: readonly KeyResultRow[],
  reviews: readonly ReviewRow[],
  names: Names,
  clock: Clock,
): ObjectiveSummary {
  const latest = latestValues(reviews);
  const measured = krs.map((kr) => presentKeyResult(kr, o, names, latest, clock));
  const states = weeksOf(o, reviews, names, clock.today).map((w) => w.state);
  const overall = objectiveProgress(measured);
  // The reference is spread last: new keys after a spread cost V8 fresh hidden classes (ARCHITECTURE.md, "Hot paths").
  return {
    status: o.status as ObjectiveSummary['status'],
    keyResults: krs.length,
    progress: overall.progress,
    health: overall.status,
    reviewsDone: states.filter((s) => s === 'done').length,
    reviewsMissed: states.filter((s) => s === 'missed').length,
    ...presentRef(o, names),
  };
}

export function presentDetail(input: {
  actor: Actor;
  objective: ObjectiveRow;
  subject: TeamSubject;
  team: readonly PersonLite[];
  keyResults: readonly KeyResultRow[];
  reviews: readonly ReviewRow[];
  parent: ObjectiveRef | null;
  children: ObjectiveRef[];
  names: Names;
  clock: Clock;
}): ObjectiveDetail {
  const { actor, objective: o, subject, names, clock } = input;
  const latest = latestValues(input.reviews);
  const keyResults = input.keyResults.map((kr) => presentKeyResult(kr, o, names, latest, clock));
  const weeks = weeksOf(o, input.reviews, names, clock.today);
  const overall = objectiveProgress(keyResults);
  const active = o.status === 'active';
  const members = [
    ref(names, subject.leadId),
    ...input.team
      .filter((p) => subject.memberIds.includes(p.id))
      .map((p) => ref(names, p.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  ];
  return {
    id: o.id,
    title: o.title,
    rules: o.rules,
    scope: o.scope,
    priorities: o.priorities,
    periodKind: o.period_kind === 'quarter' ? 'quarter' : 'days90',
    periodStart: o.period_start,
    periodEnd: o.period_end,
    reviewWeekday: Number(o.review_weekday),
    status: o.status as ObjectiveDetail['status'],
    teamManager: ref(names, o.team_manager_id),
    members,
    parent: input.parent,
    children: input.children,
    keyResults,
    progress: overall.progress,
    health: overall.status,
    weeks,
    currentWeek: currentReviewWeek(
      weeks.map((w) => w.weekStart),
      clock.today,
    ),
    permissions: {
      edit: active && can(actor, 'okr.write', subject),
      review: active && can(actor, 'okr.review', subject),
    },
  };
}
