import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** Checks the backup is a readable Relais database, then puts it in place of the current file. */
export async function restoreSqlite(dataDir: string, source: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`File not found: ${source}`);
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.prepare("select name from sqlite_master where type='table' and name='person'").get();
    if (!ok) throw new Error(`${source} is not a Relais database backup.`);
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${source} is damaged: ${String(integrity)}`);
  } finally {
    check.close();
  }
  const target = path.join(dataDir, 'relais.sqlite');
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  copyFileSync(source, target);
}
