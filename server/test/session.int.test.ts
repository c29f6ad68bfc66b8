import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson } from './factories.ts';

/** The auth hook reads sessions itself on the common path: these cases must behave exactly as better-auth would. */
describe.each(DIALECTS)('session checks on %s', (dialect) => {
  let ctx: TestContext;
  let email: string;
  const me = (cookie: string) => ctx.app.inject({ url: '/api/me', headers: { cookie } });
  const tokenOf = (cookie: string) =>
    decodeURIComponent(/relais\.session_token=([^;]+)/.exec(cookie)![1]!).split('.')[0]!;
  const setExpiry = (token: string, at: Date) =>
    sql`update auth_session set "expiresAt" = ${dialect === 'postgres' ? at : at.toISOString()} where token = ${token}`.execute(
      ctx.deps.database.db,
    );
  const expiryOf = async (token: string) =>
    new Date(
      (
        await sql<{ expiresAt: string }>`select "expiresAt" from auth_session where token = ${token}`.execute(
          ctx.deps.database.db,
        )
      ).rows[0]!.expiresAt,
    ).getTime();

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    email = (await makeOrg(ctx)).admin.email;
  });
  afterAll(() => ctx?.close());

  it('a valid cookie is accepted; a forged or altered one is refused', async () => {
    const cookie = await loginAs(ctx, email);
    expect((await me(cookie)).statusCode).toBe(200);
    const token = tokenOf(cookie);
    const forged = `relais.session_token=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    expect((await me(forged)).statusCode).toBe(401);
    const unsigned = `relais.session_token=${token}`;
    expect((await me(unsigned)).statusCode).toBe(401);
    expect((await me('relais.session_token=%E0%A4%A')).statusCode).toBe(401);
  });

  it('signing out ends the session at once, even right after the session was used', async () => {
    const cookie = await loginAs(ctx, email);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: ORIGIN },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const cookie = await loginAs(ctx, email);
    await setExpiry(tokenOf(cookie), new Date(Date.now() - 1000));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a session due for its daily refresh still works and is extended by better-auth', async () => {
    const cookie = await loginAs(ctx, email);
    const token = tokenOf(cookie);
    const soon = new Date(Date.now() + 10 * 86_400_000);
    await setExpiry(token, soon);
    expect((await me(cookie)).statusCode).toBe(200);
    expect(await expiryOf(token)).toBeGreaterThan(soon.getTime() + 3 * 86_400_000);
  });

  it('a change of role or language reaches the very next request; an edit of other profile fields keeps the remembered session', async () => {
    const { orgId, admin } = await makeOrg(ctx);
    const member = await makePerson(ctx, orgId);
    const adminCookie = await loginAs(ctx, admin.email);
    const cookie = await loginAs(ctx, member.email);
    const patch = (c: string, url: string, payload: object) =>
      ctx.app.inject({ method: 'PATCH', url, headers: { cookie: c, origin: ORIGIN }, payload });
    const editMember = (payload: object) => patch(adminCookie, `/api/people/${member.id}`, payload);
    const renameOrg = async () =>
      (await patch(cookie, '/api/organisation', { name: `Org ${crypto.randomUUID()}` })).statusCode;

    expect(await renameOrg()).toBe(403);
    expect((await editMember({ isAdmin: true })).statusCode).toBe(200);
    expect(await renameOrg()).toBe(200);
    expect((await editMember({ isAdmin: false })).statusCode).toBe(200);
    expect(await renameOrg()).toBe(403);

    // The probe: a session expired behind the server's back is still honoured while it is remembered (a few
    // seconds), and refused as soon as it is looked up again.
    expect((await patch(cookie, `/api/people/${member.id}`, { jobTitle: 'Acheteuse' })).statusCode).toBe(200);
    await setExpiry(tokenOf(cookie), new Date(Date.now() - 1000));
    expect((await me(cookie)).statusCode).toBe(200);
    expect(
      (await editMember({ team: 'Achats', skills: [{ name: 'Négociation', level: 2 }] })).statusCode,
    ).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await editMember({ locale: 'en' })).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('an expired password-reset link is refused (expiry dates are compared as dates on both engines)', async () => {
    const post = (url: string, payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url,
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        payload,
      });
    await post('/api/auth/request-password-reset', { email, redirectTo: `${ORIGIN}/reset-password` });
    const token = /\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\?/.exec(ctx.mails.at(-1)!.text)![1]!;
    const past = new Date(Date.now() - 60_000);
    await sql`update auth_verification set "expiresAt" = ${dialect === 'postgres' ? past : past.toISOString()} where identifier like ${'%' + token}`.execute(
      ctx.deps.database.db,
    );
    const res = await post('/api/auth/reset-password', { newPassword: 'un-autre-mot-de-passe', token });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_TOKEN');
  });
});
