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

type Cast = Awaited<ReturnType<typeof makeCast>> & { invited: TestPerson };
interface Row {
  request: (cast: Cast) => { url: string; payload?: unknown };
  expect: Record<ActorKind, number>;
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
    cast = { ...base, invited };
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
        const { url, payload } = row.request(cast);
        const headers: Record<string, string> = { origin: ORIGIN };
        const cookie = cookies.get(actor);
        if (cookie) headers.cookie = cookie;
        const res = await ctx.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(payload !== undefined ? { payload: payload as object } : {}),
        });
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
