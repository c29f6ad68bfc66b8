import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { emailField, passwordField } from '../../core/api/common.schemas.ts';
import { signInPageFile } from '../../core/api/prerendered.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { startServices } from './services.ts';
import { createOrganisationWithAdmin } from './features/organisations/organisation.service.ts';
import { importPeople } from './features/people/import.service.ts';
import { fromFlag } from './db/dialect.ts';
import { webDistDir } from './app.ts';

const usage = `Relais — passer du faire au faire faire

Usage: relais <command> [options]

  serve                      start the web server (default command)
  migrate                    apply database migrations, then exit
  create-admin               create an organisation and its first admin
        --org NAME --email EMAIL --first-name NAME --last-name NAME [--password PASS] [--locale fr|en]
        (asks for the password when not given; reads RELAIS_ADMIN_PASSWORD too)
  import-people FILE         import people from a CSV file into the organisation
        [--org NAME] [--dry-run]      (prints the preview; writes only without --dry-run)
  backup FILE                copy the SQLite database to FILE while Relais runs
  restore FILE               replace the SQLite database with FILE (stop Relais first)
  demo                       fill a fictitious French sales organisation and print how to sign in

Configuration comes from environment variables: see README.md.`;

function flags(args: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = true;
  }
  return out;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

async function ensureWebBuild(): Promise<void> {
  // A build from before the pre-rendered sign-in page counts as missing: the page would only be slower.
  const built = ['index.html', signInPageFile('fr', false)];
  if (built.every((f) => existsSync(path.join(webDistDir, f)))) return;
  console.log('Building the web interface (first start only)…');
  const vite = await import('vite');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  await vite.build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}

async function askPassword(): Promise<string> {
  if (process.env.RELAIS_ADMIN_PASSWORD) return process.env.RELAIS_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) fail('--password is required when no terminal is attached.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (10 characters or more): ');
  rl.close();
  return answer;
}

export async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  const opts = flags(rest);
  switch (command) {
    case 'serve': {
      await ensureWebBuild();
      const { serve } = await import('./main.ts');
      await serve();
      return;
    }
    case 'migrate': {
      const services = await startServices(config());
      console.log(`Database is up to date (${services.database.dialect}).`);
      await services.database.close();
      return;
    }
    case 'create-admin': {
      const input = z
        .object({
          organisationName: z.string().trim().min(1, '--org is required'),
          email: emailField,
          firstName: z.string().trim().min(1, '--first-name is required'),
          lastName: z.string().trim().min(1, '--last-name is required'),
          password: passwordField,
          locale: z.enum(['fr', 'en']).default('fr'),
        })
        .safeParse({
          organisationName: opts.org,
          email: opts.email,
          firstName: opts['first-name'],
          lastName: opts['last-name'],
          password: typeof opts.password === 'string' ? opts.password : await askPassword(),
          locale: typeof opts.locale === 'string' ? opts.locale : undefined,
        });
      if (!input.success)
        fail(input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
      const services = await startServices(config());
      const { orgId } = await createOrganisationWithAdmin(services.database.db, services.auth, input.data);
      console.log(
        `Organisation "${input.data.organisationName}" (${orgId}) created; ${input.data.email} can sign in.`,
      );
      await services.database.close();
      return;
    }
    case 'import-people': {
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) fail('Usage: relais import-people FILE [--org NAME] [--dry-run]');
      if (!existsSync(file)) fail(`File not found: ${file}`);
      const services = await startServices(config());
      const db = services.database.db;
      const orgs = await db.selectFrom('organisation').select(['id', 'name']).execute();
      const org =
        typeof opts.org === 'string'
          ? orgs.find((o) => o.name === opts.org)
          : orgs.length === 1
            ? orgs[0]
            : undefined;
      if (!org)
        fail(
          orgs.length === 0
            ? 'No organisation yet: run `relais create-admin` first.'
            : 'Several organisations: name one with --org.',
        );
      const adminRow = await db
        .selectFrom('person')
        .selectAll()
        .where('org_id', '=', org.id)
        .where('is_admin', '=', 1)
        .orderBy('created_at')
        .executeTakeFirst();
      if (!adminRow) fail('This organisation has no admin.');
      const actor = {
        userId: adminRow.user_id ?? '',
        personId: adminRow.id,
        orgId: org.id,
        isAdmin: fromFlag(adminRow.is_admin),
        locale: 'en' as const,
        twoFactorEnabled: false,
      };
      const result = await importPeople(db, actor, {
        csv: readFileSync(file, 'utf8'),
        confirm: opts['dry-run'] !== true,
      });
      for (const e of result.errors) console.log(`line ${e.line}: ${e.message}`);
      console.log(
        `${result.counts.create} to create, ${result.counts.update} to update, ${result.counts.unchanged} unchanged, ${result.counts.errors} errors — ${result.confirmed ? 'written' : 'nothing written'}.`,
      );
      await services.database.close();
      return;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) fail('Usage: relais backup FILE');
      const cfg = config();
      if (cfg.databaseUrl)
        fail(
          'DATABASE_URL points to PostgreSQL: back it up with pg_dump (for example `pg_dump -Fc "$DATABASE_URL" > relais.dump`).',
        );
      const services = await startServices(cfg);
      await services.database.sqlite!.backup(path.resolve(file));
      await services.database.close();
      console.log(`Backup written to ${path.resolve(file)}.`);
      return;
    }
    case 'restore': {
      const file = rest[0];
      if (!file) fail('Usage: relais restore FILE');
      const cfg = config();
      if (cfg.databaseUrl)
        fail(
          'DATABASE_URL points to PostgreSQL: restore it with pg_restore (for example `pg_restore -d "$DATABASE_URL" --clean relais.dump`).',
        );
      const { restoreSqlite } = await import('./db/backup.ts');
      await restoreSqlite(cfg.dataDir, path.resolve(file));
      console.log('Database restored. Start Relais again.');
      return;
    }
    case 'demo': {
      const { runDemo } = await import('./demo/demo.ts');
      const services = await startServices(config());
      await runDemo(services);
      await services.database.close();
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      console.error(`Unknown command: ${command}\n`);
      console.log(usage);
      process.exit(1);
  }
}
