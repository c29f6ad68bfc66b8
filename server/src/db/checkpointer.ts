import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * SQLite in WAL mode copies the log back into the database ("checkpoint") from whichever commit crosses
 * `wal_autocheckpoint` pages — on the request path, with two fsyncs, every few hundred writes. Here a worker
 * thread with its own connection runs a PASSIVE checkpoint every `intervalMs` (it never waits for, nor
 * blocks, the server's connection), so commits only append: a one-row insert went 150 → 90 µs, and 20,000
 * inserts in a row stalled 3 times (≤ 31 ms) instead of 89 times (~19 ms).
 *
 * Under a sustained stream of writes the log is copied but cannot start over: there is always a newer frame,
 * and only a checkpoint that finds nothing left to copy lets the next commit write from the start again.
 * A log left to grow to ~200 MB made every request slower (OKR review save ~1,000 → ~690 µs of CPU). So when
 * the worker has copied everything it saw of a log of RESTART_PAGES (~16 MB) or more, it tells the server's
 * connection, which finishes the checkpoint between two requests (never inside a transaction): only the
 * frames committed since the worker's copy began, and the log starts over. Left to SQLite's own threshold,
 * that last checkpoint ran inside whichever commit crossed it, copying whatever the worker had not reached
 * yet: one-to-one topic p99 47–55 ms, against 35–45 ms this way (interleaved 6 s runs, 50 connections). The
 * log then peaks at 20–50 MB. The server's automatic checkpoint stays as a safety net at SAFETY_NET_PAGES
 * (~64 MB), should the worker fall behind. The file is cut back to 64 MB whenever it starts over. If the
 * worker cannot start or dies, the usual threshold comes back.
 *
 * SQLite syncs the database file only at a checkpoint that reaches the end of the log, which the worker's never
 * do while writes go on: every page it copied since the log last started over (~30 MB) waited, unwritten, for
 * the server's finishing checkpoint, whose fsync then held the event loop 10–16 ms (17–28 ms in all, twice a
 * second under one-to-one topic writes). So before asking for the finish, the worker writes the file out
 * itself (fdatasync, off the server's thread) and copies what was committed meanwhile: the finish now takes
 * 2–6 ms. It only moves work earlier: the finish still syncs the log and the file, as SQLite requires.
 */
export interface Checkpointer {
  /** Stops the worker. Call `release()` once the server's connection is closed too. */
  stop(): Promise<void>;
  /**
   * Closes the worker's descriptor on the database file. Only after the connection is closed: closing any
   * descriptor of a file drops every POSIX lock the process holds on it, SQLite's included.
   */
  release(): void;
}

const RESTART_PAGES = 4_000;
const SAFETY_NET_PAGES = 16_000;
const LOG_LIMIT_BYTES = 64 * 1024 * 1024;
const DEFAULT_PAGES = 1_000;
// After the file sync, passes go on (3 at most) until one finds fewer new frames than this: what is left for
// the server's connection to copy and sync is then a few milliseconds of commits.
const FEW_FRAMES = 64;

// CommonJS, evaluated in the worker: better-sqlite3 is loaded from the path the server resolved.
const workerSource = `
const { fdatasyncSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
const pass = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const caughtUp = (r) => r.busy === 0 && r.checkpointed === r.log;
const timer = setInterval(() => {
  try {
    let r = pass();
    if (!caughtUp(r) || r.log < workerData.restartPages) return;
    try {
      if (workerData.dbFd !== null) fdatasyncSync(workerData.dbFd);
    } catch {
      // The server's finishing checkpoint syncs the file anyway; this only did it earlier.
    }
    for (let i = 0; i < 3; i++) {
      const before = r.log;
      r = pass();
      if (!caughtUp(r)) return;
      if (r.log - before < workerData.fewFrames) break;
    }
    parentPort.postMessage('finish');
  } catch {
    // Busy or locked this time: the next tick tries again.
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(sqlite: SQLite.Database, file: string, intervalMs = 500): Checkpointer {
  let worker: Worker;
  let dbFd: number | null = null;
  const release = () => {
    if (dbFd !== null) closeSync(dbFd);
    dbFd = null;
  };
  try {
    dbFd = openSync(file, 'r');
  } catch {
    // Without it the worker still checkpoints; the server's finish then syncs the whole file, as before.
  }
  try {
    worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
        dbFd,
        intervalMs,
        restartPages: RESTART_PAGES,
        fewFrames: FEW_FRAMES,
      },
    });
  } catch {
    release();
    return { stop: async () => {}, release: () => {} };
  }
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${LOG_LIMIT_BYTES}`);
  let stopped = false;
  const fallBack = () => {
    if (!stopped && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  };
  // Between two requests, never inside a transaction: while the turn's transactions wait for their common
  // commit (db/group-commit.ts), tried again after it. A failure leaves it to the next message.
  const finish = (tries: number) => {
    if (stopped || !sqlite.open) return;
    if (sqlite.inTransaction) {
      if (tries < 20) setImmediate(() => finish(tries + 1));
      return;
    }
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The next message tries again; the safety net stays.
    }
  };
  worker.on('message', () => finish(0));
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  // Never what keeps a process (a CLI command, a test) alive.
  worker.unref();
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Held while stopping: awaiting only unreferenced handles would let the process end mid-close.
      worker.ref();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 2_000)))]);
      clearTimeout(timer);
      await worker.terminate();
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
    },
    release,
  };
}
