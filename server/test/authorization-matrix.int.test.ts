import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, makePerson, type TestPerson } from './factories.ts';

/**
 * Every registered route, every kind of actor, the exact expected status.
 * A new route that is not listed here (or in `publicRoutes`) makes this test fail: add its row.
 */
type ActorKind =
  'anonymous' | 'outsider' | 'colleague' | 'directReport' | 'manager' | 'grandManager' | 'admin' | 'self';
const ACTORS: ActorKind[] = [
  'anonymous',
  'outsider',
  'colleague',
  'directReport',
  'manager',
  'grandManager',
  'admin',
  'self',
];

/** One-to-ones between `manager` (as manager) and `subject` (as report), built in beforeAll. */
interface OneOnOneCast {
  seriesId: string;
  /** Planned meeting for the content routes. */
  meetingId: string;
  /** Meeting that is started, stepped and timed. */
  runningId: string;
  /** Closed (held) meeting, for the rating. */
  heldId: string;
  topicId: string;
  actionId: string;
  /** Fresh meetings or topics per participant, for writes that can happen only once. */
  once: Record<'cancel' | 'close' | 'deleteTopic', Partial<Record<ActorKind, string>>>;
}
type Cast = Awaited<ReturnType<typeof makeCast>> & { invited: TestPerson; oo: OneOnOneCast };
interface Row {
  request: (cast: Cast, actor: ActorKind) => { url: string; payload?: unknown };
  expect: Record<ActorKind, number>;
  /** An endless response (Server-Sent Events): only its status and headers are awaited. */
  stream?: boolean;
}

const all = (
  status: number,
  overrides: Partial<Record<ActorKind, number>> = {},
): Record<ActorKind, number> => ({
  anonymous: 401,
  outsider: status,
  colleague: status,
  directReport: status,
  manager: status,
  grandManager: status,
  admin: status,
  self: status,
  ...overrides,
});

/** Content of a one-to-one: the two participants only, 404 for everyone else. */
const pair = (status: number) => all(404, { manager: status, self: status });
const cadenceReaders = all(404, { self: 200, manager: 200, grandManager: 200, admin: 200 });
const once = (c: Cast, what: keyof OneOnOneCast['once'], actor: ActorKind) =>
  c.oo.once[what][actor] ?? (what === 'deleteTopic' ? c.oo.topicId : c.oo.meetingId);
const futureIso = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

