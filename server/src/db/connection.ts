import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DB } from './schema.ts';
import { registerPool } from './prepared-query.ts';
import { startCheckpointer } from './checkpointer.ts';
import { GroupCommitSqliteDialect } from './group-commit.ts';
import { kept } from '../lib/kept.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /** The connection better-auth uses: the same one on SQLite, a pool with pg's default parsing on PostgreSQL. */
  authDb: Kysely<DB>;
  dialect: DialectName;
  /** Present on SQLite only: used for online backups and hot-path prepared statements. */
  sqlite: SQLite.Database | null;
  pool: pg.Pool | null;
  close(): Promise<void>;
}

// One parsing rule for both engines in Relais's own queries: timestamps as ISO strings, bigint counts as
// numbers. Per pool, not global: better-auth keeps its own pool with pg's defaults, because it compares
// expiry dates as Date objects (a string there would make expired sessions and reset links look valid).
const relaisParsers: Record<number, (v: string) => unknown> = {
  1184: (v) => new Date(v).toISOString(),
  1114: (v) => new Date(v + 'Z').toISOString(),
  20: (v) => Number(v),
  1700: (v) => Number(v),
};
const relaisTypes = (types: typeof pg.types) => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    relaisParsers[oid] ?? types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
});

/** pg, loaded only for a PostgreSQL database: evaluating it cost every SQLite start ~50 ms. */
export const loadPg = async (): Promise<typeof pg> => (await import('pg')).default;

export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  file?: string;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pg = await loadPg();
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, types: relaisTypes(pg.types) });
    const authPool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5 });
    authPool.on('error', (err) =>
      console.error(JSON.stringify({ level: 50, msg: 'idle PostgreSQL client error', err: err.message })),
    );
    const authDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: authPool }) });
    // An idle client dropped by the server (restart, failover) must not crash the process: the pool reconnects.
    pool.on('error', (err) =>
      console.error(JSON.stringify({ level: 50, msg: 'idle PostgreSQL client error', err: err.message })),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    registerPool(db, pool);
    return {
      db,
      authDb,
      dialect: 'postgres',
      sqlite: null,
      pool,
      close: async () => {
        await Promise.all([db.destroy(), authDb.destroy()]);
      },
    };
  }
  const file = opts.file ?? path.join(opts.dataDir, 'relais.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  memoisePrepare(sqlite);
  const checkpointer = file === ':memory:' ? null : startCheckpointer(sqlite, file);
  const db = new Kysely<DB>({ dialect: new GroupCommitSqliteDialect(sqlite) });
  return {
    db,
    authDb: db,
    dialect: 'sqlite',
    sqlite,
    pool: null,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
      checkpointer?.release();
    },
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; keeping prepared statements by SQL text saves that
 * (measured: person route 3.7 → 3.2 ms CPU). better-sqlite3 runs each statement synchronously, so reuse is safe.
 */
function memoisePrepare(sqlite: SQLite.Database): void {
  const statements = kept<SQLite.Statement>(2000);
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => statements(source, () => prepare(source))) as typeof sqlite.prepare;
}

/**
 * Gives SQLite's planner fresh statistics when a table has none or has grown a lot since the last ANALYZE
 * (bounded work: a few tens of ms on the 10,000-person bench database). Without them it walked a whole
 * organisation through the directory's covering index to list one team (258 → 1,200+ requests/s).
 * PostgreSQL's autovacuum keeps its own statistics.
 */
export function optimizeSqlite(sqlite: SQLite.Database | null): void {
  if (!sqlite) return;
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
