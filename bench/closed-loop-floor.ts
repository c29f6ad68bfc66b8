// What p99 any single-threaded server gets from the bench's load, for a given CPU cost per request.
//
//   npx tsx bench/closed-loop-floor.ts [--us=250,350,500] [--seconds=15]
//
// A bare node:http server (in a child process, as Relais runs) spends exactly `us` microseconds of CPU on each
// POST, then answers ~1 kB of JSON. autocannon drives it as `npm run bench` drives a write scenario: 50
// connections, 1 s of warm-up, then the measured run. Compare a scenario's p99 with the floor at the CPU per
// request Relais spends on it (docs/performance.md, "Why a write's p99 is about twice its mean").
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { runLoad } from './lib/load.ts';

const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

if (argv[0] === '--serve') {
  const cost = BigInt(Math.round(Number(argv[1]) * 1000));
  const body = Buffer.from(JSON.stringify({ id: crypto.randomUUID(), text: 'x'.repeat(900) }));
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const start = process.hrtime.bigint();
      while (process.hrtime.bigint() - start < cost);
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const costs = (option('us') ?? '250,350,500').split(',').map(Number);
  const seconds = Number(option('seconds') ?? 15);
  console.log('CPU/request   req/s   mean   p50   p99   p99÷mean');
  for (const us of costs) {
    const child = fork(fileURLToPath(import.meta.url), ['--serve', String(us)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve) =>
      child.once('message', (m: { port: number }) => resolve(m.port)),
    );
    const load = (s: number) =>
      runLoad({
        url: `http://127.0.0.1:${port}`,
        method: 'POST',
        path: '/',
        body: (n) => ({ title: `Sujet ${n}` }),
        connections: 50,
        seconds: s,
      });
    await load(1);
    const r = await load(seconds);
    child.kill('SIGTERM');
    console.log(
      `${String(us).padStart(8)} µs ${Math.round(r.requestsPerSecond).toString().padStart(7)} ${r.meanMs.toFixed(1).padStart(6)} ${String(r.p50Ms).padStart(5)} ${String(r.p99Ms).padStart(5)} ${(r.p99Ms / r.meanMs).toFixed(2).padStart(10)}`,
    );
  }
}
