import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../src/demo/demo.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs } from './factories.ts';

describe.each(DIALECTS)('demo team objectives on %s', (dialect) => {
  let ctx: TestContext;
  let demo: DemoResult;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    demo = await runDemo(ctx.deps, { log: () => {}, password: 'demo-password-123' });
  }, 120_000);
  afterAll(() => ctx?.close());

  it('gives the highlighted manager a year of objectives, weekly reviews, missed weeks and at-risk key results', async () => {
    const manager = demo.accounts.manager;
    const cookie = await loginAs(ctx, manager.email, 'demo-password-123');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/okr/teams/${manager.personId}`,
      headers: { origin: ORIGIN, cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const team = res.json();
    expect(team.objectives).toHaveLength(4);
    expect(team.current.keyResults).toHaveLength(3);
    const reviews = team.objectives.reduce((n: number, o: { reviewsDone: number }) => n + o.reviewsDone, 0);
    const missed = team.objectives.reduce(
      (n: number, o: { reviewsMissed: number }) => n + o.reviewsMissed,
      0,
    );
    expect(reviews).toBeGreaterThan(35);
    expect(missed).toBeGreaterThan(0);
    expect(team.current.parent).not.toBeNull();

    const db = ctx.deps.database.db;
    const all = await db
      .selectFrom('okr_objective')
      .select(['id', 'team_manager_id'])
      .where('org_id', '=', demo.organisationId)
      .execute();
    const teams = new Set(all.map((o) => o.team_manager_id));
    // Some key result of the organisation is at risk or off track in the current period.
    let lagging = 0;
    for (const managerId of teams) {
      const [o] = await db
        .selectFrom('okr_objective')
        .select('id')
        .where('team_manager_id', '=', managerId)
        .orderBy('period_start', 'desc')
        .limit(1)
        .execute();
      const detail = await ctx.app.inject({
        method: 'GET',
        url: `/api/okr/objectives/${o!.id}`,
        headers: {
          origin: ORIGIN,
          cookie: await loginAs(ctx, demo.accounts.admin.email, 'demo-password-123'),
        },
      });
      lagging += detail.json().keyResults.filter((k: { status: string }) => k.status !== 'on_track').length;
      if (lagging > 0) break;
    }
    expect(lagging).toBeGreaterThan(0);

    // A second run adds nothing.
    const before = all.length;
    await runDemo(ctx.deps, { log: () => {}, password: 'demo-password-123' });
    const after = await db
      .selectFrom('okr_objective')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', demo.organisationId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(before);
  });
});
