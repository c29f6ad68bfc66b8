import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A helper process (Relais or the bare server) on its own core, so autocannon never shares its event loop. */
export interface Child {
  proc: ChildProcess;
  port: number;
  /** Resident set size of the process, from /proc (what the operating system sees). */
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Bundles a TypeScript entry exactly as `bin/relais.mjs` bundles the real server (scripts/server-bundle.mjs). */
export async function bundle(entry: string, outfile: string): Promise<string> {
  const { bundleServer } = await import('../../scripts/server-bundle.mjs');
  return bundleServer(entry, outfile, { sourcemap: false });
}

/** The words of `npm start`'s command line: the variables set before `node`, then its flags. */
const startWords = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start.split(/\s+/);

/** The Node.js flags `npm start` (and the `relais` command's shebang) run the server with. */
export const SERVER_FLAGS: readonly string[] = startWords.filter((word) => word.startsWith('--'));

/** The environment variables `npm start` (and the shebang) set for the server, e.g. MALLOC_ARENA_MAX. */
export const SERVER_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  startWords
    .slice(0, Math.max(0, startWords.indexOf('node')))
    .map((word) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word))
    .filter((m) => m !== null)
    .map((m) => [m[1], m[2]]),
);

export async function startChild(
  script: string,
  env: Record<string, string>,
  init?: unknown,
  flags: readonly string[] = [],
): Promise<Child> {
  const proc = fork(script, [], {
    execArgv: [...flags, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : [])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before it was ready`)));
    proc.on('message', (m: { type?: string; port?: number }) => {
      if (m.type === 'ready' && m.port) resolve(m.port);
    });
    if (init !== undefined) proc.send(init as object);
  });
  proc.removeAllListeners('exit');
  return {
    proc,
    port,
    rssBytes: () => rssOf(proc.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}