let n = 0;
const matrix: Record<string, Row> = {
  'GET /api/me': { request: () => ({ url: '/api/me' }), expect: all(200) },
  'GET /api/organisation': { request: () => ({ url: '/api/organisation' }), expect: all(200) },
  'PATCH /api/organisation': {
    request: () => ({ url: '/api/organisation', payload: { kThreshold: 5 } }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/people': { request: () => ({ url: '/api/people' }), expect: all(200) },
  'GET /api/people/org-chart': { request: () => ({ url: '/api/people/org-chart' }), expect: all(200) },
  'POST /api/people': {
    request: () => ({
      url: '/api/people',
      payload: {
        firstName: 'Nina',
        lastName: 'Nouvelle',
        email: `nina${n++}-${Date.now()}@example.com`,
        sendInvitation: false,
      },
    }),
    expect: all(403, { admin: 201 }),
  },
  'POST /api/people/import': {
    request: () => ({
      url: '/api/people/import',
      payload: { csv: 'first name,last name,email\nA,B,ab@example.com\n', confirm: false },
    }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/people/:id': {
    request: (c) => ({ url: `/api/people/${c.subject.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  'PATCH /api/people/:id': {
    request: (c) => ({ url: `/api/people/${c.subject.id}`, payload: { jobTitle: 'Responsable de secteur' } }),
    expect: all(403, { outsider: 404, self: 200, admin: 200 }),
  },
  'GET /api/people/:id/team': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/team?scope=subtree` }),
    expect: all(404, { self: 200, manager: 200, grandManager: 200, admin: 200 }),
  },
  'POST /api/people/:id/invitation': {
    request: (c) => ({ url: `/api/people/${c.invited.id}/invitation`, payload: {} }),
    expect: all(403, { outsider: 404, admin: 200 }),
  },
  'GET /api/people/:id/export': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/export` }),
    expect: all(404, { self: 200 }),
  },
  'GET /api/outbox': { request: () => ({ url: '/api/outbox' }), expect: all(403, { admin: 200 }) },
  'GET /api/audit': { request: () => ({ url: '/api/audit' }), expect: all(403, { admin: 200 }) },
  'GET /api/one-on-ones/series': { request: () => ({ url: '/api/one-on-ones/series' }), expect: all(200) },
  'POST /api/one-on-ones/series': {
    // Only a manager and their direct report form a pair: the subject's manager and the subject's report.
    request: (c) => ({
      url: '/api/one-on-ones/series',
      payload: { withPersonId: c.subject.id, firstAt: futureIso() },
    }),
    expect: all(400, { manager: 201, directReport: 201 }),
  },
  'GET /api/one-on-ones/series/:id': {
    request: (c) => ({ url: `/api/one-on-ones/series/${c.oo.seriesId}` }),
    expect: pair(200),
  },
  'PATCH /api/one-on-ones/series/:id': {
    request: (c) => ({
      url: `/api/one-on-ones/series/${c.oo.seriesId}`,
      payload: { location: 'Salle Vercors' },
    }),
    expect: pair(200),
  },
  'GET /api/one-on-ones/meetings/:id': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.meetingId}` }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/topics': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/topics`,
      payload: { title: 'Salon de Lyon' },
    }),
    expect: pair(201),
  },
  'PATCH /api/one-on-ones/topics/:id': {
    request: (c) => ({ url: `/api/one-on-ones/topics/${c.oo.topicId}`, payload: { done: true } }),
    expect: pair(200),
  },
  'DELETE /api/one-on-ones/topics/:id': {
    request: (c, a) => ({ url: `/api/one-on-ones/topics/${once(c, 'deleteTopic', a)}` }),
    expect: pair(204),
  },
  'PUT /api/one-on-ones/meetings/:id/notes/:step': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/notes/1`,
      payload: { body: 'Bonne semaine' },
    }),
    expect: pair(200),
  },
  'PUT /api/one-on-ones/meetings/:id/private-note': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/private-note`,
      payload: { body: 'À suivre' },
    }),
    expect: pair(200),
  },
  'PUT /api/one-on-ones/meetings/:id/mood': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/mood`,
      payload: { personal: 4, professional: 3 },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/actions': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/actions`,
      payload: { title: 'Relancer le client', ownerId: c.subject.id },
    }),
    expect: pair(201),
  },
  'PATCH /api/one-on-ones/actions/:id': {
    request: (c) => ({ url: `/api/one-on-ones/actions/${c.oo.actionId}`, payload: { dueOn: '2030-01-15' } }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/move': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/move`,
      payload: { scheduledAt: futureIso(), reason: 'Séminaire' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/cancel': {
    request: (c, a) => ({
      url: `/api/one-on-ones/meetings/${once(c, 'cancel', a)}/cancel`,
      payload: { reason: 'Congés' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/start': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.runningId}/start`, payload: {} }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/steps': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.runningId}/steps`,
      payload: { step: 1, event: 'enter' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/talk': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.runningId}/talk`,
      payload: { speaker: 'report' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/close': {
    request: (c, a) => ({
      url: `/api/one-on-ones/meetings/${once(c, 'close', a)}/close`,
      payload: { confirmWithoutNextStep: true },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/rating': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.heldId}/rating`,
      payload: { structured: 4, useful: 5, couldSpeak: 4 },
    }),
    // Only the report rates; the manager sees the meeting but may not rate it.
    expect: all(404, { manager: 403, self: 201 }),
  },
  'GET /api/one-on-ones/ratings/summary': {
    request: () => ({ url: '/api/one-on-ones/ratings/summary' }),
    expect: all(200),
  },
  'GET /api/one-on-ones/cadence': {
    request: (c) => ({ url: `/api/one-on-ones/cadence?managerId=${c.subject.id}` }),
    expect: cadenceReaders,
  },
  'GET /api/one-on-ones/meetings/:id/events': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.meetingId}/events` }),
    expect: pair(200),
    stream: true,
  },
  'POST /api/me/calendar-feed': { request: () => ({ url: '/api/me/calendar-feed' }), expect: all(200) },
  'DELETE /api/me/calendar-feed': { request: () => ({ url: '/api/me/calendar-feed' }), expect: all(200) },
  'GET /api/people/:id/one-on-one-cadence': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/one-on-one-cadence` }),
    expect: cadenceReaders,
  },
};

