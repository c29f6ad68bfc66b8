import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/policy.ts';
import { translate } from '../../http/messages.ts';
import { renderCalendar, type CalendarEvent } from '../../lib/icalendar.ts';
import { occurrenceAt, occurrenceIndex } from '../one-on-ones/recurrence.ts';
import { ensureOccurrences } from '../one-on-ones/series.service.ts';
import * as repo from './calendar.repository.ts';

const DAY = 86_400_000;
/** The feed lists the next 26 weeks (and today's meetings that already started). */
export const FEED_WEEKS = 26;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/calendar/${token}.ics`;

/** Creates the caller's feed, or replaces its secret (the old URL stops working). Only the hash is stored. */
export async function regenerateFeed(
  db: Kysely<DB>,
  actor: Actor,
  publicUrl: string,
): Promise<{ url: string }> {
  const token = randomBytes(32).toString('base64url');
  await repo.replaceFeed(db, {
    person_id: actor.personId,
    org_id: actor.orgId,
    token_hash: hashToken(token),
    created_at: nowIso(),
  });
  return { url: feedUrl(publicUrl, token) };
}

export async function revokeFeed(db: Kysely<DB>, actor: Actor): Promise<void> {
  await repo.deleteFeed(db, actor.personId);
}

/** The iCalendar text of a feed, or null for an unknown or revoked token. */
export async function renderFeed(
  db: Kysely<DB>,
  token: string,
  publicUrl: string,
  now = new Date(),
): Promise<string | null> {
  const owner = await repo.findFeedOwner(db, hashToken(token));
  if (!owner) return null;
  const locale: Locale = owner.locale === 'en' ? 'en' : 'fr';
  const series = await repo.activeSeriesOf(db, owner.org_id, owner.id);
  await ensureOccurrences(db, series, now.toISOString());
  const from = new Date(now.getTime() - DAY).toISOString();
  const until = new Date(now.getTime() + FEED_WEEKS * 7 * DAY).toISOString();
  const ids = series.map((s) => s.id);
  const [meetings, last] = await Promise.all([
    repo.meetingsBetween(db, ids, from, until),
    repo.lastPlannedOf(db, ids),
  ]);
  const host = new URL(publicUrl).host;
  const events: CalendarEvent[] = [];
  const bySeries = new Map(series.map((s) => [s.id, s]));

  const eventOf = (
    s: (typeof series)[number],
    o: {
      plannedAt: string;
      scheduledAt: string;
      link: string;
      cancelled: boolean;
      cancelReason: string | null;
      sequence: number;
      stamp: string;
    },
  ): CalendarEvent => {
    const other =
      s.manager_id === owner.id
        ? `${s.report_first_name} ${s.report_last_name}`
        : `${s.manager_first_name} ${s.manager_last_name}`;
    const start = new Date(o.scheduledAt);
    const lines = [translate(locale, 'calendar.description', { url: o.link })];
    if (s.video_url) lines.push(s.video_url);
    if (o.cancelled && o.cancelReason)
      lines.unshift(translate(locale, 'calendar.cancelledDescription', { reason: o.cancelReason }));
    return {
      // The planned slot identifies an occurrence for good: moving it keeps the same calendar event.
      uid: `oo-${s.id}-${o.plannedAt.replace(/[-:.]/g, '')}@${host}`,
      start,
      end: new Date(start.getTime() + Number(s.duration_minutes) * 60_000),
      stamp: new Date(o.stamp),
      summary: translate(locale, 'calendar.summary', { name: other }),
      description: lines.join('\n'),
      location: s.location || s.video_url || undefined,
      url: o.link,
      status: o.cancelled ? 'CANCELLED' : 'CONFIRMED',
      sequence: o.sequence,
    };
  };

  for (const m of meetings) {
    const s = bySeries.get(m.series_id)!;
    if (m.status === 'held') continue;
    const scheduledAt = new Date(m.scheduled_at).toISOString();
    events.push(
      eventOf(s, {
        plannedAt: new Date(m.planned_at).toISOString(),
        scheduledAt,
        link: `${publicUrl}/one-on-ones/meetings/${m.id}`,
        cancelled: m.status === 'cancelled',
        cancelReason: m.cancel_reason,
        sequence: (m.moved ? 1 : 0) + (m.status === 'cancelled' ? 1 : 0),
        stamp: new Date(m.updated_at).toISOString(),
      }),
    );
  }
  // Past the materialised ones (12 weeks ahead), the series' rule gives the rest of the 26 weeks.
  for (const s of series) {
    const lastPlanned = last.get(s.id);
    const firstAt = new Date(s.first_at).toISOString();
    const cadence = Number(s.cadence_weeks);
    let k = lastPlanned ? occurrenceIndex(firstAt, s.time_zone, cadence, lastPlanned) + 1 : 0;
    for (let guard = 0; guard < 200; guard++, k++) {
      const at = occurrenceAt(firstAt, s.time_zone, cadence, k);
      if (at >= until) break;
      if (at < from) continue;
      events.push(
        eventOf(s, {
          plannedAt: at,
          scheduledAt: at,
          link: `${publicUrl}/one-on-ones/series/${s.id}`,
          cancelled: false,
          cancelReason: null,
          sequence: 0,
          stamp: at < now.toISOString() ? at : now.toISOString(),
        }),
      );
    }
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return renderCalendar({
    prodId: '-//Relais//Tete-a-tete//FR',
    name: translate(locale, 'calendar.name'),
    events,
  });
}
