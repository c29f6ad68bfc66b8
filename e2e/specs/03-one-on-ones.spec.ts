import { test, expect, checkPage } from '../fixtures.ts';
import type { APIRequestContext } from '@playwright/test';
import { ADMIN, INVITEE } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const GRAND = {
  firstName: 'Gaëlle',
  lastName: 'Roche',
  email: 'gaelle.roche@example.com',
  password: 'gaelle-mot-de-passe',
};

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test('a one-to-one prepared by both, run live in six steps, closed with next steps, rated; the grand-manager sees cadence only', async ({
  page,
  browser,
  baseURL,
}) => {
  // Manager: Léa (admin). Report: Hugo. Léa's own manager: Gaëlle — all seeded through the API.
  const lea = new RelaisApp(page);
  await lea.signIn(ADMIN.email, ADMIN.password);
  await expect(lea.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
  const api = page.request;
  const origin = { headers: { origin: baseURL! } };
  const me = await json<{ person: { id: string } }>(await api.get('/api/me'));
  const hugo = (await json<{ items: { id: string }[] }>(await api.get(`/api/people?q=${INVITEE.email}`)))
    .items[0]!;
  // Hugo chose English in the first journey: back to French for this one.
  await json(
    await api.patch(`/api/people/${hugo.id}`, { ...origin, data: { managerId: me.person.id, locale: 'fr' } }),
  );
  const gaelle = await json<{ id: string }>(
    await api.post('/api/people', {
      ...origin,
      data: { firstName: GRAND.firstName, lastName: GRAND.lastName, email: GRAND.email },
    }),
  );
  await json(await api.patch(`/api/people/${me.person.id}`, { ...origin, data: { managerId: gaelle.id } }));
  const outbox = await json<{ items: { to: string; body: string }[] }>(await api.get('/api/outbox?limit=50'));
  const token = /invitation\/([A-Za-z0-9_-]+)/.exec(
    outbox.items.find((m) => m.to === GRAND.email)!.body,
  )![1]!;
  const firstAt = new Date(Date.now() + 2 * 86_400_000);
  firstAt.setUTCHours(9, 0, 0, 0);
  await json(
    await api.post('/api/one-on-ones/series', {
      ...origin,
      data: { withPersonId: hugo.id, firstAt: firstAt.toISOString() },
    }),
  );

  const reportContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const reportPage = await reportContext.newPage();
  const hugoApp = new RelaisApp(reportPage);
  await hugoApp.signIn(INVITEE.email, INVITEE.password);
  await expect(hugoApp.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();

  // Both find the series and open the next meeting.
  await lea.nav('Tête-à-tête');
  await expect(lea.heading('Tête-à-tête')).toBeVisible();
  await checkPage(page, 'one-on-ones');
  await page
    .getByRole('link', { name: /^Préparer le rendez-vous du/ })
    .first()
    .click();
  await expect(lea.heading(/^Tête-à-tête du/)).toBeVisible();
  const meetingUrl = page.url();
  await reportPage.goto(meetingUrl);
  await expect(hugoApp.heading(/^Tête-à-tête du/)).toBeVisible();

  // Preparation: the report's topic reaches the manager live, without reloading.
  await reportPage.getByLabel('Nouveau sujet').fill('Mon plan de prospection du trimestre');
  await reportPage.getByRole('button', { name: 'Ajouter le sujet' }).click();
  await expect(page.getByText('Mon plan de prospection du trimestre')).toBeVisible({ timeout: 5_000 });
  await page.getByLabel('Nouveau sujet').fill('Retour sur le salon de Nantes');
  await page.getByRole('button', { name: 'Ajouter le sujet' }).click();
  await expect(reportPage.getByText('Retour sur le salon de Nantes')).toBeVisible({ timeout: 5_000 });
  await reportPage
    .getByLabel('Note privée (vous seul pouvez la lire)')
    .fill('Parler de ma charge en décembre');
  await expect(reportPage.getByText('Enregistré').first()).toBeVisible();
  await checkPage(reportPage, 'one-on-one-prepare-report');

  // The guided meeting.
  await page.getByRole('button', { name: 'Démarrer le tête-à-tête' }).click();
  await expect(page.getByRole('heading', { name: "1. D'abord, l'écouter", level: 3 })).toBeVisible();
  await checkPage(page, 'one-on-one-run');
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  // Each step change is saved before the next one: wait for it, or a quick second click lands on the old step.
  await expect(page.getByRole('heading', { name: '2. Reconnaître les faits', level: 3 })).toBeVisible();
  await page.getByRole('button', { name: 'Étape suivante' }).click();
  await expect(page.getByRole('heading', { name: '3. Corriger sur des faits', level: 3 })).toBeVisible();
  await page.getByLabel('Nouvelle action').fill('Relancer les trois prospects du salon');
  await page.getByRole('button', { name: "Ajouter l'action" }).click();
  await expect(reportPage.getByText('Relancer les trois prospects du salon').first()).toBeVisible({
    timeout: 5_000,
  });
  await page.getByRole('button', { name: '6. Conclure sur une note positive' }).click();
  await expect(
    page.getByRole('heading', { name: '6. Conclure sur une note positive', level: 3 }),
  ).toBeVisible();
  await page.getByLabel('Nouvelle action').fill('Préparer la démonstration pour Atlantique Froid');
  await page.getByRole('button', { name: "Ajouter l'action" }).click();
  await expect(page.getByText('Préparer la démonstration pour Atlantique Froid').first()).toBeVisible();
  await page.getByRole('button', { name: 'Clore le tête-à-tête' }).click();
  await expect(page.getByRole('heading', { name: 'Compte rendu' })).toBeVisible();

  // The report rates it (anonymous to the organisation).
  await expect(reportPage.getByRole('heading', { name: 'Votre avis sur ce tête-à-tête' })).toBeVisible({
    timeout: 5_000,
  });
  for (const group of [
    'Le rendez-vous était-il structuré ?',
    'Était-il utile pour vous ?',
    'Avez-vous pu vous exprimer ?',
  ]) {
    await reportPage.getByRole('radiogroup', { name: group }).getByRole('radio', { name: /^4/ }).check();
  }
  await reportPage.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(reportPage.getByRole('button', { name: 'Envoyer mon avis' })).toBeHidden();
  await checkPage(reportPage, 'one-on-one-rated');

  // The next meeting carries the open actions over.
  await page.getByRole('link', { name: 'Voir la série' }).click();
  await expect(lea.heading(`Tête-à-tête avec ${INVITEE.firstName} ${INVITEE.lastName}`)).toBeVisible();
  await checkPage(page, 'one-on-one-series');
  const series = await json<{ items: { nextMeeting: { id: string } | null }[] }>(
    await api.get('/api/one-on-ones/series'),
  );
  await page.goto(`/one-on-ones/meetings/${series.items[0]!.nextMeeting!.id}`);
  await expect(page.getByText('Préparer la démonstration pour Atlantique Froid')).toBeVisible();
  await expect(page.getByText('Relancer les trois prospects du salon')).toBeVisible();

  // The grand-manager: cadence numbers on Léa's page, no content anywhere.
  const grandContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const grandPage = await grandContext.newPage();
  await grandPage.goto(`/invitation/${token}`);
  await grandPage.getByLabel('Mot de passe', { exact: true }).fill(GRAND.password);
  await grandPage.getByLabel('Confirmer le mot de passe').fill(GRAND.password);
  await grandPage.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(new RelaisApp(grandPage).heading(`Bonjour ${GRAND.firstName}`)).toBeVisible();
  expect(
    (
      await grandPage.request.get(
        meetingUrl.replace(/.*\/one-on-ones\/meetings\//, '/api/one-on-ones/meetings/'),
      )
    ).status(),
  ).toBe(404);
  await grandPage.goto(`/people/${me.person.id}`);
  await expect(grandPage.getByRole('heading', { name: 'Régularité des tête-à-tête' })).toBeVisible();
  await expect(grandPage.getByText('Mon plan de prospection du trimestre')).toBeHidden();
  await checkPage(grandPage, 'person-cadence');
  await reportContext.close();
  await grandContext.close();
});
