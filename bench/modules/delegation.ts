import {
  buildDelegationHistory,
  insertDelegationHistory,
  type DelegationRows,
  type DelegationTeam,
  type DomainKind,
} from '../../server/src/demo/delegation.history.ts';
import type { BenchModule, GenerateContext, OrgFixture, PlannedPerson } from './types.ts';

/** Share of the organisation's other teams that also delegate (lighter history). */
const OTHER_TEAMS_SHARE = 0.12;
/** The team whose matrix the "team" scenario reads: the "team of 12". */
const TEAM_SIZE = 12;

const KIND_OF_DEPARTMENT: Record<string, DomainKind> = { Ventes: 'field', 'Support client': 'inside' };

/**
 * Delegation over the organisation's history (3 years or 3 months): every team under the scenario accounts'
 * manager of managers in full detail (domains, levels and their history, cards with checkpoints, validations,
 * initiatives, samples, handovers, learning log), plus a share of the other teams with a lighter history.
 */
async function generate(ctx: GenerateContext): Promise<void> {
  const { db, fixture, people, rng, now } = ctx;
  const root = fixture.accounts.managerOfManagers.personId;
  const subtree = subtreeOf(people, root);
  const reports = new Map<string, string[]>();
  for (const p of people)
    if (p.managerId !== null) reports.set(p.managerId, [...(reports.get(p.managerId) ?? []), p.id]);
  const teamOf = (lead: PlannedPerson): DelegationTeam => ({
    leadId: lead.id,
    memberIds: reports.get(lead.id) ?? [],
    kind: lead.level <= 3 ? 'management' : (KIND_OF_DEPARTMENT[lead.department] ?? 'generic'),
  });
  const leads = people.filter((p) => reports.has(p.id));
  const detailed = leads.filter((p) => subtree.has(p.id)).map(teamOf);
  const others = leads
    .filter((p) => !subtree.has(p.id) && p.level === 4 && rng.next() < OTHER_TEAMS_SHARE)
    .map(teamOf);
  const weeks = Math.round((fixture.historyMonths * 52) / 12);
  const member = fixture.accounts.member.personId;
  const rows = buildDelegationHistory({
    orgId: fixture.orgId,
    teams: detailed,
    now,
    weeks,
    rng,
    showcaseFor: [member],
  });
  const light = buildDelegationHistory({ orgId: fixture.orgId, teams: others, now, weeks, rng, light: true });
  await insertDelegationHistory(db, rows);
  await insertDelegationHistory(db, light);

  // The write: the member posts a status on a checkpoint of the in-progress card their manager gave them.
  const showcase = rows.showcase.find((s) => s.assigneeId === member);
  if (!showcase || showcase.delegatorId !== fixture.accounts.manager.personId)
    throw new Error('the bench member has no in-progress card from the bench manager');
  fixture.ids['delegation.card'] = showcase.cardId;
  fixture.ids['delegation.checkpoint'] = showcase.checkpointIds[1]!;
  // The team read: the team lead under the manager of managers whose team is closest to twelve people.
  const teamLead = detailed
    .filter((t) => t.leadId !== root)
    .reduce((best, t) =>
      Math.abs(t.memberIds.length - TEAM_SIZE) < Math.abs(best.memberIds.length - TEAM_SIZE) ? t : best,
    );
  fixture.ids['delegation.teamLead'] = teamLead.leadId;
  fixture.counts['delegation.teamSize'] = teamLead.memberIds.length;
  fixture.counts['delegation.subtreeSize'] = subtree.size - 1;
  const add = (table: string, n: (r: DelegationRows) => number) => {
    fixture.counts[table] = n(rows) + n(light);
  };
  add('dl_domain', (r) => r.domains.length);
  add('dl_card', (r) => r.cards.length);
  add('dl_checkpoint', (r) => r.checkpoints.length);
  add('dl_validation', (r) => r.validations.length);
  add('dl_level_change', (r) => r.levelChanges.length);
  add('dl_initiative', (r) => r.initiatives.length);
  add('dl_concluded', (r) => r.concluded.length);
  add('dl_sample_item', (r) => r.sampleItems.length);
  add('dl_learning', (r) => r.learning.length);
}

function subtreeOf(people: readonly PlannedPerson[], rootId: string): Set<string> {
  const inside = new Set<string>([rootId]);
  // Managers come before their reports in the plan: one pass finds the whole subtree.
  for (const p of people) if (p.managerId !== null && inside.has(p.managerId)) inside.add(p.id);
  return inside;
}

function id(f: OrgFixture, key: string): string {
  const value = f.ids[key];
  if (!value) throw new Error(`dataset has no id "${key}": regenerate it (delete bench/.data)`);
  return value;
}

const CHECKPOINT_NOTES = [
  'Rendez-vous fait, le client est réceptif.',
  'Devis envoyé, réponse attendue jeudi.',
  'Dans les temps, rien à signaler.',
  'Relances faites, deux réponses positives.',
];

/**
 * The autonomy matrix (levels, growth and indicator per person) of a team of about twelve and of a
 * 200-person subtree, with the whole history behind them; one checkpoint status write.
 * The scenario accounts are fixed per dataset (the bench manager leads eight people), so the team read is
 * done by the manager of managers on the team of about twelve below them: same query, plus the chain check.
 */
export const delegation: BenchModule = {
  name: 'delegation',
  generate,
  scenarios: [
    {
      id: 'delegation.matrixTeam',
      title: 'Autonomy matrix, team of ~12 (90 days, 3 years of history)',
      kind: 'read',
      as: 'managerOfManagers',
      p99TargetMs: 25,
      request: (f) => ({
        method: 'GET',
        path: `/api/autonomy/matrix?managerId=${id(f, 'delegation.teamLead')}&scope=team&periodDays=90`,
      }),
    },
    {
      id: 'delegation.matrixSubtree',
      title: 'Autonomy matrix, 200-person subtree (90 days, 3 years of history)',
      kind: 'read',
      as: 'managerOfManagers',
      p99TargetMs: 100,
      request: (f) => ({
        method: 'GET',
        path: `/api/autonomy/matrix?managerId=${f.accounts.managerOfManagers.personId}&scope=subtree&periodDays=90`,
      }),
    },
    {
      id: 'delegation.checkpointStatus',
      title: 'Write: the assignee posts a checkpoint status',
      kind: 'write',
      as: 'member',
      p99TargetMs: 30,
      request: (f) => ({
        method: 'POST',
        path: `/api/delegation/cards/${id(f, 'delegation.card')}/checkpoints/${id(f, 'delegation.checkpoint')}/status`,
        body: (n) => ({
          status: 'on_track',
          note: `${CHECKPOINT_NOTES[n % CHECKPOINT_NOTES.length]} (${n})`,
        }),
      }),
    },
  ],
};
