import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

/** The few places where SQLite and PostgreSQL differ are decided here, once. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type for instants: ISO text on SQLite, timestamptz on PostgreSQL (both read back as ISO strings). */
export function timestampType(db: Kysely<unknown>): 'text' | 'timestamptz' {
  return isPostgres(db) ? 'timestamptz' : 'text';
}

/** Booleans are stored as 0/1 integers on both engines so that binding and reading never differ. */
export const toFlag = (v: boolean): number => (v ? 1 : 0);
export const fromFlag = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

/** Case-insensitive "contains" that behaves the same on both engines. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

export const nowIso = (): string => new Date().toISOString();
