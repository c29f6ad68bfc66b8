import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JARGON } from '../../core/domain/clarity.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';

/** The organisation's own jargon list for the clarity check (issue 5 §5: a default list per language, editable). */
describe.each(DIALECTS)('jargon list on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestPerson;
  let member: TestPerson;
  let otherAdmin: TestPerson;
  const cookies: Record<string, string> = {};
  const call = (method: 'GET' | 'PUT', url: string, who: string, payload?: object) =>
    ctx.app.inject({
      method,
      url,
      headers: {
        cookie: cookies[who]!,
        origin: ORIGIN,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      payload: payload as object,
    });

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const org = await makeOrg(ctx);
    admin = org.admin;
    member = await makePerson(ctx, org.orgId, { managerId: admin.id, firstName: 'Mia', lastName: 'Membre' });
    otherAdmin = (await makeOrg(ctx)).admin;
    for (const [who, p] of Object.entries({ admin, member, otherAdmin }))
      cookies[who] = await loginAs(ctx, p.email);
  });
  afterAll(() => ctx?.close());

  it('starts from the default list of each language, read by every member', async () => {
    const res = await call('GET', '/api/clarity/jargon', 'member');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fr: {
        terms: [...DEFAULT_JARGON.fr],
        custom: false,
        defaults: [...DEFAULT_JARGON.fr],
        updatedAt: null,
        updatedBy: null,
      },
      en: {
        terms: [...DEFAULT_JARGON.en],
        custom: false,
        defaults: [...DEFAULT_JARGON.en],
        updatedAt: null,
        updatedBy: null,
      },
      permissions: { update: false },
    });
  });

  it('the admin replaces one language’s list (cleaned); members see it, other organisations do not', async () => {
    const saved = await call('PUT', '/api/clarity/jargon/fr', 'admin', {
      terms: ['  Synergie ', 'synergie', '', 'tableau   de bord RH', 'ROI'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const fr = saved.json().fr;
    expect(fr).toMatchObject({
      terms: ['Synergie', 'tableau de bord RH', 'ROI'],
      custom: true,
      updatedBy: { id: admin.id, name: 'Alice Admin' },
    });
    expect(Date.parse(fr.updatedAt)).not.toBeNaN();
    expect(saved.json().permissions).toEqual({ update: true });

    const seen = (await call('GET', '/api/clarity/jargon', 'member')).json();
    expect(seen.fr.terms).toEqual(['Synergie', 'tableau de bord RH', 'ROI']);
    expect(seen.en).toMatchObject({ custom: false, terms: [...DEFAULT_JARGON.en] });
    const elsewhere = (await call('GET', '/api/clarity/jargon', 'otherAdmin')).json();
    expect(elsewhere.fr).toMatchObject({ custom: false, terms: [...DEFAULT_JARGON.fr] });
  });

  it('a member may not change it; bad input names the field and keeps the saved list', async () => {
    const denied = await call('PUT', '/api/clarity/jargon/fr', 'member', { terms: ['process'] });
    expect(denied.statusCode).toBe(403);
    const tooLong = await call('PUT', '/api/clarity/jargon/fr', 'admin', { terms: ['ok', 'x'.repeat(61)] });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().issues[0]).toMatchObject({ field: 'terms.1' });
    expect(tooLong.json().issues[0].message).toContain('60');
    const badLocale = await call('PUT', '/api/clarity/jargon/de', 'admin', { terms: [] });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().issues[0]).toMatchObject({ field: 'locale' });
    const still = (await call('GET', '/api/clarity/jargon', 'member')).json();
    expect(still.fr.terms).toEqual(['Synergie', 'tableau de bord RH', 'ROI']);
  });

  it('an empty list flags no jargon; null goes back to the default list', async () => {
    const empty = await call('PUT', '/api/clarity/jargon/en', 'admin', { terms: [] });
    expect(empty.json().en).toMatchObject({ terms: [], custom: true });
    const reset = await call('PUT', '/api/clarity/jargon/en', 'admin', { terms: null });
    expect(reset.json().en).toMatchObject({ terms: [...DEFAULT_JARGON.en], custom: false, updatedBy: null });
    const resetFr = await call('PUT', '/api/clarity/jargon/fr', 'admin', { terms: null });
    expect(resetFr.json().fr.custom).toBe(false);
  });
});
