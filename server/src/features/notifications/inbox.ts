import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../../../core/api/common.schemas.ts';
import type { NotificationItem } from '../../../../core/api/delegation.schemas.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { translate } from '../../http/messages.ts';
import type { Actor } from '../../http/policy.ts';
import type { Mailer } from '../mail/mail.service.ts';
import '../delegation/delegation.table.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type NotificationParams = Record<string, string | number>;

export interface Notice {
  orgId: string;
  personId: string;
  kind: string;
  params: NotificationParams;
  link: string;
}

/** In-app notices: one row per recipient, read by them only. */
export async function notify(db: Q, notices: readonly Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('notification')
    .values(
      notices.map((n) => ({
        id: crypto.randomUUID(),
        org_id: n.orgId,
        person_id: n.personId,
        kind: n.kind,
        params: JSON.stringify(n.params),
        link: n.link,
        created_at: now,
        read_at: null,
      })),
    )
    .execute();
}

/** A notice that also goes out by e-mail (urgent ones: alerts). Text from the catalogue's `mail.<kind>`. */
export async function notifyByMail(
  db: Kysely<DB>,
  mailer: Mailer,
  publicUrl: string,
  notice: Notice,
): Promise<void> {
  await notify(db, [notice]);
  const person = await db
    .selectFrom('person')
    .select(['email', 'first_name', 'locale', 'status'])
    .where('id', '=', notice.personId)
    .executeTakeFirst();
  if (!person || person.status === 'inactive') return;
  const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
  const params = { ...notice.params, firstName: person.first_name, url: `${publicUrl}${notice.link}` };
  await mailer.send({
    orgId: notice.orgId,
    to: person.email,
    subject: translate(locale, `mail.${notice.kind}.subject`, params),
    text: translate(locale, `mail.${notice.kind}.body`, params),
  });
}

const PAGE = 50;

export async function listNotifications(db: Kysely<DB>, actor: Actor) {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('notification')
      .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .where('person_id', '=', actor.personId)
      .orderBy('created_at', 'desc')
      .limit(PAGE)
      .execute(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', actor.personId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const items: NotificationItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    params: JSON.parse(r.params) as NotificationParams,
    link: r.link,
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read_at !== null,
  }));
  return { items, unread: Number(unread.n) };
}

export async function markRead(db: Kysely<DB>, actor: Actor, ids: readonly string[] | undefined) {
  let q = db
    .updateTable('notification')
    .set({ read_at: nowIso() })
    .where('person_id', '=', actor.personId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return listNotifications(db, actor);
    q = q.where('id', 'in', ids);
  }
  await q.execute();
  return listNotifications(db, actor);
}
