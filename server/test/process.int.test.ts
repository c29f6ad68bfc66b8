import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabaseEnv } from './test-app.ts';
import { freePort } from './pg-cluster.ts';

/** Starts the real server process (no web bundle needed) with the given environment. */
function startServer(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', "import('./server/src/main.ts').then((m) => m.serve())"],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function waitHealthy(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy`);
}

describe.each(DIALECTS)('the server process on %s', (dialect) => {
  it('starts with no configuration, logs JSON, and stops cleanly on SIGTERM', async () => {
    const { env, cleanup } = await freshDatabaseEnv(dialect);
    const port = await freePort();
    const server = startServer({
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'info',
      PUBLIC_URL: `http://localhost:${port}`,
    });
    try {
      await waitHealthy(`http://127.0.0.1:${port}/healthz`);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await res.json()).toEqual({ status: 'ok', database: dialect });
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const lines = server
        .output()
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages).toContain('Relais is ready');
      expect(messages).toContain('stopped cleanly');
    } finally {
      server.child.kill('SIGKILL');
      await cleanup();
    }
  }, 60_000);

  it('refuses to start with a wrong value and names the variable', async () => {
    const { env, cleanup } = await freshDatabaseEnv(dialect);
    const server = startServer({ ...env, PORT: 'trois-mille' });
    try {
      expect(await server.exited).toBe(2);
      expect(server.output()).toContain(
        'Invalid configuration: PORT must be a whole number between 0 and 65535 (got "trois-mille")',
      );
    } finally {
      await cleanup();
    }
  }, 60_000);
});
