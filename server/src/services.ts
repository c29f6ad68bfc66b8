import type { Config } from './config.ts';
import { openDatabase, optimizeSqlite } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createAuth, migrateAuth } from './features/auth/auth.ts';
import { createMailer, type Mailer } from './features/mail/mail.service.ts';
import type { AppDeps } from './http/types.ts';

/** Opens the database, runs every migration (Relais's and better-auth's) and builds the shared services. */
export async function startServices(
  config: Config,
  opts: { wrapMailer?: (mailer: Mailer) => Mailer } = {},
): Promise<AppDeps> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  const base = createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const mailer = opts.wrapMailer ? opts.wrapMailer(base) : base;
  const auth = createAuth({ config, database, mailer });
  await migrateAuth(auth);
  optimizeSqlite(database.sqlite);
  return { config, database, auth, mailer };
}
