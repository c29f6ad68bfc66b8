// Child process: one warm-up then one measured autocannon run, in a fresh process for every scenario, so the
// load generator's own heap (a previous scenario may have received hundreds of megabytes) never adds its
// garbage-collection pauses to the next scenario's latencies.
import { scenarios } from '../modules/index.ts';
import type { OrgFixture, ScenarioRequest } from '../modules/types.ts';
import { runLoad, type LoadResult } from './load.ts';

export type LoadTarget =
  | { scenarioId: string; fixture: OrgFixture }
  | { request: { method: ScenarioRequest['method']; path: string } };

export interface LoadJob {
  url: string;
  target: LoadTarget;
  cookie: string | null;
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

process.once('message', (job: LoadJob) => {
  const r = requestOf(job.target);
  const run = (seconds: number): Promise<LoadResult> =>
    runLoad({
      url: job.url,
      method: r.method,
      path: r.path,
      body: r.body,
      headers: job.cookie ? { cookie: job.cookie } : {},
      connections: job.connections,
      seconds,
    });
  run(job.warmupSeconds)
    .then(() => run(job.seconds))
    .then(
      (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
      (err: Error) => process.send?.({ type: 'error', message: err.message }, () => process.exit(1)),
    );
});
process.send?.({ type: 'ready', port: 1 });
