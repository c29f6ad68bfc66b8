import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from './group-commit.ts';

interface T {
  t: { id: number; v: string };
  parent: { id: number };
  child: { id: number; parent_id: number };
}

describe('GroupCommitSqliteDialect', () => {
  let dir = '';
  let file = '';
  let sqlite: SQLite.Database;
  let db: Kysely<T>;
  /** Another connection on the same file: it sees only what is committed. */
  let other: SQLite.Database;
  const committedRows = () =>
    (other.prepare('select id from t order by id').all() as { id: number }[]).map((r) => r.id);
  const walBytes = () => statSync(`${file}-wal`).size;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relais-group-'));
    file = path.join(dir, 'db.sqlite');
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(`create table t (id integer primary key, v text not null);
      create table parent (id integer primary key);
      create table child (id integer primary key,
        parent_id integer not null references parent (id) deferrable initially deferred);`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db = new Kysely<T>({ dialect: new GroupCommitSqliteDialect(sqlite) });
    other = new SQLite(file, { readonly: true });
  });
  afterEach(async () => {
    other.close();
    if (sqlite.open) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: number) =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('t')
        .values({ id, v: `row ${id}` })
        .execute();
      return id;
    });

  it('commits the transactions of one turn together, each answered only once committed', async () => {
    const seenDuring: number[][] = [];
    const first = insert(1);
    const second = db.transaction().execute(async (trx) => {
      // The first transaction has ended, but it is not committed yet: another connection does not see it.
      seenDuring.push(committedRows());
      await trx.insertInto('t').values({ id: 2, v: 'row 2' }).execute();
    });
    const rest = Array.from({ length: 18 }, (_, i) => insert(i + 3));
    expect(await first).toBe(1);
    // Answered: committed with all the others of the turn.
    expect(committedRows()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await Promise.all([second, ...rest]);
    expect(seenDuring).toEqual([[]]);
  });

  it('writes the log once for a turn of twenty transactions, twenty times for twenty turns', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => insert(i + 1)));
    const grouped = walBytes();
    for (let i = 21; i <= 40; i++) await insert(i);
    const oneByOne = walBytes() - grouped;
    const frame = 4096 + 24;
    // The twenty rows share one page: one frame for the turn (two at most, with the header's own).
    expect(grouped).toBeLessThanOrEqual(32 + 2 * frame);
    expect(oneByOne).toBeGreaterThanOrEqual(20 * frame);
    expect(committedRows()).toHaveLength(40);
  });

  it('a transaction that fails undoes only its own writes; the others of the turn are committed', async () => {
    const results = await Promise.allSettled([
      insert(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 2, v: 'row 2' }).execute();
        throw new Error('refused');
      }),
      // A constraint failing inside a transaction: its first write is undone with it.
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 3, v: 'row 3' }).execute();
        await trx.insertInto('t').values({ id: 1, v: 'again' }).execute();
      }),
      insert(4),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('refused');
    expect((results[2] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE constraint failed: t\.id/);
    expect(committedRows()).toEqual([1, 4]);
  });

  it('when the common commit fails, every transaction of the turn fails and none of their writes stays', async () => {
    await db.insertInto('parent').values({ id: 1 }).execute();
    const results = await Promise.allSettled([
      insert(1),
      // Checked at the commit only (a deferred foreign key): the whole turn's commit is refused.
      db.transaction().execute((trx) => trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute()),
      insert(2),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/FOREIGN KEY constraint failed/);
    expect(committedRows()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
    // The next turn starts afresh.
    await insert(3);
    expect(committedRows()).toEqual([3]);
  });

  it('a write outside any transaction joins the turn and is answered once committed; reads see the turn', async () => {
    const tx = insert(1);
    const single = db.insertInto('t').values({ id: 2, v: 'alone' }).execute();
    const read = db.selectFrom('t').select('id').orderBy('id').execute();
    expect((await read).map((r) => r.id)).toEqual([1, 2]);
    await single;
    expect(committedRows()).toEqual([1, 2]);
    await tx;
    // A statement that cannot run inside a transaction still can: the open turn is committed before it.
    const before = insert(3);
    await sql`vacuum`.execute(db);
    expect(committedRows()).toEqual([1, 2, 3]);
    await before;
  });

  it('two connections on one file (two instances) write in the same turns without waiting on each other', async () => {
    const second = new SQLite(file);
    // Were a connection to wait in SQLite (which holds the thread) for the other's lock, this test would hang.
    for (const c of [sqlite, second]) c.pragma('busy_timeout = 10000');
    const db2 = new Kysely<T>({ dialect: new GroupCommitSqliteDialect(second) });
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? db2 : db).transaction().execute((trx) =>
            trx
              .insertInto('t')
              .values({ id: i + 1, v: `row ${i + 1}` })
              .execute(),
          ),
        ),
      );
      expect(committedRows()).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    } finally {
      await db2.destroy();
    }
  });

  it('commits what is open when the database is closed', async () => {
    let ended = false;
    const pending = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 1, v: 'row 1' }).execute();
      ended = true;
    });
    while (!ended) await Promise.resolve();
    expect(committedRows()).toEqual([]);
    await db.destroy();
    await pending;
    expect(committedRows()).toEqual([1]);
  });
});
