import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { translate } from '../../http/messages.ts';
import type { AppDeps } from '../../http/types.ts';
import { hourIn, OKR_TIME_ZONE, todayIn, weekdayOf } from './period.ts';
import './okr.table.ts';

/** Review-day mails go out from this local hour on (nobody wants one at midnight). */
export const REVIEW_MAIL_HOUR = 8;
export const OKR_REMINDER_INTERVAL_MS = 60_000;

export type OkrReminderDeps = Pick<AppDeps, 'database' | 'mailer' | 'config'>;

/** Active objectives whose review day is today and whose week has no review yet. */
function dueObjectives(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('okr_objective as o')
    .select(['o.id', 'o.org_id', 'o.title', 'o.team_manager_id'])
    .where('o.status', '=', 'active')
    .where('o.period_end', '>=', today)
    .where('o.period_start', '<=', today)
    .where('o.review_weekday', '=', weekdayOf(today))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('okr_review as r')
            .select('r.objective_id')
            .whereRef('r.objective_id', '=', 'o.id')
            .where('r.week_start', '=', today),
        ),
      ),
    )
    .execute();
}

/** The claim: the primary key (objective, week, person) lets exactly one instance's insert succeed. */
async function claim(db: Kysely<DB>, objectiveId: string, week: string, personId: string, now: Date) {
  const r = await db
    .insertInto('okr_reminder_sent')
    .values({ objective_id: objectiveId, week_start: week, person_id: personId, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['objective_id', 'week_start', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * One pass: on review day, every active member of a team whose weekly review is not written yet gets one
 * mail, once, whichever instance runs the pass. Returns the mails sent.
 */
export async function runOkrReminderPass(deps: OkrReminderDeps, now = new Date()): Promise<number> {
  if (hourIn(OKR_TIME_ZONE, now) < REVIEW_MAIL_HOUR) return 0;
  const db = deps.database.db;
  const today = todayIn(OKR_TIME_ZONE, now);
  let sent = 0;
  for (const o of await dueObjectives(db, today)) {
    const team = await db
      .selectFrom('person')
      .select(['id', 'email', 'first_name', 'last_name', 'locale', 'status', 'manager_id'])
      .where('org_id', '=', o.org_id)
      .where((eb) => eb.or([eb('id', '=', o.team_manager_id), eb('manager_id', '=', o.team_manager_id)]))
      .execute();
    const manager = team.find((p) => p.id === o.team_manager_id);
    if (!manager) continue;
    for (const p of team) {
      // People who never joined (pending invitation) cannot open the link.
      if (p.status !== 'active') continue;
      if (!(await claim(db, o.id, today, p.id, now))) continue;
      const locale = p.locale === 'en' ? 'en' : 'fr';
      await deps.mailer.send({
        orgId: o.org_id,
        to: p.email,
        subject: translate(locale, 'mail.okrReview.subject', { title: o.title }),
        text: translate(locale, 'mail.okrReview.body', {
          firstName: p.first_name,
          manager: `${manager.first_name} ${manager.last_name}`,
          title: o.title,
          url: `${deps.config.publicUrl}/okr/objectives/${o.id}/review`,
        }),
      });
      sent++;
    }
  }
  return sent;
}

/** Runs a pass every minute (never two at once in this process); returns the function that stops it. */
export function startOkrReminders(deps: OkrReminderDeps, log: (err: Error) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runOkrReminderPass(deps);
    } catch (e) {
      log(e as Error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 7_000);
  const timer = setInterval(() => void tick(), OKR_REMINDER_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
