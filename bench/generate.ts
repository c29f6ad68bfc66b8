import { sql } from 'kysely';
import { personSearchText } from '../server/src/lib/search-text.ts';
/**
 * Bench data: two identical organisations (5,000 people, ~600 managers on 4 levels) built through the real
 * server code, one with three years of history and one with three months, cached as SQLite under bench/.data/.
 * `tsx bench/generate.ts [--quick] [--force]` builds the cache alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/src/config.ts';
import { startServices } from '../server/src/services.ts';
import { createPasswordUser } from '../server/src/features/auth/auth.ts';
import { createRng, type Rng } from '../server/src/demo/demo.random.ts';
import type { AppDeps } from '../server/src/http/types.ts';
import { DEPARTMENTS, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, emailPart } from './lib/names.ts';
import { benchModules } from './modules/index.ts';
import type { BenchRole, OrgFixture, PlannedPerson } from './modules/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const dataRoot = path.join(here, '.data');

export const BENCH_PASSWORD = 'bench-relais-2026';
export const BENCH_SECRET = 'bench-secret-not-for-production-0123456789';
const SEED = 20261123;
const INSERT_CHUNK = 500;

export type DatasetSize = 'full' | 'quick';
export const PEOPLE: Record<DatasetSize, number> = { full: 5000, quick: 300 };

/** The two organisations of a dataset: same people, different length of history. */
export const HISTORIES = [
  { key: 'long', name: 'Bench — 3 ans', domain: 'bench-3ans.example', months: 36 },
  { key: 'short', name: 'Bench — 3 mois', domain: 'bench-3mois.example', months: 3 },
] as const;
export type HistoryKey = (typeof HISTORIES)[number]['key'];

export interface Dataset {
  key: string;
  size: DatasetSize;
  generatedAt: string;
  /** Seconds spent generating (people, accounts, every module's data) into this engine. */
  seconds: number;
  password: string;
  orgs: Record<HistoryKey, OrgFixture>;
  /** True while no module generates history: both organisations then hold the same data. */
  historyGenerated: boolean;
}

/** The environment a Relais process gets for a bench database (SQLite in dataDir, or PostgreSQL). */
export function benchEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: BENCH_SECRET,
    SIGN_IN_LIMIT_PER_MINUTE: '100000',
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Plan: who reports to whom (pure, seeded)

/** 1 top manager, L2 heads of department, 3 L3 managers of managers each, team managers, individual contributors. */
export function planPeople(total: number, rng: Rng, domain: string): PlannedPerson[] {
  const managers = Math.round(total * 0.12);
  const l2 = Math.max(2, Math.round(total / 625));
  const l3 = l2 * 3;
  const l4 = Math.max(l3, managers - 1 - l2 - l3);
  const ics = total - 1 - l2 - l3 - l4;
  const usedEmails = new Set<string>();
  const people: PlannedPerson[] = [];

  const person = (
    level: number,
    managerId: string | null,
    department: string,
    team: string,
    jobTitle: string,
  ) => {
    const female = rng.next() < 0.5;
    const firstName = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const lastName = rng.pick(LAST_NAMES);
    const base = `${emailPart(firstName)}.${emailPart(lastName)}`;
    let local = base;
    for (let n = 2; usedEmails.has(local); n++) local = `${base}${n}`;
    usedEmails.add(local);
    const p: PlannedPerson = {
      id: crypto.randomUUID(),
      firstName,
      lastName,
      email: `${local}@${domain}`,
      managerId,
      level,
      department,
      team,
      jobTitle: jobTitle.replace('{e}', female ? 'e' : ''),
    };
    people.push(p);
    return p;
  };

  const top = person(1, null, 'Direction', 'Direction générale', 'Directeur{e} général{e}');
  const heads = Array.from({ length: l2 }, (_, i) => {
    const d = DEPARTMENTS[i % DEPARTMENTS.length]!;
    return { p: person(2, top.id, d.name, d.name, `Directeur{e} ${d.name}`), d };
  });
  const middles = Array.from({ length: l3 }, (_, i) => {
    const head = heads[i % l2]!;
    const city = head.d.cities[Math.floor(i / l2) % head.d.cities.length]!;
    const team = `${head.d.name} ${city}`;
    return { p: person(3, head.p.id, head.d.name, team, `Responsable ${team}`), d: head.d, team };
  });
  // Every manager of managers gets at least one team, the rest are spread at random (uneven, like real life).
  const teamParents = [...middles, ...Array.from({ length: l4 - l3 }, () => rng.pick(middles))];
  const teamCount = new Map<string, number>();
  const leads = teamParents.map((m) => {
    const k = (teamCount.get(m.p.id) ?? 0) + 1;
    teamCount.set(m.p.id, k);
    const team = `${m.team} ${k}`;
    return { p: person(4, m.p.id, m.d.name, team, "Chef{e} d'équipe"), d: m.d, team };
  });
  // At least three people per team, the rest at random.
  const icLeads = [
    ...leads.flatMap((l) => [l, l, l]).slice(0, ics),
    ...Array.from({ length: Math.max(0, ics - leads.length * 3) }, () => rng.pick(leads)),
  ];
  for (const l of icLeads) person(5, l.p.id, l.d.name, l.team, rng.pick(l.d.titles));
  return people;
}

