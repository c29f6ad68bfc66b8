import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';

describe.each(DIALECTS)('onboarding of a fresh install on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(() => ctx?.close());

  const post = (payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: ORIGIN, 'accept-language': 'en' },
      payload,
    });
  const admin = {
    organisationName: 'Ventes Ouest',
    firstName: 'Léa',
    lastName: 'Martin',
    email: 'lea@example.com',
    password: 'un-long-mot-de-passe',
    locale: 'fr',
  };

  it('the first visitor creates the organisation and is signed in as its admin; later attempts are refused', async () => {
    ctx = await createTestApp(dialect);
    expect((await ctx.app.inject({ url: '/api/setup' })).json()).toEqual({ needsSetup: true, sso: false });
    const res = await post(admin);
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const session = res.cookies.find((c) => c.name === 'relais.session_token')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      person: { email: 'lea@example.com', isAdmin: true, status: 'active' },
      organisation: { name: 'Ventes Ouest', kThreshold: 5 },
    });
    expect((await ctx.app.inject({ url: '/api/setup' })).json().needsSetup).toBe(false);
    const second = await post({ ...admin, email: 'intrus@example.com' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ error: 'already_set_up', message: 'Relais is already set up: sign in.' });
  });

  it('bad input names every field in the browser language and creates nothing', async () => {
    ctx = await createTestApp(dialect);
    const res = await post({ ...admin, organisationName: ' ', email: 'pas-un-email', password: 'court' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { field: 'organisationName', code: 'required', message: '“Organisation name” is required.' },
      { field: 'email', code: 'invalid_email', message: '“E-mail” must be a valid e-mail address.' },
      { field: 'password', code: 'too_short', message: '“Password” must be at least 10 characters long.' },
    ]);
    expect((await ctx.app.inject({ url: '/api/setup' })).json().needsSetup).toBe(true);
  });

  it('health, API document and docs page answer without a session', async () => {
    ctx = await createTestApp(dialect);
    expect((await ctx.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', database: dialect });
    const doc = await ctx.app.inject({ url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/people', '/api/people/{id}', '/api/setup']),
    );
    expect((await ctx.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
    // Large JSON answers travel compressed when the client accepts it.
    const zipped = await ctx.app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(doc.rawPayload.length / 3);
  });

  it('every answer carries the security headers, API calls and unknown paths alike', async () => {
    ctx = await createTestApp(dialect);
    for (const url of ['/healthz', '/api/people', '/api/nothing-here']) {
      const res = await ctx.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      );
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      // http://localhost in tests: no HSTS (it would pin a plain-HTTP development host).
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });
});
