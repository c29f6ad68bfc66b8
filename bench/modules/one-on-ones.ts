import { buildOneOnOneHistory, insertOneOnOneHistory } from '../../server/src/demo/one-on-ones.history.ts';
import type { BenchModule, GenerateContext, PlannedPerson } from './types.ts';

/** Share of the organisation's other manager–report pairs that also hold weekly one-to-ones. */
const OTHER_PAIRS_SHARE = 0.1;

/**
 * Weekly one-to-ones over the organisation's history (3 years or 3 months): every pair under the scenario
 * accounts' manager of managers (full detail) plus a share of the other pairs (lighter history).
 */
async function generate(ctx: GenerateContext): Promise<void> {
  const { db, fixture, people, rng, now } = ctx;
  const subtree = subtreeOf(people, fixture.accounts.managerOfManagers.personId);
  const detailed = people
    .filter((p) => p.managerId !== null && subtree.has(p.id))
    .map((p) => ({ managerId: p.managerId!, reportId: p.id }));
  const others = people
    .filter((p) => p.managerId !== null && !subtree.has(p.id) && rng.next() < OTHER_PAIRS_SHARE)
    .map((p) => ({ managerId: p.managerId!, reportId: p.id }));
  const weeks = Math.round((fixture.historyMonths * 52) / 12);
  const manager = fixture.accounts.manager.personId;
  const raters = new Set(detailed.filter((p) => p.managerId === manager).map((p) => p.reportId));
  const rows = buildOneOnOneHistory({ orgId: fixture.orgId, pairs: detailed, now, weeks, rng, raters });
  const light = buildOneOnOneHistory({ orgId: fixture.orgId, pairs: others, now, weeks, rng, light: true });
  await insertOneOnOneHistory(db, rows);
  await insertOneOnOneHistory(db, light);

  const member = fixture.accounts.member.personId;
  const series = rows.series.find((s) => s.manager_id === manager && s.report_id === member);
  if (!series) throw new Error('the bench manager has no one-to-one with the member');
  const next = rows.meetings
    .filter((m) => m.series_id === series.id && m.status === 'planned' && m.planned_at > now.toISOString())
    .sort((a, b) => a.planned_at.localeCompare(b.planned_at))[0];
  if (!next) throw new Error('the bench series has no upcoming meeting');
  fixture.ids['oneOnOnes.nextMeeting'] = next.id;
  fixture.counts.oo_series = rows.series.length + light.series.length;
  fixture.counts.oo_meeting = rows.meetings.length + light.meetings.length;
  fixture.counts.oo_topic = rows.topics.length + light.topics.length;
  fixture.counts.oo_note = rows.notes.length + light.notes.length;
  fixture.counts.oo_action = rows.actions.length + light.actions.length;
  fixture.counts.oo_mood = rows.moods.length + light.moods.length;
}

function subtreeOf(people: readonly PlannedPerson[], rootId: string): Set<string> {
  const inside = new Set<string>([rootId]);
  // Managers come before their reports in the plan: one pass finds the whole subtree.
  for (const p of people) if (p.managerId !== null && inside.has(p.managerId)) inside.add(p.id);
  return inside;
}

function nextMeeting(f: { ids: Record<string, string> }): string {
  const id = f.ids['oneOnOnes.nextMeeting'];
  if (!id) throw new Error('dataset has no id "oneOnOnes.nextMeeting": regenerate it (delete bench/.data)');
  return id;
}

/** Opening the next 1:1 (agenda, carried-over actions, last notes) with the whole history behind it; one agenda write. */
export const oneOnOnes: BenchModule = {
  name: 'one-on-ones',
  generate,
  scenarios: [
    {
      id: 'oneOnOnes.openMeeting',
      title: 'Open the next 1:1 as the manager (3 years of weekly history)',
      kind: 'read',
      as: 'manager',
      p99TargetMs: 20,
      request: (f) => ({ method: 'GET', path: `/api/one-on-ones/meetings/${nextMeeting(f)}` }),
    },
    {
      id: 'oneOnOnes.addTopic',
      title: 'Write: the report adds an agenda topic',
      kind: 'write',
      as: 'member',
      request: (f) => ({
        method: 'POST',
        path: `/api/one-on-ones/meetings/${nextMeeting(f)}/topics`,
        body: (n) => ({ title: `Point à voir n° ${n}`, kind: n % 4 === 0 ? 'personal' : 'professional' }),
      }),
    },
  ],
};
