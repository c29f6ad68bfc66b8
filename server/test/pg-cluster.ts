import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL cluster from Debian's binaries, started by the tests and removed after them. */
export interface PgCluster {
  url: (database: string) => string;
  stop: () => void;
}

export function findPgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin)
    throw new Error(
      'PostgreSQL binaries not found under /usr/lib/postgresql: run scripts/ensure-system.sh (installs the "postgresql" package).',
    );
  const isRoot = process.getuid?.() === 0;
  const parent = mkdtempSync(path.join(os.tmpdir(), 'relais-pg-'));
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const port = await freePort();
  const pgUid = isRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  if (pgUid !== null) chownSync(parent, pgUid, pgUid);
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const res = isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '-N']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(parent, 'log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${parent} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
  };
}
