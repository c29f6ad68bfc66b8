// Child process: the machine's limit, a bare node:http server answering every request with the same bytes from memory.
// With `cpuMicros`, it first spends that much CPU on each request (bench/closed-loop-floor.ts).
import { createServer } from 'node:http';

process.once('message', (m: { body: string; contentType: string; cpuMicros?: number }) => {
  const body = Buffer.from(m.body, 'base64');
  const headers = { 'content-type': m.contentType, 'content-length': String(body.length) };
  const cost = BigInt(Math.round((m.cpuMicros ?? 0) * 1000));
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (cost > 0n) {
        const start = process.hrtime.bigint();
        while (process.hrtime.bigint() - start < cost);
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
});
