import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabaseEnv } from './test-app.ts';

const relais = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['bin/relais.mjs', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe.each(DIALECTS)('relais command line on %s', (dialect) => {
  it('create-admin, import-people (dry run then real, then idempotent), and backup/restore', async () => {
    const { env, cleanup } = await freshDatabaseEnv(dialect);
    try {
      const bad = relais(
        [
          'create-admin',
          '--org',
          'Ventes',
          '--email',
          'pas-un-email',
          '--first-name',
          'A',
          '--last-name',
          'B',
          '--password',
          'un-long-mot-de-passe',
        ],
        env,
      );
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('email:');
      const ok = relais(
        [
          'create-admin',
          '--org',
          'Ventes',
          '--email',
          'rh@example.com',
          '--first-name',
          'Rose',
          '--last-name',
          'Hamon',
          '--password',
          'un-long-mot-de-passe',
        ],
        env,
      );
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/Organisation "Ventes" \(.+\) created; rh@example.com can sign in\./);

      const csv = path.join(env.DATA_DIR!, 'people.csv');
      writeFileSync(
        csv,
        'first name,last name,email,manager email\nIrène,Caron,irene@example.com,rh@example.com\nBad,Row,nope,\n',
      );
      const dry = relais(['import-people', csv, '--dry-run'], env);
      expect(dry.stdout).toContain('line 3: “E-mail” must be a valid e-mail address.');
      expect(dry.stdout).toContain('1 to create, 0 to update, 0 unchanged, 1 errors — nothing written.');
      expect(relais(['import-people', csv], env).stdout).toContain(
        '1 to create, 0 to update, 0 unchanged, 1 errors — written.',
      );
      expect(relais(['import-people', csv], env).stdout).toContain(
        '0 to create, 0 to update, 1 unchanged, 1 errors — nothing written.',
      );

      const backupFile = path.join(env.DATA_DIR!, 'backup.sqlite');
      const backup = relais(['backup', backupFile], env);
      if (dialect === 'postgres') {
        expect(backup.status).toBe(1);
        expect(backup.stderr).toContain('pg_dump');
      } else {
        expect(backup.status).toBe(0);
        expect(existsSync(backupFile)).toBe(true);
        const restore = relais(['restore', backupFile], env);
        expect(restore.stdout).toContain('Database restored.');
        const notDb = path.join(env.DATA_DIR!, 'people.csv');
        const refused = relais(['restore', notDb], env);
        expect(refused.status).not.toBe(0);
      }
    } finally {
      await cleanup();
    }
  }, 180_000);
});
