import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../server/test/pg-cluster.ts';
import { repoRoot } from '../generate.ts';
import { SERVER_ENV, SERVER_FLAGS } from './children.ts';

/** Milliseconds from spawning `node bin/relais.mjs serve` to the first 200 from /healthz. */
export async function timeToHealthy(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // Exactly what `npm start` runs.
  const proc = spawn(process.execPath, [...SERVER_FLAGS, path.join(repoRoot, 'bin/relais.mjs'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...SERVER_ENV,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  proc.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`relais serve exited with code ${proc.exitCode}`);
      if (performance.now() - started > 30_000) throw new Error('relais serve not healthy after 30 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    if (!exited) {
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
    }
  }
}
