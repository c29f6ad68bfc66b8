import { buildOkrHistory, insertOkrHistory, type OkrTeam } from '../../server/src/demo/okr.history.ts';
import { OKR_TIME_ZONE, todayIn, weekSlotOf } from '../../server/src/features/okr/period.ts';
import type { BenchModule, GenerateContext } from './types.ts';

/** Share of the organisation's other teams that also keep a year of team objectives. */
const OTHER_TEAMS_SHARE = 0.1;

/**
 * A year of team objectives (four 90-day periods, three key results each, a review every week) for the bench
 * manager's team, the teams around it, and a share of the others: the team page reads 52 weeks of reviews.
 */
async function generate(ctx: GenerateContext): Promise<void> {
  const { db, fixture, people, rng, now } = ctx;
  const reports = new Map<string, string[]>();
  for (const p of people) {
    if (p.managerId === null) continue;
    const list = reports.get(p.managerId) ?? [];
    list.push(p.id);
    reports.set(p.managerId, list);
  }
  const managerOf = new Map(people.map((p) => [p.id, p.managerId]));
  const manager = fixture.accounts.manager.personId;
  const teams: OkrTeam[] = [];
  for (const [managerId, memberIds] of reports) {
    const near = managerId === manager || managerId === fixture.accounts.managerOfManagers.personId;
    if (!near && rng.next() >= OTHER_TEAMS_SHARE) continue;
    const up = managerOf.get(managerId) ?? null;
    teams.push({ managerId, memberIds, parentManagerId: up && reports.has(up) ? up : null });
  }
  // The bench team reviews every week (no missed week): the page carries its full 52 weeks.
  const bench = teams.filter((t) => t.managerId === manager);
  const others = teams.filter((t) => t.managerId !== manager);
  const rows = buildOkrHistory({ orgId: fixture.orgId, teams: bench, now, rng, missedShare: 0 });
  const rest = buildOkrHistory({ orgId: fixture.orgId, teams: others, now, rng });
  // Parents before children: the bench team may align to one of the others.
  await insertOkrHistory(db, rest);
  await insertOkrHistory(db, rows);
  const current = rows.objectives.at(-1);
  if (!current || current.team_manager_id !== manager)
    throw new Error('the bench manager has no current objective');
  fixture.ids['okr.currentObjective'] = current.id;
  rows.keyResults
    .filter((k) => k.objective_id === current.id)
    .forEach((k, i) => (fixture.ids[`okr.keyResult${i + 1}`] = k.id));
  fixture.counts.okr_objective = rows.objectives.length + rest.objectives.length;
  fixture.counts.okr_key_result = rows.keyResults.length + rest.keyResults.length;
  fixture.counts.okr_review = rows.reviews.length + rest.reviews.length;
}

function currentObjective(f: { ids: Record<string, string> }): string {
  const id = f.ids['okr.currentObjective'];
  if (!id) throw new Error('dataset has no id "okr.currentObjective": regenerate it (delete bench/.data)');
  return id;
}

/** The team objective page in one GET; the weekly review written by a team member. */
export const okr: BenchModule = {
  name: 'okr',
  generate,
  scenarios: [
    {
      id: 'okr.teamPage',
      title: 'Team objective page: objective, 3 key results, a year of weekly reviews (one GET)',
      kind: 'read',
      as: 'manager',
      p99TargetMs: 20,
      request: (f) => ({ method: 'GET', path: `/api/okr/teams/${f.accounts.manager.personId}` }),
    },
    {
      id: 'okr.recordReview',
      title: "Write: a team member records this week's review (3 key results)",
      kind: 'write',
      as: 'member',
      note: 'The current period is the one in progress when the dataset was generated (valid for 60 days).',
      request: (f) => ({
        method: 'PUT',
        // Demo and bench objectives review on Mondays.
        path: `/api/okr/objectives/${currentObjective(f)}/reviews/${weekSlotOf(todayIn(OKR_TIME_ZONE), 1)}`,
        body: (n) => ({
          entries: [1, 2, 3].map((i) => ({
            keyResultId: f.ids[`okr.keyResult${i}`],
            value: 50 + (n % 40),
            confidence: n % 11,
            blockers: n % 5 === 0 ? `Point à lever n° ${n}` : '',
          })),
        }),
      }),
    },
  ],
};
