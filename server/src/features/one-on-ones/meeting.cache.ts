import { createOrgCache } from '../../lib/org-cache.ts';
import { onPeopleChanged } from '../people/person.repository.ts';
import { meetingEvents, type MeetingChanged } from './meeting.events.ts';

/**
 * Opened meetings as UTF-8 JSON, per meeting, reader and day (the reader's private note, rights and rating
 * shape the page; "overdue" depends on the day), partitioned by series: every change of a series — live
 * (`changed`) or not (`series`: private note, rating, settings) — forgets all of its meetings, because an
 * action done in one occurrence shows in the others. Changes made on another instance arrive through the
 * live fan-out (`live.ts`); the time to live bounds anything missed. Names, rights and the hierarchy come from
 * people: any people change forgets everything. A meeting in progress is never stored (talk time runs).
 */
export interface CachedMeeting {
  bytes: Buffer;
  /** In progress: computed afresh on every read. */
  live: boolean;
}

export const meetingCache = createOrgCache<CachedMeeting>({ ttlMs: 15_000, maxEntries: 5_000 });

/** Which series a meeting belongs to never changes: learned on the first read, it finds the partition. */
const seriesOfMeeting = new Map<string, string>();
const MAX_KNOWN = 100_000;

export function rememberSeries(meetingId: string, seriesId: string): void {
  if (seriesOfMeeting.size >= MAX_KNOWN) seriesOfMeeting.clear();
  seriesOfMeeting.set(meetingId, seriesId);
}

export const knownSeriesOf = (meetingId: string): string | undefined => seriesOfMeeting.get(meetingId);

const SERIES_TOPIC = 'series:';
export const seriesTopic = (seriesId: string) => `${SERIES_TOPIC}${seriesId}`;
export const seriesOfTopic = (topic: string): string | null =>
  topic.startsWith(SERIES_TOPIC) ? topic.slice(SERIES_TOPIC.length) : null;

meetingEvents.on('changed', (c: MeetingChanged) => meetingCache.changed(c.seriesId));
meetingEvents.on('series', (seriesId: string) => meetingCache.changed(seriesId));
onPeopleChanged(() => meetingCache.clear());
