import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '../../core/domain/autonomy.ts';
import { runDemo, type DemoResult } from '../src/demo/demo.ts';
import { DIALECTS, createTestApp, type TestContext } from './test-app.ts';
import { loginAs } from './factories.ts';

const PASSWORD = 'demo-password-123';
const DAY = 86_400_000;

describe.each(DIALECTS)('demo delegation history on %s', (dialect) => {
  let ctx: TestContext;
  let demo: DemoResult;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    demo = await runDemo(ctx.deps, { log: () => {}, password: PASSWORD });
  }, 180_000);
  afterAll(() => ctx?.close());

  const db = () => ctx.deps.database.db;
  const org = () => demo.organisationId;

  const TABLES = [
    'dl_domain',
    'dl_card',
    'dl_checkpoint',
    'dl_message',
    'dl_validation',
    'dl_level',
    'dl_level_change',
    'dl_initiative',
    'dl_concluded',
    'dl_sample',
    'dl_handover',
    'dl_learning',
    'dl_bravo',
    'notification',
  ] as const;
  const count = async (table: (typeof TABLES)[number]) => {
    const r = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org())
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  it('gives every team lead decision domains, and delegates only down the lead’s own team', async () => {
    const people = await db()
      .selectFrom('person')
      .select(['id', 'manager_id', 'status'])
      .where('org_id', '=', org())
      .execute();
    const active = new Set(people.filter((p) => p.status === 'active').map((p) => p.id));
    const managerOf = new Map(people.map((p) => [p.id, p.manager_id]));
    const leads = new Set(
      people
        .filter((p) => active.has(p.id) && p.manager_id && active.has(p.manager_id))
        .map((p) => p.manager_id!),
    );
    const domains = await db()
      .selectFrom('dl_domain')
      .select(['id', 'team_lead_id', 'name', 'archived'])
      .where('org_id', '=', org())
      .execute();
    const perLead = new Map<string, number>();
    for (const d of domains)
      if (d.archived === 0) perLead.set(d.team_lead_id, (perLead.get(d.team_lead_id) ?? 0) + 1);
    expect([...perLead.keys()].sort()).toEqual([...leads].sort());
    for (const lead of leads) expect(perLead.get(lead)).toBeGreaterThanOrEqual(3);
    expect(domains.some((d) => d.name === 'Remises jusqu’à 10 %')).toBe(true);

    const cards = await db()
      .selectFrom('dl_card')
      .select(['delegator_id', 'assignee_id', 'domain_id'])
      .where('org_id', '=', org())
      .execute();
    expect(cards.length).toBeGreaterThan(300);
    const domainLead = new Map(domains.map((d) => [d.id, d.team_lead_id]));
    for (const c of cards) {
      // Inside the delegator's subtree: here, always one of their direct reports with an account.
      expect(managerOf.get(c.assignee_id)).toBe(c.delegator_id);
      expect(active.has(c.assignee_id)).toBe(true);
      if (c.domain_id !== null) expect(domainLead.get(c.domain_id)).toBe(c.delegator_id);
    }
  });

  it('has cards in every state, with checkpoints missed and at risk, alerts, questions and answers', async () => {
    const cards = await db().selectFrom('dl_card').selectAll().where('org_id', '=', org()).execute();
    const by = (status: string) => cards.filter((c) => c.status === status);
    for (const s of ['proposed', 'accepted', 'in_progress', 'done', 'declined'])
      expect(by(s).length).toBeGreaterThan(0);
    expect(by('done').length / cards.length).toBeGreaterThan(0.75);
    expect(by('declined').every((c) => (c.decline_reason ?? '').length > 0)).toBe(true);
    expect(
      by('done').every((c) => c.done_at !== null && c.started_at !== null && c.accepted_at !== null),
    ).toBe(true);
    expect(by('done').filter((c) => c.debriefed_at !== null).length / by('done').length).toBeGreaterThan(0.7);
    expect(by('proposed').every((c) => c.accepted_at === null && c.started_at === null)).toBe(true);
    expect(cards.filter((c) => c.alert_raised_at !== null).length).toBeGreaterThan(0);

    const today = new Date().toISOString().slice(0, 10);
    const open = new Set(by('in_progress').map((c) => c.id));
    const checkpoints = await db()
      .selectFrom('dl_checkpoint')
      .selectAll()
      .where('org_id', '=', org())
      .execute();
    const openCheckpoints = checkpoints.filter((c) => open.has(c.card_id));
    expect(openCheckpoints.some((c) => c.status === null && c.due_on < today)).toBe(true);
    expect(checkpoints.some((c) => c.status === 'at_risk')).toBe(true);
    expect(checkpoints.every((c) => (c.status === null) === (c.posted_at === null))).toBe(true);

    const messages = await db()
      .selectFrom('dl_message')
      .select(['card_id', 'kind', 'author_id'])
      .where('org_id', '=', org())
      .execute();
    const cardOf = new Map(cards.map((c) => [c.id, c]));
    for (const m of messages) {
      const c = cardOf.get(m.card_id)!;
      if (m.kind === 'question') expect(m.author_id).toBe(c.assignee_id);
      if (m.kind === 'answer') expect(m.author_id).toBe(c.delegator_id);
    }
    const proposedIds = new Set(by('proposed').map((c) => c.id));
    const asked = new Set(
      messages.filter((m) => m.kind === 'question' && proposedIds.has(m.card_id)).map((m) => m.card_id),
    );
    const answered = messages.filter((m) => m.kind === 'answer' && asked.has(m.card_id));
    expect(answered.length).toBeGreaterThan(0);
  });

  it('counts validations per card and keeps dl_concluded equal to done cards plus initiatives', async () => {
    const cards = await db()
      .selectFrom('dl_card')
      .select(['id', 'status', 'assignee_id', 'done_at', 'validation_requests', 'debrief_validation_asked'])
      .where('org_id', '=', org())
      .execute();
    const validations = await db()
      .selectFrom('dl_validation')
      .select(['card_id', 'answer', 'answered_at'])
      .where('org_id', '=', org())
      .execute();
    const perCard = new Map<string, number>();
    for (const v of validations) perCard.set(v.card_id, (perCard.get(v.card_id) ?? 0) + 1);
    for (const c of cards) expect(Number(c.validation_requests)).toBe(perCard.get(c.id) ?? 0);
    expect(validations.every((v) => (v.answer === null) === (v.answered_at === null))).toBe(true);

    const initiatives = await db()
      .selectFrom('dl_initiative')
      .select(['id', 'person_id', 'validation_asked', 'concluded_on'])
      .where('org_id', '=', org())
      .execute();
    const concluded = await db().selectFrom('dl_concluded').selectAll().where('org_id', '=', org()).execute();
    const done = cards.filter((c) => c.status === 'done');
    expect(concluded.length).toBe(done.length + initiatives.length);
    const row = new Map(concluded.map((r) => [`${r.source}:${r.source_id}`, r]));
    for (const c of done) {
      const r = row.get(`card:${c.id}`)!;
      expect(r.person_id).toBe(c.assignee_id);
      expect(new Date(r.concluded_at).toISOString()).toBe(new Date(c.done_at!).toISOString());
      expect(r.without_validation).toBe(Number(c.validation_requests) === 0 ? 1 : 0);
    }
    for (const i of initiatives) {
      const r = row.get(`initiative:${i.id}`)!;
      expect(r.person_id).toBe(i.person_id);
      expect(new Date(r.concluded_at).toISOString()).toBe(`${i.concluded_on}T12:00:00.000Z`);
      expect(r.without_validation).toBe(1 - i.validation_asked);
    }

    // Autonomy grows: the share concluded without validation is higher in the last six months.
    const now = Date.now();
    const rate = (from: number, to: number) => {
      const items = concluded.filter((r) => {
        const t = Date.parse(new Date(r.concluded_at).toISOString());
        return t >= from && t < to;
      });
      return items.filter((r) => r.without_validation === 1).length / items.length;
    };
    expect(rate(now - 182 * DAY, now)).toBeGreaterThan(rate(now - 364 * DAY, now - 182 * DAY));
  });

  it('raises levels over the months, with a history that ends at the current level', async () => {
    const levels = await db().selectFrom('dl_level').selectAll().where('org_id', '=', org()).execute();
    const changes = await db()
      .selectFrom('dl_level_change')
      .selectAll()
      .where('org_id', '=', org())
      .execute();
    const history = new Map<string, typeof changes>();
    for (const c of changes) {
      const key = `${c.person_id}|${c.domain_id}`;
      history.set(key, [...(history.get(key) ?? []), c]);
    }
    expect(history.size).toBe(levels.length);
    let rose = 0;
    for (const l of levels) {
      const list = history
        .get(`${l.person_id}|${l.domain_id}`)!
        .sort(
          (a, b) =>
            Date.parse(new Date(a.changed_at).toISOString()) -
            Date.parse(new Date(b.changed_at).toISOString()),
        );
      expect(list[0]!.from_level).toBeNull();
      for (let i = 1; i < list.length; i++) expect(list[i]!.from_level).toBe(list[i - 1]!.to_level);
      expect(list[list.length - 1]!.to_level).toBe(l.level);
      expect(new Date(l.updated_at).toISOString()).toBe(
        new Date(list[list.length - 1]!.changed_at).toISOString(),
      );
      if (l.level > list[0]!.to_level) rose++;
    }
    expect(rose).toBeGreaterThan(10);
    expect(changes.every((c) => c.reason.length > 0)).toBe(true);
    expect(changes.filter((c) => c.card_id !== null).length).toBeGreaterThan(0);
    // Starting levels are low.
    const first = changes.filter((c) => c.from_level === null);
    expect(first.every((c) => c.to_level <= 4)).toBe(true);
  });

  it('records weekly samples that the recorded seed reproduces, handovers at every stage, a learning log and bravos', async () => {
    const samples = await db().selectFrom('dl_sample').selectAll().where('org_id', '=', org()).execute();
    expect(samples.length).toBeGreaterThan(50);
    const items = await db()
      .selectFrom('dl_sample_item')
      .innerJoin('dl_sample', 'dl_sample.id', 'dl_sample_item.sample_id')
      .select(['dl_sample_item.sample_id', 'dl_sample_item.card_id', 'dl_sample_item.reviewed_at'])
      .where('dl_sample.org_id', '=', org())
      .execute();
    expect(items.some((i) => i.reviewed_at !== null)).toBe(true);
    expect(items.some((i) => i.reviewed_at === null)).toBe(true);
    const done = await db()
      .selectFrom('dl_card')
      .select(['id', 'delegator_id', 'done_at'])
      .where('org_id', '=', org())
      .where('status', '=', 'done')
      .execute();
    for (const s of samples.slice(0, 40)) {
      const end = Date.parse(`${s.week_start}T00:00:00.000Z`);
      const pool = done
        .filter((c) => {
          const t = Date.parse(new Date(c.done_at!).toISOString());
          return c.delegator_id === s.manager_id && t >= end - 7 * DAY && t < end;
        })
        .map((c) => c.id);
      expect(s.pool_size).toBe(pool.length);
      expect(s.seed).toBe(`${s.manager_id}:${s.week_start}`);
      const drawn = items.filter((i) => i.sample_id === s.id).map((i) => i.card_id);
      expect(drawn.sort()).toEqual(drawSample(pool, s.share, s.seed));
    }
    // The current week is left for the server to draw on the manager's first visit.
    const thisWeek = new Date();
    thisWeek.setUTCDate(thisWeek.getUTCDate() - ((thisWeek.getUTCDay() + 6) % 7));
    expect(samples.every((s) => s.week_start < thisWeek.toISOString().slice(0, 10))).toBe(true);

    const stages = await db()
      .selectFrom('dl_handover_stage')
      .innerJoin('dl_handover', 'dl_handover.id', 'dl_handover_stage.handover_id')
      .select(['dl_handover.id', 'dl_handover_stage.stage', 'dl_handover_stage.done_on'])
      .where('dl_handover.org_id', '=', org())
      .execute();
    const reached = new Map<string, number>();
    for (const s of stages)
      if (s.done_on !== null) reached.set(s.id, Math.max(reached.get(s.id) ?? 0, s.stage));
    const handovers = new Set(stages.map((s) => s.id));
    expect(handovers.size).toBeGreaterThan(5);
    expect(stages.length).toBe(handovers.size * 4);
    const reachedStages = new Set([...handovers].map((h) => reached.get(h) ?? 0));
    expect(reachedStages.has(4)).toBe(true);
    expect(reachedStages.size).toBeGreaterThanOrEqual(3);

    const learning = await db()
      .selectFrom('dl_learning')
      .select(['kind', 'private', 'search_text'])
      .where('org_id', '=', org())
      .execute();
    for (const k of ['debrief', 'error', 'lesson']) expect(learning.some((l) => l.kind === k)).toBe(true);
    expect(learning.some((l) => l.private === 1)).toBe(true);
    expect(learning.every((l) => l.search_text === l.search_text.toLowerCase())).toBe(true);
    expect(await count('dl_bravo')).toBeGreaterThan(0);
  });

  it('shows the highlighted pair a live card, the team matrix, the samples and the inbox through the API', async () => {
    const manager = await loginAs(ctx, demo.accounts.manager.email, PASSWORD);
    const member = await loginAs(ctx, demo.accounts.member.email, PASSWORD);
    const matrix = await ctx.app.inject({
      method: 'GET',
      url: `/api/autonomy/matrix?managerId=${demo.accounts.manager.personId}&scope=team&periodDays=90`,
      headers: { cookie: manager },
    });
    expect(matrix.statusCode, matrix.body).toBe(200);
    const m = matrix.json() as {
      domains: unknown[];
      rows: { person: { id: string }; levels: Record<string, number> }[];
      team: { current: { concluded: number } };
    };
    expect(m.domains.length).toBeGreaterThanOrEqual(3);
    const row = m.rows.find((r) => r.person.id === demo.accounts.member.personId)!;
    expect(Object.keys(row.levels).length).toBeGreaterThan(0);
    expect(m.team.current.concluded).toBeGreaterThan(0);

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/delegation/cards?view=assigned&status=open',
      headers: { cookie: member },
    });
    expect(list.statusCode, list.body).toBe(200);
    const open = (list.json() as { items: { id: string; missedCheckpoints: number }[] }).items;
    const live = open.find((c) => c.missedCheckpoints > 0);
    expect(live).toBeDefined();
    const card = await ctx.app.inject({
      method: 'GET',
      url: `/api/delegation/cards/${live!.id}`,
      headers: { cookie: member },
    });
    expect(card.statusCode, card.body).toBe(200);
    const detail = card.json() as { status: string; checkpoints: { missed: boolean }[]; messages: unknown[] };
    expect(detail.status).toBe('in_progress');
    expect(detail.checkpoints.some((c) => c.missed)).toBe(true);

    const samples = await ctx.app.inject({
      method: 'GET',
      url: '/api/delegation/samples',
      headers: { cookie: manager },
    });
    expect(samples.statusCode, samples.body).toBe(200);
    expect((samples.json() as { items: unknown[] }).items.length).toBeGreaterThan(1);
    const learning = await ctx.app.inject({
      method: 'GET',
      url: '/api/delegation/learning',
      headers: { cookie: member },
    });
    expect(learning.statusCode, learning.body).toBe(200);
    expect((learning.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const inbox = await ctx.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: manager },
    });
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect((inbox.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('adds nothing on a second run', async () => {
    const before = await Promise.all(TABLES.map(count));
    const again = await runDemo(ctx.deps, { log: () => {}, password: PASSWORD });
    expect(again.created).toBe(false);
    expect(await Promise.all(TABLES.map(count))).toEqual(before);
  });
});
