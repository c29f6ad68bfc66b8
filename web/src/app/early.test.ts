import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, post } from './api.ts';
import { requestEarly } from './early.ts';

/** A server in memory: answers by path, counts what it was asked. */
function fakeServer(answers: Record<string, () => Response>) {
  const asked: { path: string; method: string; language: string | null }[] = [];
  const fetch = vi.fn(async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    asked.push({ path, method: init.method ?? 'GET', language: headers.get('Accept-Language') });
    const answer = answers[path];
    return answer ? answer() : new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return asked;
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('early requests', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('asks a signed-in page’s setup status and session once: the app takes those answers instead of asking again', async () => {
    const asked = fakeServer({
      '/api/setup': json({ needsSetup: false }),
      '/api/me': json({ person: { id: 'p1' } }),
    });
    requestEarly('/people/p2');
    expect(asked.map((a) => a.path)).toEqual(['/api/setup', '/api/me']);

    expect(await api('/api/me')).toEqual({ person: { id: 'p1' } });
    expect(await api('/api/setup')).toEqual({ needsSetup: false });
    expect(asked).toHaveLength(2);
    // Taken once: the next read asks the server, in the app's language.
    expect(await api('/api/me')).toEqual({ person: { id: 'p1' } });
    expect(asked).toHaveLength(3);
    expect(asked[2]!.language).not.toBeNull();
  });

  it('asks again when the early answer failed, so that the error comes from a request in the app’s language', async () => {
    const asked = fakeServer({ '/api/me': json({ error: 'unauthenticated', message: 'Non connecté' }, 401) });
    requestEarly('/');
    const error = await api('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(asked.filter((a) => a.path === '/api/me')).toHaveLength(2);
  });

  it('asks nothing ahead on the signed-out pages', () => {
    for (const page of ['/sign-in', '/setup', '/forgot-password', '/reset-password', '/invitation/abc']) {
      const asked = fakeServer({});
      requestEarly(page);
      expect(asked, page).toEqual([]);
    }
  });

  it('never answers a write with an early read of the same path', async () => {
    const asked = fakeServer({ '/api/me': json({ person: { id: 'p1' } }) });
    requestEarly('/');
    await post('/api/me', { x: 1 }).catch(() => undefined);
    expect(asked.filter((a) => a.path === '/api/me').map((a) => a.method)).toEqual(['GET', 'POST']);
  });
});
