import { EventEmitter } from 'node:events';

/** Emitted after every successful change of a meeting; live updates (SSE, Postgres fan-out) listen here. */
export interface MeetingChanged {
  meetingId: string;
  seriesId: string;
}

export const meetingEvents = new EventEmitter();
meetingEvents.setMaxListeners(0);

export function emitMeetingChanged(change: MeetingChanged): void {
  meetingEvents.emit('changed', change);
}
