import { EventEmitter } from 'node:events';

/** Emitted after every successful change of a meeting; live updates (SSE, Postgres fan-out) listen here. */
export interface MeetingChanged {
  meetingId: string;
  seriesId: string;
}

/**
 * `changed` (MeetingChanged): something both participants should see now — pushed to their open pages.
 * `series` (series id): something changed that nobody else needs to be told about (a private note, a rating,
 * the series' settings); it still makes every stored copy of the series' meetings stale.
 */
export const meetingEvents = new EventEmitter();
meetingEvents.setMaxListeners(0);

export function emitMeetingChanged(change: MeetingChanged): void {
  meetingEvents.emit('changed', change);
}

export function emitSeriesChanged(seriesId: string): void {
  meetingEvents.emit('series', seriesId);
}
