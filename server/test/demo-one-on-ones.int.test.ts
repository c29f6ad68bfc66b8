import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../src/demo/demo.ts';
import { DIALECTS, createTestApp, type TestContext } from './test-app.ts';
import { loginAs } from './factories.ts';

describe.each(DIALECTS)('demo one-to-one history on %s', (dialect) => {
  let ctx: TestContext;
  let demo: DemoResult;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    demo = await runDemo(ctx.deps, { log: () => {}, password: 'demo-password-123' });
  }, 120_000);
  afterAll(() => ctx?.close());

  const count = async (
    table: 'oo_series' | 'oo_meeting' | 'oo_topic' | 'oo_action' | 'oo_note' | 'oo_mood',
  ) => {
    const r = await ctx.deps.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', demo.organisationId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  it('gives every manager–report pair with accounts a year of weekly meetings', async () => {
    const db = ctx.deps.database.db;
    const people = await db
      .selectFrom('person')
      .select(['id', 'manager_id', 'status'])
      .where('org_id', '=', demo.organisationId)
      .execute();
    const active = new Set(people.filter((p) => p.status === 'active').map((p) => p.id));
    const pairs = people.filter((p) => p.manager_id !== null && active.has(p.id) && active.has(p.manager_id));
    const series = await db
      .selectFrom('oo_series')
      .selectAll()
      .where('org_id', '=', demo.organisationId)
      .execute();
    expect(series.map((s) => `${s.manager_id}:${s.report_id}`).sort()).toEqual(
      pairs.map((p) => `${p.manager_id}:${p.id}`).sort(),
    );
    const meetings = await db
      .selectFrom('oo_meeting')
      .select(['series_id', 'status', 'moved', 'move_reason', 'cancel_reason', 'planned_at', 'closed_at'])
      .where('org_id', '=', demo.organisationId)
      .execute();
    const now = Date.now();
    const past = meetings.filter((m) => Date.parse(m.planned_at) < now - 3 * 3_600_000);
    // 52 weeks back from the first occurrence, one occurrence a week.
    expect(past.length).toBeGreaterThanOrEqual(series.length * 52);
    expect(past.length).toBeLessThanOrEqual(series.length * 53);
    const moved = past.filter((m) => m.moved === 1);
    const cancelled = past.filter((m) => m.status === 'cancelled');
    expect(moved.length / past.length).toBeGreaterThan(0.06);
    expect(moved.length / past.length).toBeLessThan(0.14);
    expect(moved.every((m) => m.move_reason !== null && m.move_reason.length > 0)).toBe(true);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((m) => m.cancel_reason !== null && m.status === 'cancelled')).toBe(true);
    expect(past.filter((m) => m.status === 'held').every((m) => m.closed_at !== null)).toBe(true);
    // The next occurrence of every series is planned.
    const future = meetings.filter((m) => Date.parse(m.planned_at) > now && m.status === 'planned');
    expect(new Set(future.map((m) => m.series_id)).size).toBe(series.length);
    // Overdue actions exist, but most are done.
    const actions = await db
      .selectFrom('oo_action')
      .select(['done_at', 'due_on'])
      .where('org_id', '=', demo.organisationId)
      .execute();
    const done = actions.filter((x) => x.done_at !== null).length;
    const today = new Date().toISOString().slice(0, 10);
    const overdue = actions.filter((x) => x.done_at === null && x.due_on !== null && x.due_on < today).length;
    expect(done / actions.length).toBeGreaterThan(0.8);
    expect(overdue).toBeGreaterThan(0);
  });

  it('opens the highlighted manager’s next meeting with its history, and their rating average passes k', async () => {
    const cookie = await loginAs(ctx, demo.accounts.manager.email, 'demo-password-123');
    const list = await ctx.app.inject({ method: 'GET', url: '/api/one-on-ones/series', headers: { cookie } });
    expect(list.statusCode, list.body).toBe(200);
    const items = (list.json() as { items: { report: { id: string }; nextMeeting: { id: string } | null }[] })
      .items;
    const withMember = items.find((s) => s.report.id === demo.accounts.member.personId)!;
    expect(withMember.nextMeeting).not.toBeNull();
    const meeting = await ctx.app.inject({
      method: 'GET',
      url: `/api/one-on-ones/meetings/${withMember.nextMeeting!.id}`,
      headers: { cookie },
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const body = meeting.json() as { topics: unknown[]; status: string };
    expect(body.status).toBe('planned');
    expect(body.topics.length).toBeGreaterThan(0);
    const summary = await ctx.app.inject({
      method: 'GET',
      url: '/api/one-on-ones/ratings/summary',
      headers: { cookie },
    });
    expect(summary.statusCode, summary.body).toBe(200);
    const s = summary.json() as { raters: number; k: number; averages: object | null };
    expect(s.raters).toBeGreaterThanOrEqual(s.k);
    expect(s.averages).not.toBeNull();
  });

  it('adds nothing on a second run', async () => {
    const tables = ['oo_series', 'oo_meeting', 'oo_topic', 'oo_action', 'oo_note', 'oo_mood'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await runDemo(ctx.deps, { log: () => {}, password: 'demo-password-123' });
    expect(again.created).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
