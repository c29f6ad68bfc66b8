import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const csv = [
  'Prénom;Nom;E-mail;Intitulé du poste;E-mail du manager;Équipe',
  `Claire;Dubois;claire.dubois@example.com;Directrice commerciale;${ADMIN.email};Direction`,
  'Emma;Roux;emma.roux@example.com;Commerciale;claire.dubois@example.com;PME Nantes',
  'Jules;Faure;pas-une-adresse;Commercial;claire.dubois@example.com;PME Nantes',
].join('\n');

test('CSV import with one bad row: preview, errors with their line, confirm, then the directory and org chart show the people', async ({
  page,
}) => {
  const app = new RelaisApp(page);
  await app.signIn(ADMIN.email, ADMIN.password);
  await expect(app.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();

  await app.nav('Importer des personnes');
  await expect(app.heading('Importer des personnes')).toBeVisible();
  await page.getByLabel('Contenu CSV').fill(csv);
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(
    page
      .getByRole('heading', { name: 'Aperçu de l’import' })
      .or(page.getByRole('heading', { name: "Aperçu de l'import" })),
  ).toBeVisible();
  const errors = page
    .getByRole('table')
    .filter({ hasText: 'pas-une-adresse' })
    .or(page.getByRole('table').filter({ hasText: 'Motif' }));
  await expect(
    errors
      .getByRole('row')
      .filter({ hasText: '4' })
      .filter({ hasText: '« E-mail » doit être une adresse e-mail valide.' }),
  ).toBeVisible();
  await checkPage(page, 'admin-import-preview');

  // Nothing is written before confirmation.
  expect((await page.request.get('/api/people?q=claire.dubois')).ok()).toBe(true);
  expect((await (await page.request.get('/api/people?q=claire.dubois')).json()).total).toBe(0);

  await page.getByRole('button', { name: /Confirmer l'import \(2 modifications\)/ }).click();
  await expect(page.getByText('Import terminé')).toBeVisible();
  expect((await (await page.request.get('/api/people?q=example.com')).json()).total).toBe(4);

  await app.nav('Personnes');
  await page.getByLabel('Rechercher').fill('Roux');
  await expect(page.getByRole('link', { name: 'Emma Roux' })).toBeVisible();
  await page.getByRole('link', { name: 'Emma Roux' }).click();
  await expect(app.heading('Emma Roux')).toBeVisible();
  await expect(page.getByText('Claire Dubois').first()).toBeVisible();
  await checkPage(page, 'person');

  await app.nav('Organigramme');
  await expect(app.heading('Organigramme')).toBeVisible();
  await checkPage(page, 'org-chart');

  await app.nav('Organisation');
  await expect(app.heading('Organisation')).toBeVisible();
  await checkPage(page, 'admin-organisation');
  await app.nav("Journal d'audit");
  await expect(app.heading("Journal d'audit")).toBeVisible();
  await checkPage(page, 'admin-audit');

  // The home page loaded afresh: the session is asked for once (ahead, by main.tsx) and the team arrives with
  // the page, which is drawn once, complete.
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
  });
  await page.goto('/');
  await expect(app.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
  const team = page.getByRole('region', { name: 'Mon équipe directe (1)' });
  expect(await team.getByRole('link', { name: 'Claire Dubois' }).isVisible()).toBe(true);
  await page.waitForLoadState('networkidle');
  expect(asked.filter((p) => p === '/api/me')).toHaveLength(1);
  expect(asked.filter((p) => p.endsWith('/team'))).toHaveLength(1);
  await checkPage(page, 'home-manager');
});
