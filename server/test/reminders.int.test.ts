import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../src/services.ts';
import type { AppDeps } from '../src/http/types.ts';
import type { Mailer, OutgoingMail } from '../src/features/mail/mail.service.ts';
import { runReminderPass, topUpOccurrences } from '../src/features/notifications/reminders.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';
import { createSeriesVia, hoursFromNow } from './one-on-ones-helpers.ts';

describe.each(DIALECTS)('one-to-one reminders on %s', (dialect) => {
  let a: TestContext;
  /** A second instance on the same database: its own connection(s), its own mailer. */
  let b: AppDeps;
  const bMails: OutgoingMail[] = [];
  let manager: TestPerson;
  let report: TestPerson;
  let later: TestPerson;
  let cancelled: TestPerson;
  let meetingId: string;
  let firstAt: string;

  beforeAll(async () => {
    a = await createTestApp(dialect);
    b = await startServices(a.deps.config, {
      wrapMailer: (real): Mailer => ({
        async send(mail) {
          bMails.push(mail);
          await real.send(mail);
        },
      }),
    });
    const { orgId } = await makeOrg(a);
    manager = await makePerson(a, orgId, { firstName: 'Hugo', lastName: 'Lefèvre' });
    report = await makePerson(a, orgId, { firstName: 'Rémi', lastName: 'Rapport', managerId: manager.id });
    later = await makePerson(a, orgId, { firstName: 'Léa', lastName: 'Plustard', managerId: manager.id });
    cancelled = await makePerson(a, orgId, { firstName: 'Cyril', lastName: 'Annule', managerId: manager.id });
    await a.deps.database.db
      .updateTable('person')
      .set({ locale: 'en' })
      .where('id', '=', report.id)
      .execute();
    const cookie = await loginAs(a, manager.email);
    firstAt = hoursFromNow(5);
    meetingId = (
      await createSeriesVia(a, cookie, { withPersonId: report.id, firstAt, location: 'Salle Erdre' })
    ).nextMeetingId;
    // Two days away: not yet.
    await createSeriesVia(a, cookie, { withPersonId: later.id, firstAt: hoursFromNow(49) });
    // Tomorrow but cancelled: no reminder.
    const c = await createSeriesVia(a, cookie, { withPersonId: cancelled.id, firstAt: hoursFromNow(6) });
    const res = await a.app.inject({
      method: 'POST',
      url: `/api/one-on-ones/meetings/${c.nextMeetingId}/cancel`,
      headers: { origin: ORIGIN, cookie },
      payload: { reason: 'Congés' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await b?.database.close();
    await a?.close();
  });

  it('sends exactly one mail per participant when two instances run the pass at the same time', async () => {
    const before = a.mails.length;
    const now = new Date();
    const [sentA, sentB] = await Promise.all([runReminderPass(a.deps, now), runReminderPass(b, now)]);
    expect(sentA + sentB).toBe(2);
    const mails = [...a.mails.slice(before), ...bMails];
    expect(mails.map((m) => m.to).sort()).toEqual([manager.email, report.email].sort());
    const link = `${ORIGIN}/one-on-ones/meetings/${meetingId}`;
    const toManager = mails.find((m) => m.to === manager.email)!;
    const toReport = mails.find((m) => m.to === report.email)!;
    expect(toManager.subject).toMatch(/^Tête-à-tête avec Rémi Rapport : /);
    expect(toManager.text).toContain('Bonjour Hugo,');
    expect(toManager.text).toContain(`(Europe/Paris), Salle Erdre.`);
    expect(toManager.text).toContain(link);
    expect(toReport.subject).toMatch(/^One-to-one with Hugo Lefèvre: /);
    expect(toReport.text).toContain('Hello Rémi,');
    expect(toReport.text).toContain(link);
    const when = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(firstAt));
    expect(toReport.subject).toBe(`One-to-one with Hugo Lefèvre: ${when}`);

    // The claims are in the database: later passes, on either instance, send nothing more.
    const again = await Promise.all([runReminderPass(a.deps, new Date()), runReminderPass(b, new Date())]);
    expect(again).toEqual([0, 0]);
    const claims = await a.deps.database.db
      .selectFrom('reminder_sent')
      .select(['meeting_id', 'person_id'])
      .execute();
    expect(claims.map((c) => `${c.meeting_id}:${c.person_id}`).sort()).toEqual(
      [`${meetingId}:${manager.id}`, `${meetingId}:${report.id}`].sort(),
    );
  });

  it('reminds the two-days-away meeting only once it is less than a day away', async () => {
    const inADay = new Date(Date.now() + 26 * 3_600_000);
    const before = a.mails.length;
    const beforeB = bMails.length;
    const [x, y] = await Promise.all([runReminderPass(a.deps, inADay), runReminderPass(b, inADay)]);
    expect(x + y).toBe(2);
    const mails = [...a.mails.slice(before), ...bMails.slice(beforeB)];
    expect(mails.map((m) => m.to).sort()).toEqual([manager.email, later.email].sort());
    expect(mails.some((m) => m.to === cancelled.email)).toBe(false);
  });

  it('the hourly top-up keeps at least eight future meetings for a series nobody opens', async () => {
    const db = a.deps.database.db;
    const series = await db
      .selectFrom('oo_series')
      .select('id')
      .where('report_id', '=', later.id)
      .executeTakeFirstOrThrow();
    const future = () =>
      db
        .selectFrom('oo_meeting')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('series_id', '=', series.id)
        .where('planned_at', '>', new Date().toISOString())
        .executeTakeFirstOrThrow();
    const keep = await db
      .selectFrom('oo_meeting')
      .select('id')
      .where('series_id', '=', series.id)
      .orderBy('planned_at')
      .limit(1)
      .execute();
    await db
      .deleteFrom('oo_meeting')
      .where('series_id', '=', series.id)
      .where(
        'id',
        'not in',
        keep.map((k) => k.id),
      )
      .execute();
    expect(Number((await future()).n)).toBe(1);
    await topUpOccurrences(db);
    expect(Number((await future()).n)).toBeGreaterThanOrEqual(8);
  });
});
