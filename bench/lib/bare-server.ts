// Child process: the machine's limit, a bare node:http server answering every request with the same bytes from memory.
import { createServer } from 'node:http';

process.once('message', (m: { body: string; contentType: string }) => {
  const body = Buffer.from(m.body, 'base64');
  const headers = { 'content-type': m.contentType, 'content-length': String(body.length) };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
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
