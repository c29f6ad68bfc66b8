import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppDeps } from '../../http/types.ts';
import { notifyByMail } from '../notifications/inbox.ts';
import { fullName } from '../people/person.presenter.ts';
import { todayIso } from './card.service.ts';
import './delegation.table.ts';

const DAY = 86_400_000;
export const CHECKPOINT_REMINDER_INTERVAL_MS = 10 * 60_000;
export type CheckpointReminderDeps = Pick<AppDeps, 'database' | 'mailer' | 'config'>;

/** Claims one reminder: the primary key (checkpoint, person) lets exactly one insert succeed, on any instance. */
async function claim(db: Kysely<DB>, checkpointId: string, personId: string, now: Date) {
  const r = await db
    .insertInto('dl_reminder_sent')
    .values({ checkpoint_id: checkpointId, person_id: personId, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['checkpoint_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * One pass: checkpoints due today or tomorrow, without a status yet, on cards being worked on. Both the
 * delegator and the assignee get one in-app notice and one e-mail, once. Returns the reminders sent.
 */
export async function runCheckpointReminderPass(deps: CheckpointReminderDeps, now = new Date()) {
  const db = deps.database.db;
  const today = todayIso(now);
  const tomorrow = todayIso(new Date(now.getTime() + DAY));
  const due = await db
    .selectFrom('dl_checkpoint as k')
    .innerJoin('dl_card as c', 'c.id', 'k.card_id')
    .innerJoin('person as d', 'd.id', 'c.delegator_id')
    .innerJoin('person as a', 'a.id', 'c.assignee_id')
    .select([
      'k.id',
      'k.due_on',
      'c.id as card_id',
      'c.org_id',
      'c.outcome',
      'c.delegator_id',
      'c.assignee_id',
      'd.first_name as d_first',
      'd.last_name as d_last',
      'd.status as d_status',
      'a.first_name as a_first',
      'a.last_name as a_last',
      'a.status as a_status',
    ])
    .where('k.due_on', '>=', today)
    .where('k.due_on', '<=', tomorrow)
    .where('k.posted_at', 'is', null)
    .where('c.status', 'in', ['accepted', 'in_progress'])
    .execute();
  let sent = 0;
  for (const k of due) {
    const people = [
      {
        id: k.delegator_id,
        status: k.d_status,
        other: fullName({ first_name: k.a_first, last_name: k.a_last }),
      },
      {
        id: k.assignee_id,
        status: k.a_status,
        other: fullName({ first_name: k.d_first, last_name: k.d_last }),
      },
    ];
    for (const p of people) {
      if (p.status !== 'active') continue;
      if (!(await claim(db, k.id, p.id, now))) continue;
      await notifyByMail(db, deps.mailer, deps.config.publicUrl, {
        orgId: k.org_id,
        personId: p.id,
        kind: 'delegation.checkpointDue',
        params: { name: p.other, outcome: k.outcome, date: k.due_on },
        link: `/delegation/cards/${k.card_id}`,
      });
      sent++;
    }
  }
  return sent;
}

/** Runs a pass every ten minutes (never two at once in this process); returns the function that stops it. */
export function startCheckpointReminders(
  deps: CheckpointReminderDeps,
  log: (err: Error) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runCheckpointReminderPass(deps);
    } catch (e) {
      log(e as Error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 7_000);
  const timer = setInterval(() => void tick(), CHECKPOINT_REMINDER_INTERVAL_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