function subtreeSizes(people: readonly PlannedPerson[]): Map<string, number> {
  const sizes = new Map<string, number>();
  // Reports come after their managers in the plan: walking backwards adds each subtree before its root.
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i]!;
    if (p.managerId) sizes.set(p.managerId, (sizes.get(p.managerId) ?? 0) + 1 + (sizes.get(p.id) ?? 0));
  }
  return sizes;
}

/** The accounts that sign in: the top (admin), a manager of managers with ~200 below, one of their team managers, a team member. */
function pickAccounts(people: readonly PlannedPerson[]): Record<BenchRole, PlannedPerson> {
  const sizes = subtreeSizes(people);
  const closest = (candidates: PlannedPerson[], size: (p: PlannedPerson) => number, want: number) =>
    candidates.reduce((best, p) => (Math.abs(size(p) - want) < Math.abs(size(best) - want) ? p : best));
  const admin = people[0]!;
  const managerOfManagers = closest(
    people.filter((p) => p.level === 3),
    (p) => sizes.get(p.id) ?? 0,
    200,
  );
  const directReports = (m: PlannedPerson) => people.filter((p) => p.managerId === m.id);
  const manager = closest(
    directReports(managerOfManagers).filter((p) => p.level === 4),
    (p) => sizes.get(p.id) ?? 0,
    8,
  );
  const member = directReports(manager)[0]!;
  return { admin, managerOfManagers, manager, member };
}

// ---------------------------------------------------------------------------------------------------------
// Generation through the real server code

