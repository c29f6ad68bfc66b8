import http from 'node:http';
import { expect } from 'vitest';
import { ORIGIN, type TestContext } from './test-app.ts';

/** Creates a weekly series through the API as `cookie` (a manager with `withPersonId`) and returns it. */
export async function createSeriesVia(
  ctx: TestContext,
  cookie: string,
  body: { withPersonId: string; firstAt: string; durationMinutes?: number; location?: string },
): Promise<{ id: string; nextMeetingId: string }> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/one-on-ones/series',
    headers: { origin: ORIGIN, cookie },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const s = res.json() as { id: string; nextMeeting: { id: string } | null };
  expect(s.nextMeeting).not.toBeNull();
  return { id: s.id, nextMeetingId: s.nextMeeting!.id };
}

/** A future instant on the hour, `hours` from now. */
export const hoursFromNow = (hours: number) => {
  const d = new Date(Date.now() + hours * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
};

/** A Server-Sent Events client over fetch: collects `data:` lines, waits for the n-th with a timeout. */
export interface SseClient {
  status: number;
  contentType: string | null;
  events: string[];
  waitFor(count: number, timeoutMs: number): Promise<string[]>;
  close(): void;
}

export function openSse(url: string, cookie: string): Promise<SseClient> {
  // node:http without an agent: closing the client destroys its one connection, nothing stays pooled.
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const waiters = new Set<() => void>();
    const req = http.get(url, { agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          for (const line of block.split('\n')) if (line.startsWith('data: ')) events.push(line.slice(6));
          for (const w of waiters) w();
        }
      });
      res.on('error', () => {});
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'] ?? null,
        events,
        waitFor: (count, timeoutMs) =>
          new Promise((done, fail) => {
            const check = () => {
              if (events.length < count) return;
              clearTimeout(timer);
              waiters.delete(check);
              done(events.slice(0, count));
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`only ${events.length} of ${count} events after ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

/** GET with a one-off connection; resolves with the status, or 0 when nothing listens yet. */
export function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

/** Polls until `predicate` holds (for server-side effects of a closed stream), failing after timeoutMs. */
export async function eventually(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
