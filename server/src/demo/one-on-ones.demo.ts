import type { DemoExtension } from './demo.extensions.ts';
import { createRng } from './demo.random.ts';
import { buildOneOnOneHistory, insertOneOnOneHistory, type HistoryPair } from './one-on-ones.history.ts';

const WEEKS = 52;

/**
 * A year of weekly one-to-ones for every manager–report pair of the demo organisation (people with an
 * account on both sides). Pairs that already have a series are left alone, so a second run adds nothing.
 */
export const oneOnOnesDemo: DemoExtension = {
  name: 'one-on-ones',
  async run(ctx) {
    const active = new Set(ctx.plan.people.filter((p) => p.status === 'active').map((p) => p.key));
    const existing = await ctx.db
      .selectFrom('oo_series')
      .select(['manager_id', 'report_id'])
      .where('org_id', '=', ctx.orgId)
      .execute();
    const taken = new Set(existing.map((r) => `${r.manager_id}:${r.report_id}`));
    const pairs: HistoryPair[] = [];
    for (const p of ctx.plan.people) {
      if (p.managerKey === null || !active.has(p.key) || !active.has(p.managerKey)) continue;
      const pair = { managerId: ctx.person(p.managerKey).id, reportId: ctx.person(p.key).id };
      if (!taken.has(`${pair.managerId}:${pair.reportId}`)) pairs.push(pair);
    }
    if (pairs.length === 0) {
      ctx.log('  Tête-à-tête : historique déjà présent, rien ajouté / one-to-one history already there.');
      return;
    }
    // The highlighted manager's whole team rates (enough raters to pass k); elsewhere about a third does.
    const rng = createRng(ctx.seed + 101);
    const highlighted = ctx.person(ctx.plan.highlights.manager).id;
    const raters = new Set(
      pairs.filter((p) => p.managerId === highlighted || rng.next() < 0.33).map((p) => p.reportId),
    );
    const rows = buildOneOnOneHistory({ orgId: ctx.orgId, pairs, now: ctx.now, weeks: WEEKS, rng, raters });
    await insertOneOnOneHistory(ctx.db, rows);
    ctx.log(
      `  Tête-à-tête : ${rows.series.length} séries, ${rows.meetings.length} rencontres, ${rows.actions.length} actions sur un an.`,
    );
  },
};
