import { isSignedOutPage } from '../../../core/api/prerendered.ts';

const early = new Map<string, Promise<Response | null>>();

/**
 * Every signed-in page first waits for the setup status and the session. main.tsx asks for both here, while
 * the app's code is still being fetched and evaluated; api() then takes each answer once. A failed answer is
 * not used: api() asks again, in the app's language.
 */
export function requestEarly(pathname: string): void {
  if (isSignedOutPage(pathname)) return;
  for (const path of ['/api/setup', '/api/me']) {
    early.set(
      path,
      fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => null),
    );
  }
}

/** The answer main.tsx asked for, once; undefined when none. */
export function takeEarly(path: string): Promise<Response | null> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return answer;
}
