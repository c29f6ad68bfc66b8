import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, makeOrg, makePerson } from './factories.ts';

describe.each(DIALECTS)('people endpoints on %s', (dialect) => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof makeCast>>;
  let admin: string;
  let self: string;
  let manager: string;
  let grandManager: string;

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    cookie?: string,
    payload?: object,
    lang = 'fr',
  ) =>
    ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, 'accept-language': lang, ...(cookie ? { cookie } : {}) },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    cast = await makeCast(ctx);
    admin = await loginAs(ctx, cast.admin.email);
    self = await loginAs(ctx, cast.subject.email);
    manager = await loginAs(ctx, cast.manager.email);
    grandManager = await loginAs(ctx, cast.grandManager.email);
  });
  afterAll(() => ctx?.close());

  describe('PATCH /api/people/:id', () => {
    it('401 without a session, whatever the body', async () => {
      const res = await call('PATCH', `/api/people/${cast.subject.id}`, undefined, { firstName: '' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'unauthenticated', message: 'Connectez-vous pour continuer.' });
    });

    it('400 names each field at fault, in the language asked', async () => {
      const res = await call('PATCH', `/api/people/${cast.subject.id}`, self, {
        firstName: '',
        skills: [{ name: 'Négociation', level: 7 }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'validation_failed',
        message: 'Certains champs sont à corriger.',
        issues: [
          { field: 'firstName', code: 'required', message: '« Prénom » est obligatoire.' },
          { field: 'skills.0.level', code: 'too_big', message: '« Niveau » doit être au plus 4.' },
        ],
      });
      const en = await call('PATCH', `/api/people/${cast.subject.id}`, self, { firstName: '' }, 'en');
      // The signed-in person's own language wins over the browser's.
      expect(en.json().issues[0].message).toBe('« Prénom » est obligatoire.');
    });

    it('400 leaves the saved profile untouched', async () => {
      await call('PATCH', `/api/people/${cast.subject.id}`, self, { jobTitle: 'Cheffe de secteur' });
      await call('PATCH', `/api/people/${cast.subject.id}`, self, { jobTitle: 'x'.repeat(500) });
      const res = await call('GET', `/api/people/${cast.subject.id}`, self);
      expect(res.json().jobTitle).toBe('Cheffe de secteur');
    });

    it('404 for an unknown id', async () => {
      const res = await call('PATCH', `/api/people/does-not-exist`, admin, { jobTitle: 'A' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: 'Introuvable.' });
    });

    it('403 when the manager edits a report, or the person edits their own manager', async () => {
      expect(
        (await call('PATCH', `/api/people/${cast.subject.id}`, manager, { jobTitle: 'A' })).statusCode,
      ).toBe(403);
      const res = await call('PATCH', `/api/people/${cast.subject.id}`, self, {
        managerId: cast.colleague.id,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden');
    });

    it('200: a person edits their own profile and skills; the result is what was sent', async () => {
      const res = await call('PATCH', `/api/people/${cast.subject.id}`, self, {
        jobTitle: 'Responsable grands comptes',
        jobDescription: 'Suivre les comptes clés de la région.',
        skills: [
          { name: 'Négociation', level: 3 },
          { name: 'CRM', level: 2 },
        ],
        locale: 'en',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.jobTitle).toBe('Responsable grands comptes');
      expect(body.skills).toEqual([
        { name: 'CRM', level: 2 },
        { name: 'Négociation', level: 3 },
      ]);
      expect(body.locale).toBe('en');
      expect(body.permissions).toEqual({
        update: true,
        updateManager: false,
        updateRole: false,
        invite: false,
        readTeam: true,
      });
      // Messages now follow the person's chosen language.
      const bad = await call('PATCH', `/api/people/${cast.subject.id}`, self, { firstName: '' }, 'fr');
      expect(bad.json().issues[0].message).toBe('“First name” is required.');
      await call('PATCH', `/api/people/${cast.subject.id}`, self, { locale: 'fr' });
    });

    it('admin changes the manager; loops and unknown managers are refused with the field named', async () => {
      const loop = await call('PATCH', `/api/people/${cast.manager.id}`, admin, {
        managerId: cast.directReport.id,
      });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().issues).toEqual([
        {
          field: 'managerId',
          code: 'manager_cycle',
          message: "« Manager » : cette personne fait déjà partie de l'équipe de la personne modifiée.",
        },
      ]);
      const selfManaged = await call('PATCH', `/api/people/${cast.manager.id}`, admin, {
        managerId: cast.manager.id,
      });
      expect(selfManaged.json().issues[0].code).toBe('manager_is_self');
      const foreign = await call('PATCH', `/api/people/${cast.manager.id}`, admin, {
        managerId: cast.outsider.id,
      });
      expect(foreign.json().issues[0].code).toBe('manager_not_found');
      const ok = await call('PATCH', `/api/people/${cast.colleague.id}`, admin, {
        managerId: cast.grandManager.id,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().manager).toEqual({ id: cast.grandManager.id, name: cast.grandManager.name });
      await call('PATCH', `/api/people/${cast.colleague.id}`, admin, { managerId: cast.manager.id });
    });
  });

  describe('GET /api/people and team views', () => {
    it('the directory lists only the organisation, paginated and searchable', async () => {
      const page = await call('GET', '/api/people?limit=2&offset=0', self);
      expect(page.statusCode).toBe(200);
      expect(page.json().total).toBe(6);
      expect(page.json().items).toHaveLength(2);
      const search = await call('GET', '/api/people?q=rapp', self);
      expect(search.json().items.map((p: { id: string }) => p.id)).toEqual([cast.directReport.id]);
      const byMail = await call(
        'GET',
        `/api/people?q=${encodeURIComponent(cast.colleague.email.toUpperCase())}`,
        self,
      );
      expect(byMail.json().items.map((p: { id: string }) => p.id)).toEqual([cast.colleague.id]);
      const bad = await call('GET', '/api/people?limit=0', self);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].field).toBe('limit');
    });

    it('search ignores accents and case, and treats % and _ as plain characters', async () => {
      const org = await makeOrg(ctx);
      const hugo = await makePerson(ctx, org.orgId, {
        firstName: 'Hugo',
        lastName: 'Lefèvre',
        jobTitle: 'Responsable PME',
      });
      await makePerson(ctx, org.orgId, {
        firstName: 'Zoé',
        lastName: 'Blanc',
        jobTitle: 'Chargée_de_clientèle',
      });
      const cookie = await loginAs(ctx, org.admin.email);
      const ids = async (q: string) =>
        (await call('GET', `/api/people?q=${encodeURIComponent(q)}`, cookie))
          .json()
          .items.map((p: { id: string }) => p.id);
      expect(await ids('LEFEVRE')).toEqual([hugo.id]);
      expect(await ids('hugo lef')).toEqual([hugo.id]);
      expect(await ids('%')).toEqual([]);
      expect((await ids('chargee_de')).length).toBe(1);
      expect(await ids('chargee%de')).toEqual([]);
      await call('PATCH', `/api/people/${hugo.id}`, cookie, { jobTitle: 'Directeur régional' });
      expect(await ids('regional')).toEqual([hugo.id]);
    });

    it("a manager's manager sees the whole subtree; a manager their direct reports", async () => {
      const subtree = await call(
        'GET',
        `/api/people/${cast.grandManager.id}/team?scope=subtree`,
        grandManager,
      );
      expect(subtree.statusCode).toBe(200);
      expect(
        subtree
          .json()
          .items.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([cast.manager.id, cast.subject.id, cast.colleague.id, cast.directReport.id].sort());
      const direct = await call('GET', `/api/people/${cast.manager.id}/team?scope=direct`, manager);
      expect(
        direct
          .json()
          .items.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([cast.subject.id, cast.colleague.id].sort());
      expect(direct.json().items.find((p: { id: string }) => p.id === cast.subject.id).directReports).toBe(1);
    });

    it('the org chart follows a change at once (its cache is dropped on every people write)', async () => {
      const before = await call('GET', '/api/people/org-chart', self);
      expect(before.headers['content-type']).toBe('application/json; charset=utf-8');
      const managerOf = (res: typeof before, id: string) =>
        (res.json().items as { id: string; managerId: string | null }[]).find((i) => i.id === id)?.managerId;
      expect(managerOf(before, cast.colleague.id)).toBe(cast.manager.id);
      await call('PATCH', `/api/people/${cast.colleague.id}`, admin, { managerId: cast.grandManager.id });
      expect(managerOf(await call('GET', '/api/people/org-chart', self), cast.colleague.id)).toBe(
        cast.grandManager.id,
      );
      await call('PATCH', `/api/people/${cast.colleague.id}`, admin, { managerId: cast.manager.id });
      expect(managerOf(await call('GET', '/api/people/org-chart', self), cast.colleague.id)).toBe(
        cast.manager.id,
      );
    });

    it('the org chart lists every person of the organisation with their manager', async () => {
      const res = await call('GET', '/api/people/org-chart', self);
      const items = res.json().items as { id: string; managerId: string | null }[];
      expect(items).toHaveLength(6);
      expect(items.find((i) => i.id === cast.subject.id)?.managerId).toBe(cast.manager.id);
    });
  });

  describe('POST /api/people (admin) and invitations', () => {
    it('creates a person, sends the invitation mail, and refuses a duplicate e-mail', async () => {
      const body = {
        firstName: 'Inès',
        lastName: 'Nouvelle',
        email: 'Ines.Nouvelle@Example.com',
        managerId: cast.manager.id,
        skills: [{ name: 'Prospection', level: 2 }],
      };
      const res = await call('POST', '/api/people', admin, body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        email: 'ines.nouvelle@example.com',
        status: 'invited',
        manager: { id: cast.manager.id },
      });
      const mail = ctx.mails.at(-1)!;
      expect(mail.to).toBe('ines.nouvelle@example.com');
      expect(mail.subject).toBe(
        `Alice Admin vous invite sur Relais (${(await call('GET', '/api/organisation', admin)).json().name})`,
      );
      expect(mail.text).toMatch(/http:\/\/localhost:3000\/invitation\/[A-Za-z0-9_-]{40,}/);
      const dup = await call('POST', '/api/people', admin, body);
      expect(dup.statusCode).toBe(409);
      expect(dup.json().issues).toEqual([
        {
          field: 'email',
          code: 'email_taken',
          message: "« E-mail » : cette adresse est déjà utilisée dans l'organisation.",
        },
      ]);
    });

    it('the invitation link sets a password and signs the person in', async () => {
      const invited = await makePerson(ctx, cast.orgId, { account: false, firstName: 'Yann' });
      const sent = await call('POST', `/api/people/${invited.id}/invitation`, admin);
      expect(sent.statusCode).toBe(200);
      const token = /invitation\/([A-Za-z0-9_-]+)/.exec(ctx.mails.at(-1)!.text)![1]!;
      const info = await call('GET', `/api/invitations/${token}`);
      expect(info.json()).toMatchObject({ email: invited.email, firstName: 'Yann' });
      const short = await call('POST', `/api/invitations/${token}/accept`, undefined, { password: 'court' });
      expect(short.statusCode).toBe(400);
      expect(short.json().issues[0]).toEqual({
        field: 'password',
        code: 'too_short',
        message: '« Mot de passe » doit contenir au moins 10 caractères.',
      });
      const accepted = await call('POST', `/api/invitations/${token}/accept`, undefined, {
        password: 'un-mot-de-passe-solide',
      });
      expect(accepted.statusCode).toBe(200);
      const cookie = accepted.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = await call('GET', '/api/me', cookie);
      expect(me.json().person).toMatchObject({ id: invited.id, status: 'active' });
      const again = await call('POST', `/api/invitations/${token}/accept`, undefined, {
        password: 'un-mot-de-passe-solide',
      });
      expect(again.statusCode).toBe(404);
      expect(again.json().error).toBe('invitation_invalid');
      const active = await call('POST', `/api/people/${invited.id}/invitation`, admin);
      expect(active.statusCode).toBe(409);
    });
  });

  it('export gives a person everything about them, and records the export in the audit log', async () => {
    const res = await call('GET', `/api/people/${cast.subject.id}/export`, self);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.json().person.id).toBe(cast.subject.id);
    const audit = await call('GET', '/api/audit?limit=200', admin);
    const entry = audit
      .json()
      .items.find(
        (i: { action: string; subjectId: string }) =>
          i.action === 'person.export' && i.subjectId === cast.subject.id,
      );
    expect(entry.actor).toBe(cast.subject.name);
  });

  it('admin settings: the anonymity threshold cannot go below 3', async () => {
    const low = await call('PATCH', '/api/organisation', admin, { kThreshold: 2 });
    expect(low.statusCode).toBe(400);
    expect(low.json().issues).toEqual([
      { field: 'kThreshold', code: 'too_small', message: "« Seuil d'anonymat » doit être au moins 3." },
    ]);
    // /api/me is kept per person between requests: a settings change shows on the next one.
    const before = (await call('GET', '/api/me', admin)).json().organisation;
    await call('GET', '/api/me', admin);
    const ok = await call('PATCH', '/api/organisation', admin, { kThreshold: 7, name: 'Ventes Ouest' });
    expect(ok.json()).toMatchObject({ kThreshold: 7, name: 'Ventes Ouest' });
    expect((await call('GET', '/api/me', admin)).json().organisation).toEqual({
      id: before.id,
      name: 'Ventes Ouest',
      kThreshold: 7,
    });
  });
});
