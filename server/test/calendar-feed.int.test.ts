import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';
import { createSeriesVia, hoursFromNow } from './one-on-ones-helpers.ts';

const WEEK = 7 * 86_400_000;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  status: string;
  url: string;
  description: string;
  location: string;
}

function parseFeed(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: String(c.getFirstPropertyValue('status')),
      url: String(c.getFirstPropertyValue('url')),
      description: e.description,
      location: e.location,
    };
  });
}

/** Local wall-clock date and time in Paris, the series' time zone. */
const paris = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
const parisTime = (iso: string) => paris(iso).slice(-5);
const parisDay = (iso: string) => {
  const [d, m, y] = paris(iso).slice(0, 10).split('/').map(Number);
  return Date.UTC(y!, m! - 1, d!);
};

describe.each(DIALECTS)('personal calendar feed on %s', (dialect) => {
  let ctx: TestContext;
  let manager: TestPerson;
  let report: TestPerson;
  let managerCookie: string;
  let reportCookie: string;
  let series: { id: string; nextMeetingId: string };
  const firstAt = hoursFromNow(50);

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const { orgId } = await makeOrg(ctx);
    manager = await makePerson(ctx, orgId, { firstName: 'Hugo', lastName: 'Lefèvre' });
    report = await makePerson(ctx, orgId, { firstName: 'Rémi', lastName: 'Rapport', managerId: manager.id });
    await ctx.deps.database.db
      .updateTable('person')
      .set({ locale: 'en' })
      .where('id', '=', report.id)
      .execute();
    managerCookie = await loginAs(ctx, manager.email);
    reportCookie = await loginAs(ctx, report.email);
    series = await createSeriesVia(ctx, managerCookie, {
      withPersonId: report.id,
      firstAt,
      durationMinutes: 45,
      location: 'Salle Loire, 2e étage',
    });
  });
  afterAll(() => ctx?.close());

  const createFeed = async (cookie: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/calendar-feed',
      headers: { origin: ORIGIN, cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { url } = res.json() as { url: string };
    expect(url).toMatch(new RegExp(`^${ORIGIN}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    return new URL(url).pathname;
  };
  const getFeed = (path: string) => ctx.app.inject({ method: 'GET', url: path });

  it('lists the next 26 weeks of the series in the person’s language, parsed by ical.js', async () => {
    const path = await createFeed(reportCookie);
    const res = await getFeed(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = parseFeed(res.body);
    // Weekly from the first occurrence, while it starts before now + 26 weeks.
    const horizon = Date.now() + 26 * WEEK;
    const expectedCount = Math.floor((horizon - Date.parse(firstAt)) / WEEK) + 1;
    expect(events.length).toBe(expectedCount);
    expect(events[0]!.start).toBe(firstAt);
    expect(events[0]!.end).toBe(new Date(Date.parse(firstAt) + 45 * 60_000).toISOString());
    events.forEach((e, i) => {
      expect(e.summary).toBe('One-to-one with Hugo Lefèvre');
      expect(e.location).toBe('Salle Loire, 2e étage');
      expect(e.status).toBe('CONFIRMED');
      // Same wall-clock time in Paris every week, seven days apart, 45 minutes long.
      expect(parisTime(e.start)).toBe(parisTime(firstAt));
      expect(parisDay(e.start) - parisDay(firstAt)).toBe(i * 7 * 86_400_000);
      expect(Date.parse(e.end) - Date.parse(e.start)).toBe(45 * 60_000);
      expect(Date.parse(e.start)).toBeLessThan(horizon);
    });
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const link = `${ORIGIN}/one-on-ones/meetings/${series.nextMeetingId}`;
    expect(events[0]!.url).toBe(link);
    expect(events[0]!.description).toBe(`Prepare the agenda together: ${link}`);
    // Beyond the materialised occurrences, the link opens the series.
    expect(events.at(-1)!.url).toBe(`${ORIGIN}/one-on-ones/series/${series.id}`);
  });

  it('shows a moved occurrence at its new time with the same UID, and a cancelled one as CANCELLED (French)', async () => {
    const path = await createFeed(managerCookie);
    const before = parseFeed((await getFeed(path)).body);
    const detail = await ctx.app.inject({
      method: 'GET',
      url: `/api/one-on-ones/series/${series.id}`,
      headers: { cookie: managerCookie },
    });
    const upcoming = (
      detail.json() as { meetings: { id: string; plannedAt: string; status: string }[] }
    ).meetings
      .filter((m) => m.status === 'planned')
      .sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
    const [first, second] = upcoming;
    const movedTo = new Date(Date.parse(first!.plannedAt) + 26 * 3_600_000).toISOString();
    const move = await ctx.app.inject({
      method: 'POST',
      url: `/api/one-on-ones/meetings/${first!.id}/move`,
      headers: { origin: ORIGIN, cookie: managerCookie },
      payload: { scheduledAt: movedTo, reason: 'Rendez-vous client' },
    });
    expect(move.statusCode, move.body).toBe(200);
    const cancel = await ctx.app.inject({
      method: 'POST',
      url: `/api/one-on-ones/meetings/${second!.id}/cancel`,
      headers: { origin: ORIGIN, cookie: managerCookie },
      payload: { reason: 'Congés' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);

    const after = parseFeed((await getFeed(path)).body);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after[0]!.summary).toBe('Tête-à-tête avec Rémi Rapport');
    expect(after[0]!.start).toBe(movedTo);
    expect(after[0]!.status).toBe('CONFIRMED');
    expect(after[1]!.start).toBe(second!.plannedAt);
    expect(after[1]!.status).toBe('CANCELLED');
    expect(after[1]!.description).toBe(
      `Annulé : Congés\nPréparer l'ordre du jour ensemble : ${ORIGIN}/one-on-ones/meetings/${second!.id}`,
    );
    expect(after.slice(2).every((e) => e.status === 'CONFIRMED')).toBe(true);
  });

  it('regenerating replaces the URL, revoking makes it 404, and unknown tokens are 404', async () => {
    const old = await createFeed(reportCookie);
    const fresh = await createFeed(reportCookie);
    expect(fresh).not.toBe(old);
    expect((await getFeed(old)).statusCode).toBe(404);
    expect((await getFeed(fresh)).statusCode).toBe(200);
    const revoke = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/me/calendar-feed',
      headers: { origin: ORIGIN, cookie: reportCookie },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toEqual({ ok: true });
    expect((await getFeed(fresh)).statusCode).toBe(404);
    expect((await getFeed('/api/calendar/not-a-token.ics')).statusCode).toBe(404);
    // Only the hash is stored.
    const rows = await ctx.deps.database.db.selectFrom('calendar_feed').select('token_hash').execute();
    for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/calendar-feed',
      headers: { origin: ORIGIN },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
