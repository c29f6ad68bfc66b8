import type { Locale } from './common.schemas.ts';

/**
 * The sign-in page rendered at build time (web/src/app/prerender.tsx) is written under dist/web, one copy of
 * index.html per language and per SSO setting; the server (server/src/http/web-app.ts) picks one per request.
 */
export const prerenderedLocales: readonly Locale[] = ['fr', 'en'];

export function signInPageFile(locale: Locale, sso: boolean): string {
  return `prerendered/sign-in.${locale}${sso ? '.sso' : ''}.html`;
}

/** Pages shown signed out (the signed-in shell and its data are not worth fetching ahead for them). */
const signedOutPrefixes = ['/sign-in', '/setup', '/forgot-password', '/reset-password', '/invitation/'];

export const isSignedOutPage = (pathname: string): boolean =>
  signedOutPrefixes.some((prefix) => pathname.startsWith(prefix));
