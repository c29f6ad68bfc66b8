import type {
  CadenceStats,
  MeetingSummary,
  SeriesDetail,
  SeriesSummary,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { fromFlag } from '../../db/dialect.ts';
import { can, type Actor, type PairSubject } from '../../http/policy.ts';
import { fullName } from '../people/person.presenter.ts';
import type { MeetingRow, PersonName, SeriesRow } from './series.repository.ts';

export const pairOf = (s: { org_id: string; manager_id: string; report_id: string }): PairSubject => ({
  orgId: s.org_id,
  managerId: s.manager_id,
  reportId: s.report_id,
});

export function personRef(names: ReadonlyMap<string, PersonName>, id: string) {
  const p = names.get(id);
  return { id, name: p ? fullName(p) : '' };
}

export function presentMeetingSummary(m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    plannedAt: m.planned_at,
    scheduledAt: m.scheduled_at,
    status: m.status as MeetingSummary['status'],
    moved: fromFlag(m.moved),
    moveReason: m.move_reason,
    cancelReason: m.cancel_reason,
  };
}

export function presentSeriesSummary(
  s: SeriesRow,
  names: ReadonlyMap<string, PersonName>,
  next: MeetingRow | undefined,
  openActions: number,
): SeriesSummary {
  return {
    id: s.id,
    manager: personRef(names, s.manager_id),
    report: personRef(names, s.report_id),
    cadenceWeeks: Number(s.cadence_weeks),
    durationMinutes: Number(s.duration_minutes),
    location: s.location,
    videoUrl: s.video_url,
    active: fromFlag(s.active),
    nextMeeting: next ? presentMeetingSummary(next) : null,
    openActions,
  };
}

export function presentSeriesDetail(
  actor: Actor,
  summary: SeriesSummary,
  s: SeriesRow,
  meetings: MeetingRow[],
  cadence: CadenceStats,
): SeriesDetail {
  // The summary is spread last: new keys after a spread cost V8 fresh hidden classes (ARCHITECTURE.md, "Hot paths").
  return {
    meetings: meetings.map(presentMeetingSummary),
    cadence,
    permissions: { update: can(actor, 'oneOnOne.write', pairOf(s)) },
    ...summary,
  };
}
