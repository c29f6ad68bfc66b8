import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type pg from 'pg';
import { isPostgres } from './dialect.ts';
import type { DB } from './schema.ts';

type Q = Kysely<DB> | Transaction<DB>;
const PLACEHOLDER = '\u0000relais-param:';

/**
 * PostgreSQL pools of the Kysely instances that own them (registered by openDatabase). Outside a transaction
 * a prepared query runs on the pool as a named statement: PostgreSQL parses and plans it once per connection
 * instead of on every call (the meeting and card queries, with their subqueries and unions, cost more to plan
 * than to run). Inside a transaction it goes through Kysely, on the transaction's connection.
 */
const pools = new WeakMap<object, pg.Pool>();
export function registerPool(db: Kysely<DB>, pool: pg.Pool): void {
  pools.set(db, pool);
}
let statements = 0;

/**
 * A hot-path query built and compiled by Kysely once per engine, then run with fresh parameters. For the
 * queries that open a meeting, building and compiling cost about twice as much CPU as SQLite's execution
 * (measured with the bench dataset); with the SQL text fixed, SQLite's statement cache is reused as well.
 *
 * `build` writes the query with `p('name')` wherever a run-time value goes; every call passes them all.
 * The shape of the query must not depend on the values (write `x > p('from')` rather than an `$if`).
 */
export function preparedQuery<P extends string, R>(
  build: (db: Q, p: (name: P) => string) => Compilable<R>,
): (db: Q, params: Readonly<Record<P, string | number | null>>) => Promise<R[]> {
  const compiled = new Map<boolean, CompiledQuery<R>>();
  const name = `relais_q${++statements}`;
  return async (db, params) => {
    const pg = isPostgres(db as unknown as Kysely<unknown>);
    let query = compiled.get(pg);
    if (!query) {
      query = build(db, (name) => PLACEHOLDER + name).compile();
      compiled.set(pg, query);
    }
    const values = query.parameters.map((v) =>
      typeof v === 'string' && v.startsWith(PLACEHOLDER) ? params[v.slice(PLACEHOLDER.length) as P] : v,
    );
    const pool = pg ? pools.get(db) : undefined;
    if (pool) return (await pool.query<R & object>({ name, text: query.sql, values })).rows;
    const { rows } = await db.executeQuery(CompiledQuery.raw(query.sql, values) as CompiledQuery<R>);
    return rows;
  };
}
