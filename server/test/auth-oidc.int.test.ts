import { sql } from 'kysely';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { PASSWORD, loginAs, makeOrg, makePerson } from './factories.ts';
import { BrowserAtProvider, startOidcProvider, type TestOidcProvider } from './oidc-provider.ts';

/** better-auth's generic OAuth providers use the core social routes: this is the redirect URI to register. */
const REDIRECT_URI = `${ORIGIN}/api/auth/callback/oidc`;

/** The browser's cookies for the app's origin. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: InjectResponse): this {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return this;
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function countAuthUsers(ctx: TestContext, email: string): Promise<number> {
  const r = await sql<{
    n: number | string;
  }>`select count(*) as n from auth_user where email = ${email}`.execute(ctx.deps.database.db);
  return Number(r.rows[0]?.n);
}

describe.each(DIALECTS)('single sign-on with a real OpenID provider on %s', (dialect) => {
  let provider: TestOidcProvider;
  let ctx: TestContext;
  let orgId: string;

  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
    ctx = await createTestApp(dialect, {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    });
    ({ orgId } = await makeOrg(ctx));
  });
  afterAll(async () => {
    await ctx?.close();
    await provider?.stop();
  });

  /** The whole browser journey: Relais → provider (login as `sub`) → Relais's callback. Returns the callback's answer. */
  let journeys = 0;
  async function signInWithProvider(sub: string, opts: { withAppCookies?: boolean } = {}) {
    provider.loginNextAs(sub);
    const jar = new Jar();
    // Each journey comes from its own client: better-auth allows 3 starts per 10 s per client on /sign-in/*.
    const client = `192.0.2.${++journeys}`;
    const start = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/social',
      remoteAddress: client,
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': client },
      payload: { provider: 'oidc', callbackURL: '/', errorCallbackURL: '/sign-in' },
    });
    expect(start.statusCode, start.body).toBe(200);
    jar.take(start);
    const { url, redirect } = start.json() as { url: string; redirect: boolean };
    expect(redirect).toBe(true);
    const authorize = new URL(url);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('client_id')).toBe(provider.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile']),
    );

    const back = new URL(await new BrowserAtProvider().followWithin(provider.issuer, url));
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
    expect(back.searchParams.get('state')).toBe(authorize.searchParams.get('state'));

    const callback = await ctx.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: opts.withAppCookies === false ? {} : { cookie: jar.header },
    });
    jar.take(callback);
    return { callback, jar };
  }

  it('the sign-in page knows single sign-on is on', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sso: true });
  });

  it('a provider account whose e-mail is in the directory signs in as that person, who becomes active', async () => {
    const person = await makePerson(ctx, orgId, { account: false, firstName: 'Sacha', lastName: 'Sso' });
    provider.addAccount({ sub: 'sso-sacha', email: person.email, name: 'Sacha Sso' });

    const { callback, jar } = await signInWithProvider('sso-sacha');
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/');
    expect(jar.has('relais.session_token')).toBe(true);
    const cookie = callback.cookies.find((c) => c.name === 'relais.session_token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      person: { id: person.id, email: person.email, firstName: 'Sacha', lastName: 'Sso', status: 'active' },
      organisation: { id: orgId },
    });
    const row = await ctx.deps.database.db
      .selectFrom('person')
      .select(['status', 'user_id'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(row.user_id).toEqual(expect.any(String));
    expect(await countAuthUsers(ctx, person.email)).toBe(1);

    // Signing in again reuses the same account and person.
    const again = await signInWithProvider('sso-sacha');
    expect(again.callback.statusCode).toBe(302);
    expect(again.callback.headers.location).toBe('/');
    const me2 = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: again.jar.header },
    });
    expect(me2.json()).toMatchObject({ person: { id: person.id } });
    expect(await countAuthUsers(ctx, person.email)).toBe(1);
  });

  it('someone who already has a password account lands on the same person through single sign-on', async () => {
    const person = await makePerson(ctx, orgId);
    const userId = (
      await ctx.deps.database.db
        .selectFrom('person')
        .select('user_id')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow()
    ).user_id;
    provider.addAccount({ sub: 'sso-existing', email: person.email, name: person.name });

    const { callback, jar } = await signInWithProvider('sso-existing');
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ person: { id: person.id } });
    expect(await countAuthUsers(ctx, person.email)).toBe(1);
    const row = await ctx.deps.database.db
      .selectFrom('person')
      .select('user_id')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(userId);
    // The password still works too.
    await loginAs(ctx, person.email, PASSWORD);
  });

  it("the provider's e-mail is matched to the directory without regard to case", async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    provider.addAccount({ sub: 'sso-upper', email: person.email.toUpperCase(), name: person.name });
    const { callback, jar } = await signInWithProvider('sso-upper');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ person: { id: person.id, status: 'active' } });
  });

  it('a provider account whose e-mail is not in the directory gets no account and no session', async () => {
    const email = `stranger-${Date.now()}@example.com`;
    provider.addAccount({ sub: 'sso-stranger', email, name: 'Stranger Danger' });

    const { callback, jar } = await signInWithProvider('sso-stranger');
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/sign-in?error=unable_to_create_user');
    expect(jar.has('relais.session_token')).toBe(false);

    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header } });
    expect(me.statusCode).toBe(401);
    expect(await countAuthUsers(ctx, email)).toBe(0);
  });

  it('a callback with a forged state opens nothing', async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    provider.addAccount({ sub: 'sso-forged', email: person.email, name: person.name });
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/callback/oidc?code=made-up&state=made-up',
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${ORIGIN}/sign-in?error=state_mismatch`);
    expect(res.cookies.filter((c) => c.name === 'relais.session_token' && c.value !== '')).toEqual([]);
    expect(await countAuthUsers(ctx, person.email)).toBe(0);
  });

  it("a callback replayed in another browser (without the app's state cookie) opens nothing", async () => {
    const person = await makePerson(ctx, orgId, { account: false });
    provider.addAccount({ sub: 'sso-csrf', email: person.email, name: person.name });
    const { callback, jar } = await signInWithProvider('sso-csrf', { withAppCookies: false });
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/sign-in?error=state_mismatch');
    expect(jar.has('relais.session_token')).toBe(false);
    expect(await countAuthUsers(ctx, person.email)).toBe(0);
  });
});
