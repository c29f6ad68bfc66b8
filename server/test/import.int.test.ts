import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson } from './factories.ts';

const csv = [
  'Prénom;Nom;E-mail;Intitulé du poste;E-mail du manager;Équipe',
  'Claire;Dubois;claire.dubois@example.com;Directrice commerciale;;Direction',
  'Hugo;Lefèvre;hugo.lefevre@example.com;Manager PME;claire.dubois@example.com;PME Nantes',
  'Emma;Roux;emma.roux@example.com;Commerciale;hugo.lefevre@example.com;PME Nantes',
  ';Sans;sans.prenom@example.com;Commercial;hugo.lefevre@example.com;PME Nantes',
  'Jules;Faure;pas-une-adresse;Commercial;hugo.lefevre@example.com;PME Nantes',
  'Léo;Petit;leo.petit@example.com;Commercial;inconnu@example.com;PME Nantes',
  'Emma;Roux-bis;EMMA.ROUX@example.com;Commerciale;;PME Nantes',
].join('\r\n');

describe.each(DIALECTS)('CSV import of people on %s', (dialect) => {
  let ctx: TestContext;
  let admin: string;
  let orgId: string;
  const post = (payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { origin: ORIGIN, cookie: admin },
      payload,
    });
  const count = async () =>
    (await ctx.app.inject({ url: '/api/people?limit=1', headers: { cookie: admin } })).json().total as number;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const org = await makeOrg(ctx);
    orgId = org.orgId;
    admin = await loginAs(ctx, org.admin.email);
  });
  afterAll(() => ctx?.close());

  it('the preview lists creations and every row error with its line, and writes nothing', async () => {
    const before = await count();
    const res = await post({ csv, confirm: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.confirmed).toBe(false);
    expect(body.counts).toEqual({ create: 3, update: 0, unchanged: 0, errors: 4 });
    expect(body.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
    ]);
    expect(body.errors).toEqual([
      { line: 5, field: 'firstName', code: 'required', message: '« Prénom » est obligatoire.' },
      {
        line: 6,
        field: 'email',
        code: 'invalid_email',
        message: '« E-mail » doit être une adresse e-mail valide.',
      },
      {
        line: 7,
        field: 'manager_email',
        code: 'csv_manager_unknown',
        message: "Le manager inconnu@example.com n'existe ni dans le fichier ni dans l'organisation.",
      },
      {
        line: 8,
        field: 'email',
        code: 'csv_duplicate_email',
        message: 'Cette adresse apparaît déjà à la ligne 4.',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('confirming writes the valid rows with their managers; re-importing the same file changes nothing', async () => {
    const before = await count();
    const res = await post({ csv, confirm: true });
    expect(res.json()).toMatchObject({ confirmed: true, counts: { create: 3, errors: 4 } });
    expect(await count()).toBe(before + 3);
    const people = (
      await ctx.app.inject({ url: '/api/people?q=example.com&limit=50', headers: { cookie: admin } })
    ).json().items as {
      email: string;
      id: string;
      managerId: string | null;
      team: string;
      jobTitle: string;
    }[];
    const byEmail = new Map(people.map((p) => [p.email, p]));
    expect(byEmail.get('emma.roux@example.com')).toMatchObject({
      managerId: byEmail.get('hugo.lefevre@example.com')!.id,
      team: 'PME Nantes',
      jobTitle: 'Commerciale',
    });
    expect(byEmail.get('claire.dubois@example.com')!.managerId).toBeNull();
    const again = await post({ csv, confirm: true });
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, errors: 4 });
    expect(again.json().confirmed).toBe(false);
    expect(await count()).toBe(before + 3);
  });

  it('a changed row is an update naming the changed fields; a hierarchy loop is refused', async () => {
    const changed =
      'first name,last name,email,job title,manager email\nHugo,Lefèvre,hugo.lefevre@example.com,Manager grands comptes,claire.dubois@example.com\nClaire,Dubois,claire.dubois@example.com,Directrice commerciale,emma.roux@example.com\n';
    const res = await post({ csv: changed, confirm: false });
    expect(res.json().rows).toEqual([
      {
        line: 2,
        email: 'hugo.lefevre@example.com',
        name: 'Hugo Lefèvre',
        action: 'update',
        changes: ['jobTitle'],
      },
    ]);
    expect(res.json().errors).toEqual([
      {
        line: 3,
        field: 'manager_email',
        code: 'csv_manager_cycle',
        message: 'Le rattachement au manager emma.roux@example.com créerait une boucle hiérarchique.',
      },
    ]);
  });

  it('a file without the required columns or without rows is explained', async () => {
    const noEmail = await post({ csv: 'prénom,nom\nA,B\n', confirm: false });
    expect(noEmail.json().errors).toEqual([
      { line: 1, field: 'csv', code: 'csv_missing_column', message: 'Colonne obligatoire absente : E-mail.' },
    ]);
    const empty = await post({ csv: 'first name,last name,email\n', confirm: false });
    expect(empty.json().errors[0].code).toBe('csv_empty');
  });

  it('existing people of the organisation can be managers in the file', async () => {
    const boss = await makePerson(ctx, orgId, { firstName: 'Bernard' });
    const res = await post({
      csv: `first name,last name,email,manager email\nZoé,Blanc,zoe.blanc@example.com,${boss.email}\n`,
      confirm: true,
    });
    expect(res.json()).toMatchObject({ confirmed: true, counts: { create: 1, errors: 0 } });
  });
});
