import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';
import { closedPort, startSmtpServer, type TestSmtpServer } from './smtp-server.ts';

const NEW_PASSWORD = 'my-own-invited-passphrase';

function cookiesOf(res: InjectResponse): string {
  return res.cookies
    .filter((c) => c.value !== '' && c.maxAge !== 0)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

function invite(ctx: TestContext, adminCookie: string, personId: string) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/people/${personId}/invitation`,
    headers: { origin: ORIGIN, cookie: adminCookie },
    payload: {},
  });
}

function outboxRows(ctx: TestContext, to: string) {
  return ctx.deps.database.db.selectFrom('outbox').selectAll().where('to_address', '=', to).execute();
}

describe.each(DIALECTS)('invitations over real SMTP on %s', (dialect) => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let orgId: string;
  let adminCookie: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ctx = await createTestApp(dialect, { SMTP_URL: smtp.url, MAIL_FROM: 'Relais <relais@example.com>' });
    const org = await makeOrg(ctx, 'Boulangerie Dupain');
    orgId = org.orgId;
    adminCookie = await loginAs(ctx, org.admin.email);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.stop();
  });

  /** Invites the person and returns the token read from the mail the SMTP server received. */
  async function inviteAndReadToken(person: TestPerson): Promise<string> {
    const res = await invite(ctx, adminCookie, person.id);
    expect(res.statusCode, res.body).toBe(200);
    const toThem = smtp.received.filter((m) => m.to.includes(person.email));
    expect(toThem).toHaveLength(1);
    const match = new RegExp(`${ORIGIN}/invitation/([A-Za-z0-9_-]{20,})`).exec(toThem[0]!.text);
    expect(match, toThem[0]!.text).not.toBeNull();
    return match![1]!;
  }

  it('delivers exactly one invitation mail, keeps no body in the outbox, and the link opens an account', async () => {
    const person = await makePerson(ctx, orgId, { account: false, firstName: 'Inès', lastName: 'Invitée' });
    const before = smtp.received.length;
    const res = await invite(ctx, adminCookie, person.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, expiresAt: expect.any(String) });

    expect(smtp.received.length - before).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual([person.email]);
    expect(mail.from).toBe('relais@example.com');
    expect(mail.raw).toMatch(/^Subject: /m);
    const token = new RegExp(`${ORIGIN}/invitation/([A-Za-z0-9_-]{20,})`).exec(mail.text)?.[1];
    expect(token, mail.text).toBeDefined();
    expect(mail.text).toContain(`/invitation/${token}`);
    expect(mail.text).toContain('Inès');

    const rows = await outboxRows(ctx, person.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ org_id: orgId, body_text: '', error: null });
    expect(rows[0]!.sent_at).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(rows[0]!.subject).not.toBe('');

    const info = await ctx.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({
      email: person.email,
      firstName: 'Inès',
      lastName: 'Invitée',
      organisation: 'Boulangerie Dupain',
      locale: 'fr',
    });

    const accept = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { origin: ORIGIN },
      payload: { password: NEW_PASSWORD },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json()).toEqual({ ok: true });
    const session = accept.cookies.find((c) => c.name === 'relais.session_token');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookiesOf(accept) },
    });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ person: { id: person.id, email: person.email, status: 'active' } });

    // The password chosen on the invitation page is the account's password.
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ORIGIN },
      payload: { email: person.email, password: NEW_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);

    // A used link is dead, both to read and to accept.
    const reuse = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { origin: ORIGIN },
      payload: { password: 'someone-elses-passphrase' },
    });
    expect(reuse.statusCode).toBe(404);
    expect(reuse.json()).toMatchObject({ error: 'invitation_invalid' });
    expect(reuse.cookies).toEqual([]);
    const reread = await ctx.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(reread.statusCode).toBe(404);
    expect(reread.json()).toMatchObject({ error: 'invitation_invalid' });
  });

  it('an expired invitation link answers 404 and opens nothing', async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    const token = await inviteAndReadToken(person);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const updated = await ctx.deps.database.db
      .updateTable('invitation')
      .set({ expires_at: yesterday })
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);

    const info = await ctx.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(info.statusCode).toBe(404);
    expect(info.json()).toMatchObject({ error: 'invitation_invalid' });
    const accept = await ctx.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { origin: ORIGIN },
      payload: { password: NEW_PASSWORD },
    });
    expect(accept.statusCode).toBe(404);
    expect(accept.json()).toMatchObject({ error: 'invitation_invalid' });
    expect(accept.cookies).toEqual([]);
    const row = await ctx.deps.database.db
      .selectFrom('person')
      .select(['status', 'user_id'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'invited', user_id: null });
  });

  it('a new invitation replaces the pending one: the older link stops working', async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    const first = await inviteAndReadToken(person);
    const res = await invite(ctx, adminCookie, person.id);
    expect(res.statusCode).toBe(200);
    const mails = smtp.received.filter((m) => m.to.includes(person.email));
    expect(mails).toHaveLength(2);
    const second = new RegExp(`/invitation/([A-Za-z0-9_-]{20,})`).exec(mails[1]!.text)![1]!;
    expect(second).not.toBe(first);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/invitations/${first}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/invitations/${second}` })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('invitations when the SMTP server refuses on %s', (dialect) => {
  let ctx: TestContext;
  let orgId: string;
  let adminCookie: string;
  let port: number;

  beforeAll(async () => {
    port = await closedPort();
    ctx = await createTestApp(dialect, { SMTP_URL: `smtp://127.0.0.1:${port}` });
    const org = await makeOrg(ctx);
    orgId = org.orgId;
    adminCookie = await loginAs(ctx, org.admin.email);
  });
  afterAll(() => ctx?.close());

  it('still answers 200 and records the failure in the outbox', async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    const res = await invite(ctx, adminCookie, person.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, expiresAt: expect.any(String) });
    const rows = await outboxRows(ctx, person.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sent_at: null, body_text: '' });
    expect(rows[0]!.error).toContain('ECONNREFUSED');
    // The admin sees it in the outbox list.
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/outbox',
      headers: { cookie: adminCookie },
    });
    expect(list.statusCode).toBe(200);
    const item = (
      list.json() as { items: { to: string; sentAt: string | null; error: string | null }[] }
    ).items.find((i) => i.to === person.email);
    expect(item).toMatchObject({ sentAt: null, error: expect.stringContaining('ECONNREFUSED') });
  });
});
