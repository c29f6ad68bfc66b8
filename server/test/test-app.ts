import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { startServices } from '../src/services.ts';
import type { AppDeps } from '../src/http/types.ts';
import type { Mailer, OutgoingMail } from '../src/features/mail/mail.service.ts';
import type { HomeRenderer } from '../src/http/web-app.ts';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const ORIGIN = 'http://localhost:3000';

/** Creates a fresh, empty database of the given dialect and returns the env a Relais process would get. */
export async function freshDatabaseEnv(
  dialect: Dialect,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: 'silent',
    SIGN_IN_LIMIT_PER_MINUTE: '1000',
  };
  let dropDb = async () => {};
  if (dialect === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    const name = `relais_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    env.DATABASE_URL = adminUrl.replace(/\/postgres$/, `/${name}`);
    dropDb = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  return {
    env,
    cleanup: async () => {
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestContext {
  dialect: Dialect;
  app: Awaited<ReturnType<typeof buildApp>>;
  deps: AppDeps;
  /** Every mail the app tried to send, newest last (also stored in the outbox table). */
  mails: OutgoingMail[];
  close: () => Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  extraEnv: Record<string, string> = {},
  opts: { webDir?: string; homeRenderer?: () => Promise<HomeRenderer> } = {},
): Promise<TestContext> {
  const { env, cleanup } = await freshDatabaseEnv(dialect);
  const config = loadConfig({ ...env, ...extraEnv });
  const mails: OutgoingMail[] = [];
  const deps = await startServices(config, {
    wrapMailer: (real): Mailer => ({
      async send(mail) {
        mails.push(mail);
        await real.send(mail);
      },
    }),
  });
  const app = await buildApp(deps, { logger: false, ...opts });
  await app.ready();
  return {
    dialect,
    app,
    deps,
    mails,
    close: async () => {
      await app.close();
      await deps.database.close();
      await cleanup();
    },
  };
}
