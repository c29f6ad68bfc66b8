import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type SQLite from 'better-sqlite3';

/**
 * Kysely's SQLite dialect, with group commit: the writes of one event-loop turn are committed together.
 *
 * A commit in WAL mode appends every page the transaction changed to the log, with its own write calls and
 * log-index update: ~50 µs for a weekly OKR review (3–4 pages), a sixth of the request's CPU, and pages the
 * checkpoint must copy back later. Under load, the fifty requests answered in one turn change the same few
 * pages (a table's last leaf, the audit log's), fifty times over.
 *
 * So the first write of a turn opens a transaction of its own (`BEGIN IMMEDIATE`: the write lock, taken before
 * anything is read), and each transaction (`db.transaction()`) runs inside it as a savepoint: its rollback
 * undoes only its own work, as before. A write outside any transaction (one INSERT, UPDATE or DELETE) joins
 * it as it is; when such a statement fails, SQLite undoes that statement only. Once the turn's callbacks have
 * run (`setImmediate`), one `COMMIT` writes them all. A transaction's `execute()`, or a lone write's, resolves
 * only after that commit: nothing is answered as saved before it is. Should the commit fail (disk full, I/O
 * error), every write of the batch fails with it, and they are undone together.
 *
 * What does not change: one connection, so one user of it at a time (a transaction holds it from its start to
 * its end, as with Kysely's driver); reads run at once, inside the open batch when there is one, and see what
 * it wrote (only a failed commit could then have shown them something that was undone). Any other statement
 * that writes (schema, pragma, `VACUUM`) first commits the open batch, then runs on its own. Savepoints
 * inside a transaction are not supported (nothing uses them). PostgreSQL is not concerned.
 *
 * Measured on the bench's write scenarios (8 s runs, 50 connections): OKR review 400 → ~300 µs
 * of CPU per request, one-to-one topic 221 → 129–159, profile edit 391 → 244–278; checkpoint status (its
 * card lock no longer spans the commit, see card.service.ts) 243 → 215–219.
 */
export class GroupCommitSqliteDialect implements Dialect {
  readonly #db: SQLite.Database;
  constructor(db: SQLite.Database) {
    this.#db = db;
  }
  createDriver(): Driver {
    return new GroupCommitDriver(this.#db);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

const SAVEPOINT = 'relais_tx';
/** How long a batch waits for another connection's write lock before failing (SQLite's busy_timeout here). */
const LOCK_WAIT_MS = 5_000;

interface Batch {
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch whose only transaction rolled back has nobody waiting on it.
  done.catch(() => {});
  return { done, resolve, reject };
}

/** One holder at a time, served in the order they asked. */
class Mutex {
  #held = false;
  readonly #waiting: (() => void)[] = [];
  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

class GroupCommitDriver implements Driver {
  readonly #db: SQLite.Database;
  readonly #mutex = new Mutex();
  readonly #connection: GroupCommitConnection;
  /** The open batch: its transactions are released savepoints, waiting for the turn's COMMIT. */
  #batch: Batch | null = null;
  #flushScheduled = false;
  /** The connection's own wait for a lock, for statements outside batches. */
  readonly #busyTimeout: number;
  /** Set by a commit, read by the release that follows it: what that transaction's caller waits for. */
  #committed: Promise<void> | null = null;

  constructor(db: SQLite.Database) {
    this.#db = db;
    this.#busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    this.#connection = new GroupCommitConnection(db, {
      commitBatch: () => this.#commitBatch(),
      join: async (write) => {
        const batch = await this.#openBatch();
        try {
          const result = write();
          this.#committed = batch.done;
          return result;
        } catch (error) {
          if (!db.inTransaction) this.#lost();
          throw error;
        }
      },
    });
  }

  /**
   * The open batch, begun (and its commit scheduled) if there is none. `BEGIN IMMEDIATE` takes the write lock
   * before anything is read. Another connection may hold it (another instance on the same file, its batch
   * open until its turn ends): waiting for it here, off the event loop, lets that instance, should it run in
   * this process, commit meanwhile; SQLite's own wait (busy_timeout) would hold the thread.
   */
  async #openBatch(): Promise<Batch> {
    if (!this.#db.inTransaction) {
      const giveUpAt = Date.now() + LOCK_WAIT_MS;
      for (;;) {
        try {
          this.#begin();
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > giveUpAt) throw error;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
      this.#batch = newBatch();
    }
    this.#batch ??= newBatch();
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => void this.#flush());
    }
    return this.#batch;
  }

  #begin(): void {
    this.#db.pragma('busy_timeout = 0');
    try {
      this.#run('BEGIN IMMEDIATE');
    } finally {
      this.#db.pragma(`busy_timeout = ${this.#busyTimeout}`);
    }
  }

