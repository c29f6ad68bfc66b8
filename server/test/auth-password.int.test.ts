import { sql } from 'kysely';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { PASSWORD, makeOrg, makePerson, type TestPerson } from './factories.ts';

const INVALID_CREDENTIALS = { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' };

/** The cookie header a browser would send back: every cookie set and not expired by this response. */
function cookiesOf(res: InjectResponse): string {
  return res.cookies
    .filter((c) => c.value !== '' && c.maxAge !== 0)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

function signIn(ctx: TestContext, email: string, password: string, client = '198.51.100.1') {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: client,
    headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': client },
    payload: { email, password },
  });
}

function post(ctx: TestContext, url: string, payload: object, cookie?: string) {
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload,
  });
}

function me(ctx: TestContext, cookie: string) {
  return ctx.app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {} });
}

async function login(ctx: TestContext, email: string, password = PASSWORD): Promise<string> {
  const res = await signIn(ctx, email, password);
  expect(res.statusCode, res.body).toBe(200);
  return cookiesOf(res);
}

async function countAuthUsers(ctx: TestContext, email: string): Promise<number> {
  const r = await sql<{
    n: number | string;
  }>`select count(*) as n from auth_user where email = ${email}`.execute(ctx.deps.database.db);
  return Number(r.rows[0]?.n);
}

