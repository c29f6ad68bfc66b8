import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { prerenderedSignInPages } from '../../web/src/app/prerender.tsx';
import { signInLocale } from '../src/http/web-app.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { makeOrg } from './factories.ts';
import { startOidcProvider } from './oidc-provider.ts';

/** A web build of its own: web/index.html and the sign-in pages rendered from it as `npm run build` does. */
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'relais-web-'));
  const index = readFileSync(path.resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
  writeFileSync(path.join(webDir, 'index.html'), index);
  for (const page of await prerenderedSignInPages(index)) {
    mkdirSync(path.dirname(path.join(webDir, page.file)), { recursive: true });
    writeFileSync(path.join(webDir, page.file), page.html);
  }
});
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

const FR_TITLE = /<h1[^>]*>Connexion<\/h1>/;
const EN_TITLE = /<h1[^>]*>Sign in<\/h1>/;
const FR_SSO = 'Se connecter avec l&#x27;authentification unique';
const EN_SSO = 'Sign in with single sign-on';

describe('language of the pre-rendered sign-in page', () => {
  it('follows the relais.locale cookie, then Accept-Language by weight, French otherwise', () => {
    expect(signInLocale(undefined, undefined)).toBe('fr');
    expect(signInLocale('relais.locale=en', 'fr-FR')).toBe('en');
    expect(signInLocale('a=b; relais.locale=fr; c=d', 'en')).toBe('fr');
    expect(signInLocale('relais.locale=de', 'en-GB,en;q=0.9')).toBe('en');
    expect(signInLocale('other.relais.locale=en', undefined)).toBe('fr');
    expect(signInLocale(undefined, 'de-DE, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(signInLocale(undefined, 'de-DE, fr;q=0, en;q=0.3')).toBe('en');
    expect(signInLocale(undefined, 'de, es')).toBe('fr');
  });
});

describe.each(DIALECTS)('GET /sign-in sends the sign-in page already rendered on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(() => ctx?.close());

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });

  it('in French or English, without the SSO button when SSO is not configured; other paths get index.html', async () => {
    ctx = await createTestApp(dialect, {}, { webDir });
    // A fresh install sends everyone to onboarding: nothing pre-rendered yet.
    const fresh = await get('/sign-in');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toContain('<div id="root"></div>');
    expect(fresh.body).not.toContain('id="prerendered"');

    await makeOrg(ctx);
    const fr = await get('/sign-in');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toMatch(/^text\/html/);
    expect(fr.headers['cache-control']).toBe('no-cache');
    expect(fr.body).toMatch(FR_TITLE);
    expect(fr.body).toContain('<html lang="fr"');
    expect(fr.body).toContain('<title>Connexion · Relais</title>');
    expect(fr.body).toContain('<div id="root" hidden></div>');
    expect(fr.body).not.toContain(FR_SSO);
    expect(fr.body).not.toMatch(/<script>/);
    // Before the app's code runs, nothing pretends to work: the form submits nowhere, buttons are unavailable.
    expect(fr.body).toContain('<form method="dialog"');
    expect(fr.body).not.toMatch(/<button (?!aria-disabled="true")/);
    expect(fr.body).toContain('<link rel="expect" href="#root" blocking="render" />');

    const byCookie = await get('/sign-in', { cookie: 'relais.locale=en', 'accept-language': 'fr-FR' });
    expect(byCookie.body).toMatch(EN_TITLE);
    expect(byCookie.body).toContain('<html lang="en"');
    expect(byCookie.body).not.toContain(EN_SSO);
    expect((await get('/sign-in', { 'accept-language': 'en-US,en;q=0.9' })).body).toMatch(EN_TITLE);
    expect((await get('/sign-in?redirect=%2Fpeople&error=x', { 'accept-language': 'en' })).body).toMatch(
      EN_TITLE,
    );

    for (const url of ['/', '/people', '/sign-in-other', '/forgot-password']) {
      const other = await get(url);
      expect(other.statusCode).toBe(200);
      expect(other.body).toContain('<div id="root"></div>');
      expect(other.body).not.toContain('id="prerendered"');
    }
  });

  it('compressed once at start: br or gzip as the browser accepts', async () => {
    ctx = await createTestApp(dialect, {}, { webDir });
    await makeOrg(ctx);
    const plain = await get('/sign-in');
    const br = await get('/sign-in', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Cookie');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get('/sign-in', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('with the SSO button when SSO is configured, in both languages', async () => {
    const provider = await startOidcProvider({ redirectUri: `${ORIGIN}/api/auth/callback/oidc` });
    onTestFinished(() => provider.stop());
    ctx = await createTestApp(
      dialect,
      {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      },
      { webDir },
    );
    await makeOrg(ctx);
    const fr = await get('/sign-in');
    expect(fr.body).toMatch(FR_TITLE);
    expect(fr.body).toContain(FR_SSO);
    const en = await get('/sign-in', { 'accept-language': 'en' });
    expect(en.body).toMatch(EN_TITLE);
    expect(en.body).toContain(EN_SSO);
  });
});