async function generateOrganisation(
  deps: AppDeps,
  history: (typeof HISTORIES)[number],
  total: number,
  now: Date,
  log: (line: string) => void,
): Promise<OrgFixture> {
  const db = deps.database.db;
  const rng = createRng(SEED);
  const people = planPeople(total, rng, history.domain);
  const orgId = crypto.randomUUID();
  const iso = now.toISOString();
  const hired = (p: PlannedPerson) =>
    new Date(now.getTime() - (p.level === 1 ? 8 : 1 + rng.next() * 6) * 365 * 86_400_000).toISOString();

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisation')
      .values({ id: orgId, name: history.name, default_locale: 'fr', created_at: iso })
      .execute();
    const rows = people.map((p) => ({
      id: p.id,
      org_id: orgId,
      user_id: null,
      email: p.email,
      first_name: p.firstName,
      last_name: p.lastName,
      job_title: p.jobTitle,
      job_description: '',
      team: p.team,
      manager_id: p.managerId,
      is_admin: p.level === 1 ? 1 : 0,
      locale: 'fr',
      status: 'active',
      created_at: hired(p),
      updated_at: iso,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('person')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    // The folded search column the directory search reads (insertPerson fills it; bulk inserts do it here).
    for (const r of rows) {
      await sql`update person set search_text = ${personSearchText(r)} where id = ${r.id}`.execute(trx);
    }
  });

  const picked = pickAccounts(people);
  const accounts = {} as OrgFixture['accounts'];
  for (const [role, p] of Object.entries(picked) as [BenchRole, PlannedPerson][]) {
    const name = `${p.firstName} ${p.lastName}`;
    const user = await createPasswordUser(deps.auth, { email: p.email, name, password: BENCH_PASSWORD });
    await db
      .updateTable('person')
      .set({ user_id: user.id, status: 'active' })
      .where('id', '=', p.id)
      .execute();
    accounts[role] = { email: p.email, personId: p.id, name };
  }

  const fixture: OrgFixture = {
    orgId,
    name: history.name,
    historyMonths: history.months,
    people: people.length,
    managers: new Set(people.map((p) => p.managerId).filter(Boolean)).size,
    accounts,
    ids: {},
    counts: { person: people.length },
  };
  for (const [i, m] of benchModules.entries()) {
    if (!m.generate) continue;
    const started = performance.now();
    // Same seed for both organisations: they differ only by how far back the history goes.
    await m.generate({ db, deps, fixture, people, rng: createRng(SEED + 1000 * (i + 1)), now, log });
    log(`  ${history.name}: ${m.name} data in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return fixture;
}

/** Generates both organisations into the database behind deps (SQLite or PostgreSQL). */
export async function generateInto(
  deps: AppDeps,
  size: DatasetSize,
  log: (line: string) => void = console.log,
): Promise<Dataset> {
  const started = performance.now();
  const now = new Date();
  const orgs = {} as Record<HistoryKey, OrgFixture>;
  for (const h of HISTORIES) orgs[h.key] = await generateOrganisation(deps, h, PEOPLE[size], now, log);
  if (deps.database.dialect === 'postgres') {
    // Autovacuum would analyse the freshly loaded tables within a minute; the bench does not wait for it.
    await deps.database.pool!.query('analyze');
  }
  return {
    key: datasetKey(size),
    size,
    generatedAt: now.toISOString(),
    seconds: (performance.now() - started) / 1000,
    password: BENCH_PASSWORD,
    orgs,
    historyGenerated: benchModules.some((m) => m.name !== 'foundation' && m.generate),
  };
}

// ---------------------------------------------------------------------------------------------------------
// SQLite cache

function filesUnder(dir: string, filter: (f: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(filter)
    .sort()
    .map((f) => path.join(dir, f));
}

/** Changes whenever a migration, the generator, a module's data or better-auth's schema may have changed. */
export function datasetKey(size: DatasetSize): string {
  const hash = createHash('sha256').update(`size=${size};people=${PEOPLE[size]}\n`);
  const files = [
    ...filesUnder(path.join(repoRoot, 'server/src/db/migrations'), (f) => f.endsWith('.ts')),
    path.join(repoRoot, 'server/src/db/migrate.ts'),
    path.join(here, 'generate.ts'),
    path.join(here, 'lib/names.ts'),
    ...filesUnder(path.join(here, 'modules'), (f) => f.endsWith('.ts')),
    // History generators shared with `relais demo`.
    ...filesUnder(path.join(repoRoot, 'server/src/demo'), (f) => f.endsWith('.history.ts')),
    // The weekly review draw the delegation history reproduces.
    path.join(repoRoot, 'core/domain/autonomy.ts'),
    path.join(repoRoot, 'node_modules/better-auth/package.json'),
  ];
  for (const f of files)
    hash.update(path.relative(repoRoot, f)).update('\0').update(readFileSync(f)).update('\0');
  return `${size}-${hash.digest('hex').slice(0, 16)}`;
}

export interface CachedDataset {
  dataset: Dataset;
  /** The cached SQLite file: copy it before running anything that writes. */
  file: string;
  fromCache: boolean;
}

export async function ensureSqliteDataset(
  size: DatasetSize,
  opts: { force?: boolean; log?: (line: string) => void } = {},
): Promise<CachedDataset> {
  const log = opts.log ?? console.log;
  const key = datasetKey(size);
  const dir = path.join(dataRoot, key);
  const file = path.join(dir, 'relais.sqlite');
  const meta = path.join(dir, 'dataset.json');
  if (!opts.force && existsSync(file) && existsSync(meta)) {
    return { dataset: JSON.parse(readFileSync(meta, 'utf8')) as Dataset, file, fromCache: true };
  }
  mkdirSync(dataRoot, { recursive: true });
  for (const old of readdirSync(dataRoot)) {
    if (old.startsWith(`${size}-`) || old.startsWith(`tmp-${size}-`))
      rmSync(path.join(dataRoot, old), { recursive: true, force: true });
  }
  const tmp = path.join(dataRoot, `tmp-${key}`);
  mkdirSync(tmp, { recursive: true });
  log(`Generating the ${size} dataset (${PEOPLE[size]} people × 2 organisations) into SQLite…`);
  const deps = await startServices(loadConfig(benchEnv(tmp)));
  let dataset: Dataset;
  try {
    dataset = await generateInto(deps, size, log);
    deps.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await deps.database.close();
  }
  writeFileSync(path.join(tmp, 'dataset.json'), JSON.stringify(dataset, null, 2));
  renameSync(tmp, dir);
  log(`Generated in ${dataset.seconds.toFixed(1)} s → ${path.relative(repoRoot, dir)}`);
  return { dataset, file, fromCache: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size: DatasetSize = process.argv.includes('--quick') ? 'quick' : 'full';
  const { dataset, fromCache } = await ensureSqliteDataset(size, { force: process.argv.includes('--force') });
  console.log(
    `${fromCache ? 'Cached' : 'Built'} dataset ${dataset.key}: generated in ${dataset.seconds.toFixed(1)} s` +
      (dataset.historyGenerated
        ? ''
        : ' (no module generates history yet: both organisations hold the same data)'),
  );
}
