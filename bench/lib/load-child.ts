// Child process: a warm-up then a measured autocannon run, for each target of the job (one, or the two organisations
// of a growth pair), in a fresh process for every job, so the load generator's own heap (a previous scenario may
// have received hundreds of megabytes) never adds its garbage-collection pauses to the next scenario's latencies.
import { scenarios } from '../modules/index.ts';
import type { OrgFixture, ScenarioRequest } from '../modules/types.ts';
import { runLoad, type LoadResult } from './load.ts';

export type LoadTarget =
  | { scenarioId: string; fixture: OrgFixture }
  | { request: { method: ScenarioRequest['method']; path: string } };

/** One target to load, with the session cookie to send. */
export interface LoadRun {
  target: LoadTarget;
  cookie: string | null;
}

export interface LoadJob {
  url: string;
  /** Measured one after the other by this process, each after its own warm-up; one result each, in order. */
  runs: LoadRun[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

function requestOf(target: LoadTarget): ScenarioRequest {
  if ('request' in target) return target.request;
  const s = scenarios.find((x) => x.id === target.scenarioId);
  if (!s) throw new Error(`unknown scenario ${target.scenarioId}`);
  return s.request(target.fixture);
}

async function measure(job: LoadJob, { target, cookie }: LoadRun): Promise<LoadResult> {
  const r = requestOf(target);
  const run = (seconds: number): Promise<LoadResult> =>
    runLoad({
      url: job.url,
      method: r.method,
      path: r.path,
      body: r.body,
      headers: cookie ? { cookie } : {},
      connections: job.connections,
      seconds,
    });
  await run(job.warmupSeconds);
  return run(job.seconds);
}

process.once('message', async (job: LoadJob) => {
  try {
    const results: LoadResult[] = [];
    for (const run of job.runs) results.push(await measure(job, run));
    process.send?.({ type: 'results', results }, () => process.exit(0));
  } catch (err) {
    process.send?.({ type: 'error', message: (err as Error).message }, () => process.exit(1));
  }
});
process.send?.({ type: 'ready', port: 1 });
