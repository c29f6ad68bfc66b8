import { copyFileSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';

/** Rows the database file holds on its own, without its write-ahead log: what a checkpoint copied there. */
function rowsInMainFile(file: string, dir: string): number {
  const copy = path.join(dir, `copy-${crypto.randomUUID()}.sqlite`);
  copyFileSync(file, copy);
  const db = new SQLite(copy, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from t').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('startCheckpointer', () => {
  let dir = '';
  let sqlite: SQLite.Database | null = null;
  let checkpointer: Checkpointer | null = null;
  afterEach(async () => {
    await checkpointer?.stop();
    sqlite?.close();
    checkpointer?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relais-ckpt-'));
    const file = path.join(dir, 'db.sqlite');
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table t (id integer primary key, v text)');
    // Everything from here on stays in the log until a checkpoint copies it.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { db: sqlite, file };
  };

  it('copies committed writes into the database file in the background, off the writing connection', async () => {
    const { db, file } = open();
    checkpointer = startCheckpointer(db, file, 50);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000);
    const insert = db.prepare('insert into t (v) values (?)');
    for (let i = 0; i < 200; i++) insert.run(`row ${i}`);
    let seen = 0;
    for (let tries = 0; tries < 100 && seen < 200; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = rowsInMainFile(file, dir);
    }
    expect(seen).toBe(200);
  });

  it('keeps the log small under a sustained stream of writes: it starts over instead of growing', async () => {
    const { db, file } = open();
    db.pragma('synchronous = NORMAL');
    checkpointer = startCheckpointer(db, file, 20);
    const insert = db.prepare('insert into t (v) values (?)');
    // Twenty pages per commit, 1,000 commits (~80 MB of log if it never started over), the event loop free
    // between commits as between a server's requests: the server's connection finishes what the worker copied.
    const page = 'x'.repeat(3_500);
    const many = db.transaction((n: number) => {
      for (let i = 0; i < 20; i++) insert.run(`${n} ${i} ${page}`);
    });
    let largest = 0;
    for (let n = 0; n < 1_000; n++) {
      many(n);
      largest = Math.max(largest, statSync(`${file}-wal`).size);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(largest).toBeLessThan(40 * 1024 * 1024);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
  });

  it('without it, the same writes stay in the log (the check above can fail)', async () => {
    const { db, file } = open();
    const insert = db.prepare('insert into t (v) values (?)');
    for (let i = 0; i < 200; i++) insert.run(`row ${i}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(rowsInMainFile(file, dir)).toBe(0);
  });

  it('holds a descriptor on the database file until released, after the connection is closed', async () => {
    const { db, file } = open();
    const descriptors = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false;
        }
      }).length;
    checkpointer = startCheckpointer(db, file, 50);
    await checkpointer.stop();
    db.close();
    // Stopped, and no connection left: only the checkpointer's own descriptor.
    expect(descriptors()).toBe(1);
    checkpointer.release();
    expect(descriptors()).toBe(0);
  });

  it('gives the writing connection back its usual threshold once stopped', async () => {
    const { db, file } = open();
    checkpointer = startCheckpointer(db, file, 50);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
  });
});
