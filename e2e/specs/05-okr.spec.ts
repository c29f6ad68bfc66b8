import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN, INVITEE } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const KRS = [
  {
    metric: 'Commandes livrées sous 48 h',
    unit: '%',
    start: '60',
    target: '90',
    direction: null,
    value: '72',
  },
  {
    metric: 'Réclamations clients',
    unit: 'par mois',
    start: '12',
    target: '4',
    direction: 'À faire baisser',
    value: '9',
  },
  {
    metric: 'Clients rappelés dans le mois',
    unit: '%',
    start: '40',
    target: '80',
    direction: null,
    value: '55',
  },
];

test('a manager writes the team objective with the clarity check, adds three key results; a team member runs the weekly review with the timer; the chart shows the new point', async ({
  page,
  browser,
}) => {
  // After journeys 01–03: Léa (admin) manages Hugo.
  const lea = new RelaisApp(page);
  await lea.signIn(ADMIN.email, ADMIN.password);
  await expect(lea.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
  await lea.nav('Cap');
  await expect(lea.heading('Cap')).toBeVisible();
  await page.getByRole('link', { name: `Équipe de ${ADMIN.firstName} ${ADMIN.lastName}` }).click();
  await expect(lea.heading(`Cap de l'équipe de ${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();

  // The objective, written as a task first: the clarity check says so while typing, then the fix clears it.
  const title = page.getByLabel(/^Objectif \(l'impact visé\)/);
  await title.fill('Organiser les livraisons de la région');
  await expect(page.getByText(/annonce une tâche, pas le résultat attendu/)).toBeVisible();
  await checkPage(page, 'okr-objective-clarity');
  await title.fill("Chaque client de la région livré sous 48 h d'ici le 30 juin");
  await expect(page.getByText(/annonce une tâche, pas le résultat attendu/)).toBeHidden();
  await page.getByLabel(/^Règles du jeu/).fill('Aucun délai promis sans vérifier le stock.');
  await page.getByLabel(/^Périmètre/).fill('Commandes standard, hors sur-mesure.');
  await page.getByLabel(/^Priorités/).fill("Les grands comptes d'abord.");
  // Review day: today, so that the team can run this week's review now.
  await page.getByRole('combobox', { name: /^Jour de la revue hebdomadaire/ }).click();
  await page.getByRole('option', { name: WEEKDAYS[new Date().getDay()]!, exact: true }).click();
  await page.getByRole('button', { name: "Enregistrer l'objectif" }).click();
  await expect(
    page.getByRole('heading', {
      name: "Chaque client de la région livré sous 48 h d'ici le 30 juin",
      level: 2,
    }),
  ).toBeVisible();

  // Three key results, and no more.
  for (const kr of KRS) {
    await page.getByRole('button', { name: 'Ajouter un résultat clé' }).click();
    const form = page.getByRole('form', { name: 'Nouveau résultat clé' });
    await form.getByLabel(/^Indicateur/).fill(kr.metric);
    await form.getByLabel(/^Unité/).fill(kr.unit);
    if (kr.direction) {
      await form.getByRole('combobox', { name: /^Sens/ }).click();
      await page.getByRole('option', { name: kr.direction }).click();
    }
    await form.getByLabel(/^Valeur de départ/).fill(kr.start);
    await form.getByLabel(/^Cible/).fill(kr.target);
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await expect(page.getByRole('heading', { name: kr.metric, level: 3 }).first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Résultats clés (3 sur 3)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter un résultat clé' })).toBeHidden();
  await checkPage(page, 'okr-objective');

  // Hugo, a team member, runs the weekly review.
  const context = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const hugoPage = await context.newPage();
  const hugo = new RelaisApp(hugoPage);
  await hugo.signIn(INVITEE.email, INVITEE.password);
  await expect(hugo.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();
  await hugo.nav('Cap');
  await hugoPage.getByRole('link', { name: `Équipe de ${ADMIN.firstName} ${ADMIN.lastName}` }).click();
  await hugoPage.getByRole('link', { name: 'Faire la revue' }).click();
  await expect(hugo.heading('Revue hebdomadaire')).toBeVisible();
  const timer = hugoPage.getByRole('timer');
  await expect(timer).toHaveText('15:00');
  await hugoPage.getByRole('button', { name: 'Lancer le minuteur' }).click();
  await expect(timer).not.toHaveText('15:00', { timeout: 5_000 });
  for (const kr of KRS) {
    const group = hugoPage.getByRole('group', { name: kr.metric });
    await group.getByLabel(/^Nouvelle valeur/).fill(kr.value);
    await group.getByLabel(/^Confiance/).fill('7');
  }
  await hugoPage
    .getByRole('group', { name: 'Réclamations clients' })
    .getByLabel(/^Obstacles/)
    .fill('Transporteur en sous-effectif cette semaine');
  await checkPage(hugoPage, 'okr-review');
  await hugoPage.getByRole('button', { name: 'Enregistrer la revue' }).click();

  // Back on the objective: the new point is in the chart and its number in the table.
  await expect(hugo.heading(`Cap de l'équipe de ${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();
  await expect(
    hugoPage.getByRole('img', {
      name: /^Commandes livrées sous 48 h : .*dernière valeur 72 ; 1 semaine\(s\) mesurée\(s\)/,
    }),
  ).toBeVisible();
  await expect(hugoPage.getByRole('cell', { name: '72 · 7/10' })).toBeVisible();
  await expect(hugoPage.getByText(/Réclamations clients : Transporteur en sous-effectif/)).toBeVisible();
  await checkPage(hugoPage, 'okr-history');

  // The manager sees the same review on the team page.
  await page.reload();
  await expect(
    page.getByText(new RegExp(`faite par ${INVITEE.firstName} ${INVITEE.lastName}`)),
  ).toBeVisible();
  await context.close();
});