/** Routes anyone may call: they must declare the `public` policy and are tested in their own files. */
const publicRoutes = new Set([
  'GET /healthz',
  'GET /assets/*',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'GET /api/auth/*',
  'POST /api/auth/*',
  'GET /api/calendar/:token.ics',
]);
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let ctx: TestContext;
  let cast: Cast;
  const cookies = new Map<ActorKind, string>();

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const base = await makeCast(ctx);
    const invited = await makePerson(ctx, base.orgId, { account: false, managerId: base.subject.id });
    cast = { ...base, invited, oo: await makeOneOnOnes(ctx, base) };
    const who: Record<Exclude<ActorKind, 'anonymous'>, TestPerson> = {
      outsider: cast.outsider,
      colleague: cast.colleague,
      directReport: cast.directReport,
      manager: cast.manager,
      grandManager: cast.grandManager,
      admin: cast.admin,
      self: cast.subject,
    };
    for (const [kind, person] of Object.entries(who))
      cookies.set(kind as ActorKind, await loginAs(ctx, person.email));
  });
  afterAll(() => ctx?.close());

  it('every route declares a policy, and every non-public route has a row in this matrix', () => {
    const routes = ctx.app.registeredRoutes.filter((r) => !isDocsRoute(r.url));
    const missingPolicy = routes
      .filter((r) => r.policy === undefined && r.url.startsWith('/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(missingPolicy).toEqual([]);
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    const unlisted = keys.filter((k) => !matrix[k] && !publicRoutes.has(k));
    expect(unlisted).toEqual([]);
    for (const r of routes.filter((x) => publicRoutes.has(`${x.method} ${x.url}`)))
      expect(r.policy).toBe('public');
    for (const r of routes.filter((x) => matrix[`${x.method} ${x.url}`])) expect(r.policy).not.toBe('public');
    const stale = Object.keys(matrix).filter((k) => !keys.includes(k));
    expect(stale).toEqual([]);
  });

  for (const [key, row] of Object.entries(matrix)) {
    for (const actor of ACTORS) {
      it(`${key} as ${actor} → ${row.expect[actor]}`, async () => {
        const [method] = key.split(' ') as [string, string];
        const { url, payload } = row.request(cast, actor);
        const headers: Record<string, string> = { origin: ORIGIN };
        const cookie = cookies.get(actor);
        if (cookie) headers.cookie = cookie;
        const res = await ctx.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(payload !== undefined ? { payload: payload as object } : {}),
          ...(row.stream ? { payloadAsStream: true } : {}),
        });
        if (row.stream) {
          expect(res.statusCode).toBe(row.expect[actor]);
          // An open stream ends when the app closes; a refusal is read like any other body.
          if (res.statusCode === 200) {
            res.stream().destroy();
            return;
          }
          const chunks: Buffer[] = [];
          for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks).toString('utf8');
          if (actor === 'outsider') expect(body).not.toContain(cast.orgId);
          return;
        }
        expect(res.statusCode, res.body).toBe(row.expect[actor]);
        // Nothing of the first organisation ever reaches someone from another organisation.
        if (actor === 'outsider') {
          expect(res.body).not.toContain(cast.orgId);
          expect(res.body).not.toContain(cast.subject.id);
          expect(res.body).not.toContain(cast.subject.email);
        }
      });
    }
  }
});

/** A weekly series between the cast's manager and subject, with meetings in each state the rows need. */
async function makeOneOnOnes(
  ctx: TestContext,
  cast: Awaited<ReturnType<typeof makeCast>>,
): Promise<OneOnOneCast> {
  const asManager = await loginAs(ctx, cast.manager.email);
  const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, cookie: asManager },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const series = await send('POST', '/api/one-on-ones/series', {
    withPersonId: cast.subject.id,
    firstAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const all = await send('GET', `/api/one-on-ones/series/${series.id}?limit=50&offset=0`);
  const ids: string[] = all.meetings.map((m: { id: string }) => m.id).reverse();
  const [meetingId, runningId, heldId, c1, c2, k1, k2] = ids as [string, ...string[]];
  await send('POST', `/api/one-on-ones/meetings/${heldId}/close`, { confirmWithoutNextStep: true });
  const topic = async () =>
    (await send('POST', `/api/one-on-ones/meetings/${meetingId}/topics`, { title: 'Objectifs du trimestre' }))
      .id;
  const action = await send('POST', `/api/one-on-ones/meetings/${meetingId}/actions`, {
    title: 'Préparer la revue',
    ownerId: cast.subject.id,
  });
  return {
    seriesId: series.id,
    meetingId,
    runningId: runningId!,
    heldId: heldId!,
    topicId: await topic(),
    actionId: action.id,
    once: {
      cancel: { manager: c1!, self: c2! },
      close: { manager: k1!, self: k2! },
      deleteTopic: { manager: await topic(), self: await topic() },
    },
  };
}
