import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { homeTemplateFile } from '../../core/api/prerendered.ts';
import type { HomeRenderer } from '../src/http/web-app.ts';
import { DIALECTS, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, makeOrg, setLocale, PASSWORD } from './factories.ts';

/** A web build of its own: web/index.html, and the home template the build writes from it. */
let webDir: string;
beforeAll(() => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'relais-web-'));
  const index = readFileSync(path.resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
  writeFileSync(path.join(webDir, 'index.html'), index);
  mkdirSync(path.join(webDir, 'prerendered'));
  writeFileSync(path.join(webDir, homeTemplateFile), index);
});
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

// The server-side renderer as the build makes it, from its source.
const renderer = () => import('../../web/src/app/server-render.tsx') as Promise<HomeRenderer>;

describe.each(DIALECTS)(
  'GET / sends the home page already rendered for the person signed in, on %s',
  (dialect) => {
    let ctx: TestContext;
    afterEach(() => ctx?.close());

    const get = (cookie?: string, headers: Record<string, string> = {}) =>
      ctx.app.inject({ url: '/', headers: { ...(cookie ? { cookie } : {}), ...headers } });

    it('with their greeting and their direct reports, kept by no cache; index.html to anyone not signed in', async () => {
      ctx = await createTestApp(dialect, {}, { webDir, homeRenderer: renderer });
      const cast = await makeCast(ctx);
      const cookie = await loginAs(ctx, cast.manager.email, PASSWORD);

      const page = await get(cookie);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.headers.vary).toContain('Cookie');
      expect(page.body).toContain('<html lang="fr"');
      expect(page.body).toContain('<title>Bonjour Marc · Relais</title>');
      expect(page.body).toMatch(/<h1[^>]*>Bonjour Marc<\/h1>/);
      expect(page.body).toContain('Mon équipe directe (2)');
      expect(page.body).toContain(cast.subject.name);
      expect(page.body).toContain(cast.colleague.name);
      expect(page.body).toContain('<div id="root" hidden></div>');
      // Nothing pretends to work before the app's code runs; no inline script (the CSP would refuse it).
      expect(page.body).not.toMatch(/<button (?!aria-disabled="true")/);
      expect(page.body).not.toMatch(/<script>/);

      // Nobody signed in, or a session that is no more: the app's index.html, the app sends them to sign in.
      for (const other of [await get(), await get('relais.session_token=forged.value')]) {
        expect(other.statusCode).toBe(200);
        expect(other.body).toContain('<div id="root"></div>');
        expect(other.body).not.toContain('id="prerendered"');
      }
      // Other paths are not rendered by the server.
      const people = await ctx.app.inject({ url: '/people', headers: { cookie } });
      expect(people.body).not.toContain('id="prerendered"');
    });

    it('shows what the API shows the same person, nothing more: a report sees their manager, not their colleagues', async () => {
      ctx = await createTestApp(dialect, {}, { webDir, homeRenderer: renderer });
      const cast = await makeCast(ctx);
      const page = await get(await loginAs(ctx, cast.colleague.email, PASSWORD));
      expect(page.body).toMatch(/<h1[^>]*>Bonjour Claire<\/h1>/);
      expect(page.body).toContain(cast.manager.name);
      expect(page.body).not.toContain(cast.subject.name);
      expect(page.body).not.toContain(cast.directReport.name);
      expect(page.body).not.toContain(cast.outsider.name);
    });

    it('in the language the person chose, compressed as the browser accepts', async () => {
      ctx = await createTestApp(dialect, {}, { webDir, homeRenderer: renderer });
      const cast = await makeCast(ctx);
      await setLocale(ctx, cast.subject.id, 'en');
      const cookie = await loginAs(ctx, cast.subject.email, PASSWORD);
      const page = await get(cookie, { 'accept-language': 'fr-FR' });
      expect(page.body).toContain('<html lang="en"');
      expect(page.body).toMatch(/<h1[^>]*>Hello Sophie<\/h1>/);
      expect(page.body).toContain('My direct reports (1)');
      expect(page.body).toContain(cast.directReport.name);
      const br = await get(cookie, { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(page.body);
    });

    it('loads the renderer for someone with a session only, not for a visitor with just a language cookie', async () => {
      let loads = 0;
      ctx = await createTestApp(
        dialect,
        {},
        {
          webDir,
          homeRenderer: () => {
            loads += 1;
            return renderer();
          },
        },
      );
      const cast = await makeCast(ctx);
      const visitor = await get('relais.locale=en');
      expect(visitor.body).toContain('<div id="root"></div>');
      expect(visitor.body).not.toContain('id="prerendered"');
      expect(loads).toBe(0);
      const page = await get(`relais.locale=en; ${await loginAs(ctx, cast.manager.email, PASSWORD)}`);
      expect(page.body).toMatch(/<h1[^>]*>Bonjour Marc<\/h1>/);
      expect(loads).toBe(1);
    });

    it('falls back to index.html when the renderer fails', async () => {
      ctx = await createTestApp(
        dialect,
        {},
        {
          webDir,
          homeRenderer: async () => ({
            renderHome: () => Promise.reject(new Error('broken build')),
          }),
        },
      );
      const { admin } = await makeOrg(ctx);
      const page = await get(await loginAs(ctx, admin.email, PASSWORD));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root"></div>');
      expect(page.body).not.toContain('id="prerendered"');
    });
  },
);
