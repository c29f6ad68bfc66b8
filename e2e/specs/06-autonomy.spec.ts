import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN, INVITEE } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const HUGO = `${INVITEE.firstName} ${INVITEE.lastName}`;
const DISCOUNTS = 'Remises commerciales jusqu’à 10 %';
const FOLLOW_UP = 'Relances clients après salon';
const counted = (without: number, total: number) =>
  `${without} sur ${total} ${total > 1 ? 'initiatives conclues' : 'initiative conclue'} sans demander de validation.`;

interface Autonomy {
  person: { id: string };
  indicator: { current: { concluded: number; withoutValidation: number } };
}

test('autonomy: domains, the matrix, a level raised with its history, an initiative moving the indicator, a client handover, the learning log and the weekly review', async ({
  page,
  browser,
}) => {
  // Léa manages Hugo and Claire (who manages Emma) since the earlier journeys.
  const lea = new RelaisApp(page);
  await lea.signIn(ADMIN.email, ADMIN.password);
  await expect(lea.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();

  await lea.nav('Autonomie');
  await expect(lea.heading("Autonomie de l'équipe")).toBeVisible();

  // Two decision domains.
  const domains = page.getByRole('region', { name: 'Domaines de décision' });
  for (const name of [DISCOUNTS, FOLLOW_UP]) {
    await page.getByLabel('Nom du domaine').fill(name);
    await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
    await expect(domains.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByLabel('Nom du domaine')).toHaveValue('');
  }

  // The matrix has a column per domain and a row per report.
  const matrix = page.getByRole('table');
  await expect(matrix.getByRole('columnheader', { name: FOLLOW_UP })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: new RegExp(HUGO) })).toBeVisible();
  await expect(page.getByText('Toute ma structure')).toBeVisible();
  await checkPage(page, 'autonomy-matrix');

  // Léa raises Hugo's level in a domain, with a reason; the history shows it.
  await matrix.getByRole('link', { name: HUGO }).click();
  await expect(lea.heading(`Autonomie de ${HUGO}`)).toBeVisible();
  await page.getByRole('button', { name: 'Définir un niveau' }).click();
  await page.getByLabel('Domaine', { exact: true }).selectOption({ label: FOLLOW_UP });
  await page.getByLabel('Niveau', { exact: true }).selectOption({ label: '5 · Conseiller' });
  await page
    .getByLabel('Pourquoi ce changement')
    .fill('Trois relances clients menées seul, avec un débrief clair.');
  await page.getByRole('button', { name: 'Enregistrer le niveau' }).click();
  const history = page.getByRole('list', { name: /^Changements de niveau/ });
  await expect(
    history.getByText('Raison : Trois relances clients menées seul, avec un débrief clair.'),
  ).toBeVisible();
  await expect(
    history.getByText(`Par ${ADMIN.firstName} ${ADMIN.lastName},`, { exact: false }).first(),
  ).toBeVisible();
  await checkPage(page, 'autonomy-person');

  await page.getByRole('link', { name: 'Retour à la matrice' }).click();
  await expect(
    page
      .getByRole('row', { name: new RegExp(HUGO) })
      .getByText('Conseiller', { exact: true })
      .first(),
  ).toBeVisible();

  // Hugo has no team: "Autonomie" shows his own page; an initiative without validation moves his indicator.
  const hugoContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const hugoPage = await hugoContext.newPage();
  const hugo = new RelaisApp(hugoPage);
  await hugo.signIn(INVITEE.email, INVITEE.password);
  await expect(hugo.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();
  await hugo.nav('Autonomie');
  await expect(hugo.heading('Mon autonomie')).toBeVisible();
  await expect(hugoPage.getByText('Conseiller', { exact: true }).first()).toBeVisible();
  // Earlier journeys may have finished delegations for Hugo: compare with what the API counted before.
  const me = (await (await hugoPage.request.get('/api/me')).json()) as { person: { id: string } };
  const before = (await (
    await hugoPage.request.get(`/api/autonomy/people/${me.person.id}?periodDays=90`)
  ).json()) as Autonomy;
  const { concluded, withoutValidation } = before.indicator.current;
  await hugoPage
    .getByLabel('Initiative', { exact: true })
    .fill('Relance du client Atlantique Froid sans attendre');
  await hugoPage.getByLabel('Domaine', { exact: true }).selectOption({ label: FOLLOW_UP });
  await hugoPage.getByLabel('Résultat (facultatif)').fill('Commande signée pour le trimestre.');
  await hugoPage.getByRole('button', { name: "Enregistrer l'initiative" }).click();
  await expect(hugoPage.getByText(counted(withoutValidation + 1, concluded + 1))).toBeVisible();
  await expect(hugoPage.getByText('Relance du client Atlantique Froid sans attendre')).toBeVisible();
  await checkPage(hugoPage, 'autonomy-self');
  await hugoContext.close();

  // Client handover: created for Hugo, stage 1 marked done.
  const tabs = page.getByRole('navigation', { name: 'Délégation et autonomie' });
  await tabs.getByRole('link', { name: 'Passations client' }).click();
  await expect(lea.heading('Passations client')).toBeVisible();
  await page.getByLabel('Compte client').fill('Atlantique Froid');
  await page.getByRole('combobox', { name: 'Personne qui reprend la relation' }).fill(INVITEE.firstName);
  await page.getByRole('option', { name: new RegExp(HUGO) }).click();
  await page.getByLabel('Note (facultative)').fill('Client historique, très attaché aux délais.');
  await page.getByRole('button', { name: 'Créer la passation' }).click();
  await expect(lea.heading('Passation : Atlantique Froid')).toBeVisible();
  await page.getByRole('button', { name: "Marquer l'étape « En coulisses » comme faite" }).click();
  await expect(page.getByText('Étape 1 sur 4 : En coulisses')).toBeVisible();
  await checkPage(page, 'handover-detail');
  await page.getByRole('link', { name: 'Retour aux passations' }).click();
  const account = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Atlantique Froid' }) });
  await expect(account.getByText(`Contact principal : ${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();
  await expect(account.getByText('Étape 1 sur 4 : En coulisses')).toBeVisible();
  await checkPage(page, 'handovers');

  // Learning log: an entry added, then found by search.
  await tabs.getByRole('link', { name: 'Apprentissages' }).click();
  await expect(lea.heading('Apprentissages')).toBeVisible();
  const newEntry = page.getByRole('region', { name: 'Ajouter une entrée' });
  await newEntry.getByText('Erreur', { exact: true }).click();
  await expect(newEntry.getByRole('radio', { name: 'Erreur' })).toBeChecked();
  await page.getByLabel('Titre', { exact: true }).fill('Devis envoyé sans la remise négociée');
  await page.getByLabel('Récit (facultatif)').fill('Relire le devis avec la fiche client avant envoi.');
  await page.getByRole('button', { name: 'Ajouter au journal' }).click();
  await expect(page.getByRole('heading', { name: 'Devis envoyé sans la remise négociée' })).toBeVisible();
  await page.getByLabel('Rechercher').fill('remise négociée');
  await expect(page.getByText('1 entrée', { exact: true })).toBeVisible();
  await page.getByLabel('Rechercher').fill('introuvable');
  await expect(page.getByText('Aucune entrée ne correspond à cette recherche.')).toBeVisible();
  await page.getByLabel('Rechercher').fill('devis');
  await expect(page.getByRole('heading', { name: 'Devis envoyé sans la remise négociée' })).toBeVisible();
  await checkPage(page, 'learning');

  // The weekly review sample.
  await tabs.getByRole('link', { name: 'Revue de la semaine' }).click();
  await expect(lea.heading('Revue de la semaine')).toBeVisible();
  await checkPage(page, 'review-sample');
});
