import type { DemoExtension } from './demo.extensions.ts';
import { createRng } from './demo.random.ts';
import { buildOkrHistory, insertOkrHistory, type OkrTeam } from './okr.history.ts';

/**
 * A year of team objectives (Cap) for every demo manager with active direct reports: four 90-day
 * periods, three key results each, weekly reviews with some missed weeks and some key results at risk.
 * Teams that already have an objective are left alone, so a second run adds nothing.
 */
export const okrDemo: DemoExtension = {
  name: 'okr',
  async run(ctx) {
    const active = ctx.plan.people.filter((p) => p.status === 'active');
    const activeKeys = new Set(active.map((p) => p.key));
    const existing = await ctx.db
      .selectFrom('okr_objective')
      .select('team_manager_id')
      .distinct()
      .where('org_id', '=', ctx.orgId)
      .execute();
    const taken = new Set(existing.map((r) => r.team_manager_id));
    const members = new Map<string, string[]>();
    for (const p of active) {
      if (p.managerKey === null || !activeKeys.has(p.managerKey)) continue;
      const list = members.get(p.managerKey) ?? [];
      list.push(ctx.person(p.key).id);
      members.set(p.managerKey, list);
    }
    const teams: OkrTeam[] = [];
    for (const [key, ids] of members) {
      const manager = ctx.person(key);
      if (taken.has(manager.id)) continue;
      const parentKey = manager.managerKey;
      teams.push({
        managerId: manager.id,
        memberIds: ids,
        parentManagerId: parentKey && members.has(parentKey) ? ctx.person(parentKey).id : null,
      });
    }
    if (teams.length === 0) {
      ctx.log('  Cap : historique déjà présent, rien ajouté / team objectives already there.');
      return;
    }
    const rows = buildOkrHistory({ orgId: ctx.orgId, teams, now: ctx.now, rng: createRng(ctx.seed + 501) });
    await insertOkrHistory(ctx.db, rows);
    ctx.log(
      `  Cap : ${rows.objectives.length} objectifs, ${rows.keyResults.length} résultats clés, ${rows.reviews.length} revues hebdomadaires sur un an.`,
    );
  },
};
