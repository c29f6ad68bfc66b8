import { ensureOccurrences } from '../one-on-ones/series.service.ts';
import type { Kysely } from 'kysely';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import type { DB } from '../../db/schema.ts';
import { translate } from '../../http/messages.ts';
import type { AppDeps } from '../../http/types.ts';
import type { Mailer } from '../mail/mail.service.ts';
import './notifications.table.ts';

const HOUR = 3_600_000;
/** Reminders go out once a meeting is less than a day away. */
export const REMINDER_LEAD_MS = 24 * HOUR;
export const REMINDER_INTERVAL_MS = 60_000;

export type ReminderDeps = Pick<AppDeps, 'database' | 'mailer' | 'config'>;

/** Upcoming occurrences (planned, active series) starting within (now, now + 24 h], with both participants. */
function dueMeetings(db: Kysely<DB>, now: Date) {
  return db
    .selectFrom('oo_meeting as mt')
    .innerJoin('oo_series as s', 's.id', 'mt.series_id')
    .innerJoin('person as m', 'm.id', 's.manager_id')
    .innerJoin('person as r', 'r.id', 's.report_id')
    .select([
      'mt.id',
      'mt.org_id',
      'mt.scheduled_at',
      's.time_zone',
      's.location',
      's.video_url',
      'm.id as m_id',
      'm.email as m_email',
      'm.first_name as m_first',
      'm.last_name as m_last',
      'm.locale as m_locale',
      'm.status as m_status',
      'r.id as r_id',
      'r.email as r_email',
      'r.first_name as r_first',
      'r.last_name as r_last',
      'r.locale as r_locale',
      'r.status as r_status',
    ])
    .where('mt.scheduled_at', '>', now.toISOString())
    .where('mt.scheduled_at', '<=', new Date(now.getTime() + REMINDER_LEAD_MS).toISOString())
    .where('mt.status', '=', 'planned')
    .where('s.active', '=', 1)
    .execute();
}

/**
 * Claims one reminder: the primary key (meeting, person, kind) lets exactly one insert succeed, whichever
 * instance or pass tries. The kind carries the scheduled time, so a moved meeting is reminded again.
 */
async function claim(db: Kysely<DB>, meetingId: string, personId: string, kind: string, now: Date) {
  const r = await db
    .insertInto('reminder_sent')
    .values({ meeting_id: meetingId, person_id: personId, kind, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['meeting_id', 'person_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function reminderMail(p: {
  locale: Locale;
  firstName: string;
  otherName: string;
  scheduledAt: string;
  timeZone: string;
  place: string;
  url: string;
}) {
  const when = new Intl.DateTimeFormat(p.locale === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: p.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(p.scheduledAt));
  return {
    subject: translate(p.locale, 'mail.oneOnOneReminder.subject', { name: p.otherName, when }),
    text: translate(p.locale, 'mail.oneOnOneReminder.body', {
      firstName: p.firstName,
      name: p.otherName,
      when,
      timeZone: p.timeZone,
      place: p.place ? translate(p.locale, 'mail.oneOnOneReminder.place', { place: p.place }) : '',
      url: p.url,
    }),
  };
}

/** One pass: every participant of a meeting less than a day away gets one mail, once. Returns the mails sent. */
export async function runReminderPass(deps: ReminderDeps, now = new Date()): Promise<number> {
  const db = deps.database.db;
  let sent = 0;
  for (const m of await dueMeetings(db, now)) {
    const scheduledAt = new Date(m.scheduled_at).toISOString();
    const kind = `day_before:${scheduledAt}`;
    const people = [
      {
        id: m.m_id,
        email: m.m_email,
        first: m.m_first,
        locale: m.m_locale,
        status: m.m_status,
        other: `${m.r_first} ${m.r_last}`,
      },
      {
        id: m.r_id,
        email: m.r_email,
        first: m.r_first,
        locale: m.r_locale,
        status: m.r_status,
        other: `${m.m_first} ${m.m_last}`,
      },
    ];
    for (const p of people) {
      // People who never joined (pending invitation) cannot open the link.
      if (p.status !== 'active') continue;
      if (!(await claim(db, m.id, p.id, kind, now))) continue;
      const mail = reminderMail({
        locale: p.locale === 'en' ? 'en' : 'fr',
        firstName: p.first,
        otherName: p.other,
        scheduledAt,
        timeZone: m.time_zone,
        place: m.location || m.video_url,
        url: `${deps.config.publicUrl}/one-on-ones/meetings/${m.id}`,
      });
      await sendMail(deps.mailer, { orgId: m.org_id, to: p.email, ...mail });
      sent++;
    }
  }
  return sent;
}

const sendMail = (mailer: Mailer, mail: Parameters<Mailer['send']>[0]) => mailer.send(mail);

/** Materialises the next occurrences of every active series, so reminders never run out of meetings. */
export async function topUpOccurrences(db: ReminderDeps['database']['db']): Promise<void> {
  const series = await db
    .selectFrom('oo_series')
    .select(['id', 'org_id', 'first_at', 'time_zone', 'cadence_weeks', 'active'])
    .where('active', '=', 1)
    .execute();
  for (let i = 0; i < series.length; i += 200) await ensureOccurrences(db, series.slice(i, i + 200));
}

/** Runs a pass every minute (never two at once in this process); returns the function that stops it. */
export function startReminders(deps: ReminderDeps, log: (err: Error) => void): () => void {
  let running = false;
  let ticks = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Once an hour, keep future occurrences materialised even for series nobody opened lately.
      if (ticks++ % 60 === 0) await topUpOccurrences(deps.database.db);
      await runReminderPass(deps);
    } catch (e) {
      log(e as Error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), REMINDER_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
