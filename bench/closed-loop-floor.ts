// What p99 any single-threaded server gets from the bench's load, for a given CPU cost per request.
//
//   npx tsx bench/closed-loop-floor.ts [--us=250,350,500] [--seconds=15]
//
// The bench's bare node:http server (bench/lib/bare-server.ts, in a child process, as Relais runs) spends
// exactly `us` microseconds of CPU on each POST, then answers ~1 kB of JSON. autocannon drives it as
// `npm run bench` drives a write scenario: 50 connections, 1 s of warm-up, then the measured run. Compare a
// scenario's p99 with the floor at the same throughput (docs/performance.md, "Why a write's p99 is about
// twice its mean").
import path from 'node:path';
import { startChild } from './lib/children.ts';
import { runLoad } from './lib/load.ts';

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const costs = (option('us') ?? '250,350,500').split(',').map(Number);
const seconds = Number(option('seconds') ?? 15);
const body = Buffer.from(JSON.stringify({ id: crypto.randomUUID(), text: 'x'.repeat(900) })).toString(
  'base64',
);

console.log('CPU/request   req/s   mean   p50   p99   p99÷mean');
for (const cpuMicros of costs) {
  const bare = await startChild(
    path.join(import.meta.dirname, 'lib/bare-server.ts'),
    {},
    { body, contentType: 'application/json', cpuMicros },
  );
  const load = (s: number) =>
    runLoad({
      url: `http://127.0.0.1:${bare.port}`,
      method: 'POST',
      path: '/',
      body: (n) => ({ title: `Sujet ${n}` }),
      connections: 50,
      seconds: s,
    });
  try {
    await load(1);
    const r = await load(seconds);
    console.log(
      `${String(cpuMicros).padStart(8)} µs ${Math.round(r.requestsPerSecond).toString().padStart(7)} ${r.meanMs.toFixed(1).padStart(6)} ${String(r.p50Ms).padStart(5)} ${String(r.p99Ms).padStart(5)} ${(r.p99Ms / r.meanMs).toFixed(2).padStart(10)}`,
    );
  } finally {
    await bare.stop();
  }
}
