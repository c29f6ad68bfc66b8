import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  /** Mean latency (fractional ms): resolves small latencies that p50, in whole ms, cannot. */
  meanMs: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  seconds: number;
}

export interface LoadOptions {
  url: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A fresh JSON body per request (writes). */
  body?: (n: number) => unknown;
  connections: number;
  seconds: number;
}

/** One autocannon run; the counter behind `body` is shared by every connection. */
/** Growth between two runs: p50 ÷ p50, or mean ÷ mean when a p50 is under 10 ms (whole ms are too coarse). */
export function growthRatio(long: LoadResult, short: LoadResult): { ratio: number; basis: 'p50' | 'mean' } {
  if (long.p50Ms >= 10 && short.p50Ms >= 10) return { ratio: long.p50Ms / short.p50Ms, basis: 'p50' };
  return { ratio: long.meanMs / Math.max(short.meanMs, 0.001), basis: 'mean' };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const headers = { ...o.headers, ...(o.body ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    timeout: 10,
    requests: [
      {
        method: o.method,
        path: o.path,
        headers,
        ...(o.body
          ? { setupRequest: (req: object) => ({ ...req, body: JSON.stringify(o.body!(n++)) }) }
          : {}),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    meanMs: result.latency.average,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}

/** Signs in through better-auth's endpoint like the browser does (Origin header) and returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (cookies.length === 0) throw new Error(`sign-in as ${email} returned no cookie`);
  return cookies.join('; ');
}
