import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Every mail is kept in the outbox (admins read it in the app); with SMTP_URL it is also delivered,
 * and the outbox records when or why not.
 */
export function createMailer(db: Kysely<DB>, opts: { smtpUrl: string | null; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async send(mail) {
      const id = crypto.randomUUID();
      await db
        .insertInto('outbox')
        .values({
          id,
          org_id: mail.orgId,
          to_address: mail.to,
          subject: mail.subject,
          // With SMTP the body (which may hold a sign-in link) is delivered, not kept.
          body_text: transport ? '' : mail.text,
          created_at: nowIso(),
          sent_at: null,
          error: null,
        })
        .execute();
      if (!transport) return;
      try {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
        await db.updateTable('outbox').set({ sent_at: nowIso() }).where('id', '=', id).execute();
      } catch (e) {
        await db
          .updateTable('outbox')
          .set({ error: (e as Error).message.slice(0, 500) })
          .where('id', '=', id)
          .execute();
      }
    },
  };
}

export async function listOutbox(db: Kysely<DB>, orgId: string, limit: number, offset: number) {
  const base = db.selectFrom('outbox').where('org_id', '=', orgId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total.n) };
}
