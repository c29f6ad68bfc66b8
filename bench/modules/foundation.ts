import { DEPARTMENTS } from '../lib/names.ts';
import type { BenchModule, GenerateContext } from './types.ts';

const SKILL_CHUNK = 500;

/** Skills for everyone (0–5 each, from their department), and the ids the directory scenarios use. */
async function generate(ctx: GenerateContext): Promise<void> {
  const { db, fixture, people, rng } = ctx;
  const skillsOf = new Map(DEPARTMENTS.map((d) => [d.name, d.skills]));
  const rows = people.flatMap((p) => {
    const pool = rng.shuffle(skillsOf.get(p.department) ?? []);
    const n = rng.int(0, Math.min(5, pool.length));
    return pool.slice(0, n).map((name) => ({
      id: crypto.randomUUID(),
      org_id: fixture.orgId,
      person_id: p.id,
      name,
      level: Math.min(4, Math.max(1, (p.level <= 4 ? 3 : 2) + rng.int(-1, 1))),
    }));
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += SKILL_CHUNK) {
      await trx
        .insertInto('person_skill')
        .values(rows.slice(i, i + SKILL_CHUNK))
        .execute();
    }
  });
  fixture.counts.person_skill = rows.length;
  const manager = fixture.accounts.manager.personId;
  const report = people.find((p) => p.managerId === manager && p.id !== fixture.accounts.member.personId);
  if (!report) throw new Error('the bench manager has no direct report');
  fixture.ids['foundation.directReport'] = report.id;
}

/** The foundation: the manager's home, the directory, one profile, teams, the org chart; one profile edit. */
export const foundation: BenchModule = {
  name: 'foundation',
  generate,
  scenarios: [
    {
      id: 'home',
      title: "Manager's home (GET /api/me)",
      kind: 'read',
      as: 'manager',
      request: () => ({ method: 'GET', path: '/api/me' }),
    },
    {
      id: 'people.directory',
      title: 'Directory, first page (50)',
      kind: 'read',
      as: 'manager',
      request: () => ({ method: 'GET', path: '/api/people?limit=50' }),
    },
    {
      id: 'people.search',
      title: 'Directory search "mar"',
      kind: 'read',
      as: 'manager',
      request: () => ({ method: 'GET', path: '/api/people?q=mar' }),
    },
    {
      id: 'people.person',
      title: 'One person (a direct report)',
      kind: 'read',
      as: 'manager',
      request: (f) => ({ method: 'GET', path: `/api/people/${req(f, 'foundation.directReport')}` }),
    },
    {
      id: 'people.team',
      title: 'Team: direct reports',
      kind: 'read',
      as: 'manager',
      request: (f) => ({ method: 'GET', path: `/api/people/${f.accounts.manager.personId}/team` }),
    },
    {
      id: 'people.subtree',
      title: 'Subtree of a manager of managers (~200)',
      kind: 'read',
      as: 'managerOfManagers',
      p99TargetMs: 100,
      request: (f) => ({
        method: 'GET',
        path: `/api/people/${f.accounts.managerOfManagers.personId}/team?scope=subtree`,
      }),
    },
    {
      id: 'people.orgChart',
      title: 'Org chart (every person)',
      kind: 'read',
      as: 'manager',
      judged: false,
      note: 'returns every person of the organisation in one response; the read targets are shown, not judged',
      request: () => ({ method: 'GET', path: '/api/people/org-chart' }),
    },
    {
      id: 'people.updateOwnProfile',
      title: 'Write: edit own job title (PATCH)',
      kind: 'write',
      as: 'member',
      request: (f) => ({
        method: 'PATCH',
        path: `/api/people/${f.accounts.member.personId}`,
        body: (n) => ({ jobTitle: `Chargée de clientèle ${n % 1000}` }),
      }),
    },
  ],
};

function req(f: { ids: Record<string, string> }, key: string): string {
  const id = f.ids[key];
  if (!id) throw new Error(`dataset has no id "${key}": regenerate it (delete bench/.data)`);
  return id;
}