describe.each(DIALECTS)('password accounts on %s', (dialect) => {
  let ctx: TestContext;
  let orgId: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    ({ orgId } = await makeOrg(ctx));
  });
  afterAll(() => ctx?.close());

  it('signs in with the right password and /api/me returns that person', async () => {
    const person = await makePerson(ctx, orgId, { firstName: 'Sylvie', lastName: 'Signin' });
    const res = await signIn(ctx, person.email, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ redirect: false, user: { email: person.email } });
    const meRes = await me(ctx, cookiesOf(res));
    expect(meRes.statusCode, meRes.body).toBe(200);
    expect(meRes.json()).toMatchObject({
      person: {
        id: person.id,
        email: person.email,
        firstName: 'Sylvie',
        lastName: 'Signin',
        status: 'active',
      },
      organisation: { id: orgId },
      twoFactorEnabled: false,
    });
  });

  it('session cookies are HttpOnly and SameSite=Lax', async () => {
    const person = await makePerson(ctx, orgId);
    const res = await signIn(ctx, person.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const token = res.cookies.find((c) => c.name === 'relais.session_token');
    expect(token).toBeDefined();
    expect(token).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    for (const c of res.cookies)
      expect({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }).toEqual({
        name: c.name,
        httpOnly: true,
        sameSite: 'Lax',
      });
  });

  it('a wrong password answers 401 and sets no session cookie', async () => {
    const person = await makePerson(ctx, orgId);
    const res = await signIn(ctx, person.email, 'not-the-password-at-all');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(INVALID_CREDENTIALS);
    expect(res.cookies.filter((c) => c.name.startsWith('relais.session'))).toEqual([]);
    expect((await me(ctx, cookiesOf(res))).statusCode).toBe(401);
  });

  it('an unknown e-mail answers exactly like a wrong password (no account enumeration)', async () => {
    const person = await makePerson(ctx, orgId);
    const wrong = await signIn(ctx, person.email, 'not-the-password-at-all');
    const unknown = await signIn(ctx, `nobody-${Date.now()}@example.com`, 'not-the-password-at-all');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.json()).toEqual(INVALID_CREDENTIALS);
    expect(unknown.cookies).toEqual([]);
  });

  it('a person invited but without an account cannot sign in', async () => {
    const invited = await makePerson(ctx, orgId, { account: false });
    const res = await signIn(ctx, invited.email, PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(INVALID_CREDENTIALS);
  });

  it('sign-out ends the session', async () => {
    const person = await makePerson(ctx, orgId);
    const cookie = await login(ctx, person.email);
    expect((await me(ctx, cookie)).statusCode).toBe(200);
    const out = await post(ctx, '/api/auth/sign-out', {}, cookie);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toEqual({ success: true });
    const cleared = out.cookies.find((c) => c.name === 'relais.session_token');
    expect(cleared?.maxAge).toBe(0);
    // Even a client that ignores the cleared cookie and replays the old one is refused.
    const after = await me(ctx, cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'unauthenticated' });
    expect((await me(ctx, cookiesOf(out))).statusCode).toBe(401);
  });

  it('signing out everywhere ends every session of that user at once', async () => {
    const person = await makePerson(ctx, orgId);
    const other = await makePerson(ctx, orgId);
    const laptop = await login(ctx, person.email);
    const phone = await login(ctx, person.email);
    const otherUser = await login(ctx, other.email);
    expect((await me(ctx, laptop)).statusCode).toBe(200);
    expect((await me(ctx, phone)).statusCode).toBe(200);

    const res = await post(ctx, '/api/auth/revoke-sessions', {}, laptop);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: true });

    expect((await me(ctx, laptop)).statusCode).toBe(401);
    expect((await me(ctx, phone)).statusCode).toBe(401);
    // Someone else's session is untouched.
    expect((await me(ctx, otherUser)).statusCode).toBe(200);
  });

  it('resets a forgotten password by e-mail: old password refused, new one works, other sessions ended', async () => {
    const person = await makePerson(ctx, orgId);
    const openSession = await login(ctx, person.email);
    const mailsBefore = ctx.mails.length;

    const req = await post(ctx, '/api/auth/request-password-reset', {
      email: person.email,
      redirectTo: `${ORIGIN}/reset-password`,
    });
    expect(req.statusCode, req.body).toBe(200);
    const sent = ctx.mails.slice(mailsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: person.email, orgId });
    const match = /\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\?callbackURL=/.exec(sent[0]!.text);
    expect(match, sent[0]!.text).not.toBeNull();
    const token = match![1]!;
    const outbox = await ctx.deps.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', person.email)
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.body_text).toContain(token);

    // The link in the mail checks the token and sends the browser to the app's form with it.
    const link = new URL(/https?:\/\/\S+/.exec(sent[0]!.text)![0]);
    expect(link.origin).toBe(ORIGIN);
    const follow = await ctx.app.inject({ method: 'GET', url: link.pathname + link.search });
    expect(follow.statusCode).toBe(302);
    expect(follow.headers.location).toBe(`${ORIGIN}/reset-password?token=${token}`);

    const tooShort = await post(ctx, '/api/auth/reset-password', { newPassword: 'short', token });
    expect(tooShort.statusCode).toBe(400);

    const newPassword = 'a-brand-new-passphrase';
    const reset = await post(ctx, '/api/auth/reset-password', { newPassword, token });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toEqual({ status: true });

    const oldTry = await signIn(ctx, person.email, PASSWORD);
    expect(oldTry.statusCode).toBe(401);
    expect(oldTry.json()).toEqual(INVALID_CREDENTIALS);
    const fresh = await login(ctx, person.email, newPassword);
    expect((await me(ctx, fresh)).statusCode).toBe(200);
    // The session opened before the reset (possibly by whoever knew the old password) is over.
    expect((await me(ctx, openSession)).statusCode).toBe(401);

    // The token works once.
    const again = await post(ctx, '/api/auth/reset-password', {
      newPassword: 'yet-another-passphrase',
      token,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ code: 'INVALID_TOKEN', message: 'Invalid token' });
    expect((await signIn(ctx, person.email, 'yet-another-passphrase')).statusCode).toBe(401);
  });

  it('a reset request for an unknown address answers the same and sends nothing', async () => {
    const person = await makePerson(ctx, orgId);
    const known = await post(ctx, '/api/auth/request-password-reset', {
      email: person.email,
      redirectTo: `${ORIGIN}/reset-password`,
    });
    const mailsBefore = ctx.mails.length;
    const unknown = await post(ctx, '/api/auth/request-password-reset', {
      email: `nobody-${Date.now()}@example.com`,
      redirectTo: `${ORIGIN}/reset-password`,
    });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    expect(ctx.mails.length).toBe(mailsBefore);
  });

  it('public sign-up is refused, even for someone in the directory', async () => {
    const invited: TestPerson = await makePerson(ctx, orgId, { account: false });
    for (const email of [invited.email, `stranger-${Date.now()}@example.com`]) {
      const res = await post(ctx, '/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Someone' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'EMAIL_PASSWORD_SIGN_UP_DISABLED',
        message: 'Email and password sign up is not enabled',
      });
      expect(res.cookies).toEqual([]);
      expect(await countAuthUsers(ctx, email)).toBe(0);
    }
  });
});

describe.each(DIALECTS)('sign-in rate limit on %s', (dialect) => {
  let ctx: TestContext;
  let person: TestPerson;

  beforeAll(async () => {
    ctx = await createTestApp(dialect, { SIGN_IN_LIMIT_PER_MINUTE: '3' });
    const { orgId } = await makeOrg(ctx);
    person = await makePerson(ctx, orgId);
  });
  afterAll(() => ctx?.close());

  it('the 4th attempt within a minute from one client answers 429, even with the right password', async () => {
    const client = '203.0.113.7';
    for (let i = 0; i < 3; i++)
      expect((await signIn(ctx, person.email, `wrong-password-${i}`, client)).statusCode).toBe(401);
    const blocked = await signIn(ctx, person.email, PASSWORD, client);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ message: 'Too many requests. Please try again later.' });
    expect(Number(blocked.headers['x-retry-after'])).toBeGreaterThan(0);
    expect(blocked.cookies).toEqual([]);
    // Another client is counted on its own.
    expect((await signIn(ctx, person.email, PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });
});
