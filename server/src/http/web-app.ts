import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Locale } from '../../../core/api/common.schemas.ts';
import {
  homeTemplateFile,
  prerenderedLocales,
  serverRenderModule,
  signInPageFile,
} from '../../../core/api/prerendered.ts';
import type { DB } from '../db/schema.ts';
import { needsSetup } from '../features/organisations/organisation.service.ts';
import { hasSessionCookie } from './session-fast-path.ts';
import type { App } from './types.ts';

/** One page's bytes, compressed once at start: a request only chooses. */
interface Page {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/** A page's bytes and its compressed copies: those the build wrote beside it, else made here, once. */
function page(file: string): Page {
  const identity = readFileSync(file);
  const written = (ext: string) => (existsSync(`${file}.${ext}`) ? readFileSync(`${file}.${ext}`) : null);
  return {
    identity,
    br: written('br') ?? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: written('gz') ?? gzipSync(identity, { level: 9 }),
  };
}

/** The sign-in page the build rendered (web/src/app/prerender.tsx) for each language; null if this build has none. */
export function loadSignInPages(webDir: string, sso: boolean): Record<Locale, Page> | null {
  const pages: Partial<Record<Locale, Page>> = {};
  for (const locale of prerenderedLocales) {
    const file = path.join(webDir, signInPageFile(locale, sso));
    if (!existsSync(file)) return null;
    pages[locale] = page(file);
  }
  return pages as Record<Locale, Page>;
}

const isLocale = (value: string | undefined): value is Locale =>
  (prerenderedLocales as readonly string[]).includes(value ?? '');

/**
 * The language the browser's app will choose (web/src/app/i18n.ts): its stored choice, which it copies into the
 * `relais.locale` cookie, then the browser's languages, French otherwise.
 */
export function signInLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const stored = cookie && /(?:^|;)\s*relais\.locale=([a-z]+)\s*(?:;|$)/.exec(cookie)?.[1];
  if (stored && isLocale(stored)) return stored;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const locale = tag.trim().slice(0, 2).toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (isLocale(locale) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'fr';
}

function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((e) => e.trim().split(';'))
      .filter(([, q]) => q === undefined || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name?.trim().toLowerCase()),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/** HTML in the encoding the browser prefers; `bytes` gives the body for that encoding. */
function sendHtml(
  reply: FastifyReply,
  acceptEncoding: string | undefined,
  caching: { cacheControl: string; vary: string },
  bytes: (encoding: 'br' | 'gzip' | null) => Buffer,
) {
  const encoding = encodingFor(acceptEncoding);
  reply
    .header('cache-control', caching.cacheControl)
    .header('vary', caching.vary)
    .type('text/html; charset=utf-8');
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(bytes(encoding));
}

/** The build of web/src/app/server-render.tsx. */
export interface HomeRenderer {
  renderHome(template: string, get: (path: string) => Promise<unknown>): Promise<string | null>;
}

/** The home page for the person of this request, rendered with the API's answers to the same request. */
function homePage(app: App, webDir: string, renderer?: () => Promise<HomeRenderer>) {
  const templateFile = path.join(webDir, homeTemplateFile);
  const moduleFile = path.join(webDir, serverRenderModule);
  if (!existsSync(templateFile) || (!renderer && !existsSync(moduleFile))) return null;
  const template = readFileSync(templateFile, 'utf8');
  // Loaded the first time someone signed in opens the home page: React and Mantine stay out of a server that
  // only answers the API.
  let loading: Promise<HomeRenderer> | null = null;
  const load = renderer ?? (() => import(pathToFileURL(moduleFile).href) as Promise<HomeRenderer>);
  return async (req: FastifyRequest): Promise<string | null> => {
    const headers = {
      cookie: req.headers.cookie ?? '',
      'accept-language': req.headers['accept-language'] ?? '',
    };
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      return res.statusCode === 200 ? (JSON.parse(res.body) as unknown) : null;
    };
    loading ??= load().catch((error: unknown) => {
      loading = null; // asked again next time
      throw error;
    });
    return (await loading).renderHome(template, get);
  };
}

/** A page made for one person: compressed for this answer only, and kept by no cache. */
const personalPage = (html: string) => (encoding: 'br' | 'gzip' | null) => {
  const body = Buffer.from(html);
  if (encoding === 'br') return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
  return encoding === 'gzip' ? gzipSync(body, { level: 6 }) : body;
};

/**
 * The web app: hashed assets under /assets/, and index.html for every client-side route — except GET /sign-in,
 * answered with the sign-in page already inside (in the visitor's language, with the SSO button when SSO is
 * configured) so that it is painted before any script runs. Until an organisation exists the app sends everyone
 * to onboarding: plain index.html then.
 */
export async function webAppRoutes(
  app: App,
  opts: { webDir: string; sso: boolean; db: Kysely<DB>; homeRenderer?: () => Promise<HomeRenderer> },
): Promise<void> {
  const indexFile = path.join(opts.webDir, 'index.html');
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile);
  const signIn = loadSignInPages(opts.webDir, opts.sso);
  const home = homePage(app, opts.webDir, opts.homeRenderer);
  // Once set up, an install stays so: the question is asked until then only.
  let setUp = false;
  const isSetUp = async () => (setUp ||= !(await needsSetup(opts.db)));
  await app.register(fastifyStatic, { root: opts.webDir, serve: false, preCompressed: true });
  app.get('/assets/*', {
    config: { policy: 'public' },
    schema: { hide: true },
    handler: (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      return reply.sendFile(file, path.join(opts.webDir, 'assets'), { maxAge: '1y', immutable: true });
    },
  });
  app.setNotFoundHandler(async (req, reply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/') || req.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: 'not_found', message: 'Not found' });
    }
    const acceptEncoding = req.headers['accept-encoding'];
    if (signIn && (req.url === '/sign-in' || req.url.startsWith('/sign-in?')) && (await isSetUp())) {
      const chosen = signIn[signInLocale(req.headers.cookie, req.headers['accept-language'])];
      return sendHtml(
        reply,
        acceptEncoding,
        { cacheControl: 'no-cache', vary: 'Accept-Encoding, Accept-Language, Cookie' },
        (encoding) => (encoding ? chosen[encoding] : chosen.identity),
      );
    }
    // Only someone with a session may get a page of their own: nobody else costs a render (nor its loading).
    if (home && req.url === '/' && hasSessionCookie(req.headers.cookie) && (await isSetUp())) {
      const html = await home(req).catch((error: unknown) => {
        // The page still works without it: the app renders it in the browser.
        req.log.error({ err: error }, 'home page: server rendering failed');
        return null;
      });
      if (html)
        return sendHtml(
          reply,
          acceptEncoding,
          { cacheControl: 'private, no-store', vary: 'Accept-Encoding, Cookie' },
          personalPage(html),
        );
    }
    return reply.header('cache-control', 'no-cache').type('text/html').send(indexHtml);
  });
}
