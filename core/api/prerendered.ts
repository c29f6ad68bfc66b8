import type { Locale } from './common.schemas.ts';

/**
 * The sign-in page rendered at build time (web/src/app/prerender.tsx) is written under dist/web, one copy of
 * index.html per language and per SSO setting; the server (server/src/http/web-app.ts) picks one per request.
 */
export const prerenderedLocales: readonly Locale[] = ['fr', 'en'];

export function signInPageFile(locale: Locale, sso: boolean): string {
  return `prerendered/sign-in.${locale}${sso ? '.sso' : ''}.html`;
}

/**
 * The home page is rendered by the server for the person signed in: into this copy of index.html (with the
 * signed-in layout's stylesheets, written by the web build), by the build of web/src/app/server-render.tsx
 * (written beside dist/web, never served).
 */
export const homeTemplateFile = 'prerendered/home.html';
export const serverRenderModule = '../web-ssr/server-render.js';

/** Pages shown signed out (the signed-in shell and its data are not worth fetching ahead for them). */
const signedOutPrefixes = ['/sign-in', '/setup', '/forgot-password', '/reset-password', '/invitation/'];

export const isSignedOutPage = (pathname: string): boolean =>
  signedOutPrefixes.some((prefix) => pathname.startsWith(prefix));