  /** SQLite undid the whole batch (a statement failing that way): the writes released before are gone. */
  #lost(): void {
    this.#batch?.reject(
      new Error('SQLite rolled back the transaction: the writes of this batch were undone'),
    );
    this.#batch = null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    await this.#openBatch();
    this.#run(`SAVEPOINT ${SAVEPOINT}`);
    this.#connection.inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    this.#run(`RELEASE ${SAVEPOINT}`);
    this.#connection.inTransaction = false;
    this.#committed = this.#batch!.done;
  }

  async rollbackTransaction(): Promise<void> {
    this.#connection.inTransaction = false;
    if (this.#db.inTransaction) {
      this.#run(`ROLLBACK TO ${SAVEPOINT}`);
      this.#run(`RELEASE ${SAVEPOINT}`);
      return;
    }
    this.#lost();
  }

  async releaseConnection(): Promise<void> {
    const committed = this.#committed;
    this.#committed = null;
    this.#mutex.unlock();
    if (committed) await committed;
  }

  async destroy(): Promise<void> {
    await this.#flush();
    this.#db.close();
  }

  /** The turn's transactions have run: commit them together (after any transaction still in progress). */
  async #flush(): Promise<void> {
    this.#flushScheduled = false;
    await this.#mutex.lock();
    try {
      this.#commitBatch();
    } finally {
      this.#mutex.unlock();
    }
  }

  /** Only while holding the connection, between transactions. */
  #commitBatch(): void {
    const batch = this.#batch;
    this.#batch = null;
    if (!this.#db.open || !this.#db.inTransaction) {
      batch?.resolve();
      return;
    }
    try {
      this.#run('COMMIT');
    } catch (error) {
      try {
        if (this.#db.inTransaction) this.#run('ROLLBACK');
      } finally {
        batch?.reject(error);
      }
      return;
    }
    batch?.resolve();
  }

  #run(sql: string): void {
    this.#db.prepare(sql).run();
  }
}

interface BatchHooks {
  /** Commits the open batch now (the connection is held, between transactions). */
  commitBatch(): void;
  /** Runs a write in the open batch; its caller waits for the batch's commit when it releases the connection. */
  join<T>(write: () => T): Promise<T>;
}

/** Rows changed by `INSERT`, `UPDATE`, `DELETE` (a `WITH` that is not read-only is one of them). */
const DML = /^\s*(insert|update|delete|replace|with)\b/i;

class GroupCommitConnection implements DatabaseConnection {
  readonly #db: SQLite.Database;
  readonly #hooks: BatchHooks;
  /** Inside a transaction (between its savepoint and its release or rollback). */
  inTransaction = false;

  constructor(db: SQLite.Database, hooks: BatchHooks) {
    this.#db = db;
    this.#hooks = hooks;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#db.prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    const execute = (): QueryResult<R> => {
      if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
      const { changes, lastInsertRowid } = stmt.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    };
    if (this.inTransaction || stmt.readonly) return Promise.resolve(execute());
    // A write on its own joins the turn's batch, as a one-statement transaction (a failing statement undoes
    // only itself); anything else (schema, pragma, vacuum) runs alone, after the batch is committed.
    if (DML.test(compiled.sql)) return this.#hooks.join(execute);
    if (this.#db.inTransaction) this.#hooks.commitBatch();
    return Promise.resolve(execute());
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.#db.prepare(compiled.sql);
    if (!stmt.reader) throw new Error('Only a query returning rows can be streamed');
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}
