import { test, expect, checkPage } from '../fixtures.ts';
import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN, INVITEE } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const OUTCOME = 'Atlantique Froid reçoit une proposition signée avant la fin du mois';
const DOMAIN = 'Remises jusqu’à 10 %';

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A calendar day `days` from today, as a date input wants it (local time, like the browser). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The same day as the card shows it ("12 mars 2030"). */
function longDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(d);
}

/** The other side does not stream card changes: reload to see them. */
async function reload(page: Page) {
  await page.reload();
  await expect(page.getByRole('heading', { name: OUTCOME, level: 1 })).toBeVisible();
}

test('a delegation with its checklist: question, acceptance, checkpoint, alert, validation, debrief, level raised', async ({
  page,
  browser,
}) => {
  // Two people walk the whole flow, with an axe scan and screenshots on each screen: longer than one step.
  test.setTimeout(180_000);
  // Manager: Léa (admin). Team member: Hugo, her direct report since the one-to-ones journey.
  const lea = new RelaisApp(page);
  await lea.signIn(ADMIN.email, ADMIN.password);
  await expect(lea.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
  const hugo = (
    await json<{ items: { id: string }[] }>(await page.request.get(`/api/people?q=${INVITEE.email}`))
  ).items[0]!;

  // The empty list explains the method and offers to delegate.
  await lea.nav('Délégation');
  await expect(lea.heading('Délégation')).toBeVisible();
  await expect(page.getByRole('heading', { name: "Vous n'avez encore rien délégué" })).toBeVisible();
  await checkPage(page, 'delegation-empty');
  await page.getByRole('link', { name: 'Déléguer quelque chose' }).click();
  await expect(lea.heading('Nouvelle délégation')).toBeVisible();

  // The checklist, one field after the other.
  await page.getByLabel('Résultat attendu', { exact: true }).fill(OUTCOME);
  await page.getByRole('button', { name: 'Ajouter un domaine' }).click();
  await page.getByLabel('Nom du nouveau domaine', { exact: true }).fill(DOMAIN);
  await page.getByRole('button', { name: 'Créer le domaine' }).click();
  await expect(page.getByLabel('Domaine de décision', { exact: true })).toHaveValue(/.+/);
  await page.getByRole('radio', { name: /^5 · Conseiller/ }).check();
  await page.getByRole('button', { name: `Choisir ${INVITEE.firstName} ${INVITEE.lastName}` }).click();
  await expect(page.getByText("C'est votre choix").filter({ visible: true })).toBeVisible();
  await page.getByLabel('Échéance', { exact: true }).fill(day(21));
  await page.getByRole('button', { name: "Ajouter un point d'étape" }).click();
  await expect(page.getByLabel("Point d'étape 1", { exact: true })).toHaveValue(day(7));
  await page.getByLabel('Risques', { exact: true }).fill('Accorder plus de 10 % sans m’en parler.');
  await page
    .getByLabel('Soutien proposé', { exact: true })
    .fill('Je relis la proposition avant envoi si vous le souhaitez.');
  await page
    .getByLabel('Indicateurs de réussite', { exact: true })
    .fill('Bon de commande signé, marge au-dessus de 30 %.');
  await page.getByLabel('Format du résultat', { exact: true }).fill('Une page de synthèse');
  await page
    .getByLabel("Condition d'alerte", { exact: true })
    .fill('Le client menace de partir chez un concurrent.');
  await page.getByLabel('Suivre aussi un indicateur chiffré', { exact: true }).check();
  await page.getByLabel('Indicateur', { exact: true }).fill('Remise accordée (%)');
  await page.getByLabel('Limite', { exact: true }).fill('10');

  // Nothing typed is lost: a reload brings the draft back.
  await page.reload();
  await expect(page.getByText('Nous avons repris le brouillon que vous aviez commencé.')).toBeVisible();
  await expect(page.getByLabel('Résultat attendu', { exact: true })).toHaveValue(OUTCOME);
  await expect(page.getByLabel('Limite', { exact: true })).toHaveValue('10');
  await expect(page.getByRole('radio', { name: /^5 · Conseiller/ })).toBeChecked();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await checkPage(page, 'delegation-new');

  // Someone outside her team: the server refuses, the message sits under the field, nothing typed is lost.
  await page.getByRole('combobox', { name: 'À qui' }).fill('Roche');
  await page.getByRole('option', { name: /Gaëlle Roche/ }).click();
  await page.getByRole('button', { name: 'Proposer la délégation' }).click();
  await expect(page.getByRole('combobox', { name: 'À qui' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Résultat attendu', { exact: true })).toHaveValue(OUTCOME);
  await page.getByRole('button', { name: `Choisir ${INVITEE.firstName} ${INVITEE.lastName}` }).click();

  await page.getByRole('button', { name: 'Proposer la délégation' }).click();
  await expect(lea.heading(OUTCOME)).toBeVisible();
  const cardUrl = page.url();
  await expect(page.getByText('5 · Conseiller').first()).toBeVisible();
  await checkPage(page, 'delegation-card-proposed');

  // Léa reframes the card before Hugo answers: a refused date sits under its field, nothing typed is lost.
  const indicators = 'Bon de commande signé, marge au-dessus de 30 %, livraison planifiée.';
  await page.getByRole('button', { name: 'Modifier la carte' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier la carte' });
  await expect(edit.getByLabel('Résultat attendu', { exact: true })).toHaveValue(OUTCOME);
  await expect(edit.getByRole('radio', { name: /^5 · Conseiller/ })).toBeChecked();
  await checkPage(page, 'delegation-card-edit');
  await edit.getByLabel('Indicateurs de réussite', { exact: true }).fill(indicators);
  // Before the checkpoint already planned in a week: the server refuses.
  await edit.getByLabel('Échéance', { exact: true }).fill(day(3));
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(edit.getByLabel('Échéance', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByLabel('Échéance', { exact: true })).toHaveAccessibleDescription(
    /ne peut pas précéder un point d'étape/,
  );
  await expect(edit.getByLabel('Indicateurs de réussite', { exact: true })).toHaveValue(indicators);
  await edit.getByLabel('Échéance', { exact: true }).fill(day(28));
  await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Carte modifiée' })).toBeVisible();
  await expect(page.getByText(indicators)).toBeVisible();
  await expect(page.getByText(longDay(28))).toBeVisible();

  // Hugo is told in the bell, opens the card and asks a question before accepting.
  const memberContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const memberPage = await memberContext.newPage();
  const hugoApp = new RelaisApp(memberPage);
  await hugoApp.signIn(INVITEE.email, INVITEE.password);
  await expect(hugoApp.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();
  await memberPage.getByRole('button', { name: /^Notifications, \d+ non lues?$/ }).click();
  await memberPage.getByRole('link', { name: /vous propose une délégation/ }).click();
  await expect(hugoApp.heading(OUTCOME)).toBeVisible();
  await expect(memberPage.getByText(longDay(28))).toBeVisible();
  await expect(memberPage.getByRole('button', { name: 'Modifier la carte' })).toHaveCount(0);
  await memberPage
    .getByLabel('Votre question', { exact: true })
    .fill('Puis-je proposer un paiement en trois fois ?');
  await memberPage.getByRole('button', { name: 'Envoyer la question' }).click();
  await expect(memberPage.getByText('Puis-je proposer un paiement en trois fois ?')).toBeVisible();

  // Léa answers on the card.
  await reload(page);
  await expect(page.getByText('Puis-je proposer un paiement en trois fois ?')).toBeVisible();
  await page.getByLabel('Votre réponse', { exact: true }).fill('Oui, tant que la remise reste sous 10 %.');
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(page.getByText('Oui, tant que la remise reste sous 10 %.')).toBeVisible();

  // Hugo reads the answer and accepts, starts, posts his first checkpoint status.
  await reload(memberPage);
  await expect(memberPage.getByText('Oui, tant que la remise reste sous 10 %.')).toBeVisible();
  await checkPage(memberPage, 'delegation-card-assignee-proposed');
  await memberPage.getByRole('button', { name: 'Accepter' }).click();
  await memberPage.getByRole('button', { name: 'Démarrer' }).click();
  await expect(memberPage.getByRole('heading', { name: 'Terminer', exact: true })).toBeVisible();
  await memberPage.getByRole('radio', { name: 'Dans les temps' }).check();
  await memberPage
    .getByLabel('En quelques mots', { exact: true })
    .fill('Rendez-vous pris jeudi avec l’acheteur.');
  await memberPage.getByRole('button', { name: 'Publier le point' }).click();
  await expect(memberPage.getByText('Rendez-vous pris jeudi avec l’acheteur.')).toBeVisible();

  // The discount goes beyond the limit: the alert is raised and Léa is told.
  await memberPage.getByLabel('Nouvelle valeur de « Remise accordée (%) »', { exact: true }).fill('12');
  await memberPage.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(memberPage.getByRole('alert').filter({ hasText: "Seuil d'alerte franchi" })).toBeVisible();
  await checkPage(memberPage, 'delegation-card-alert');

  await reload(page);
  await expect(page.getByRole('alert').filter({ hasText: "Seuil d'alerte franchi" })).toBeVisible();
  await page.getByRole('button', { name: /^Notifications, [1-9]\d* non lues?$/ }).click();
  await expect(page.getByRole('link', { name: /Alerte sur « Atlantique Froid/ })).toBeVisible();
  await checkPage(page, 'notifications-open');
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByRole('button', { name: 'Notifications, aucune non lue' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Hugo asks for a validation; Léa approves it.
  await memberPage
    .getByLabel('Étape à faire valider', { exact: true })
    .fill('Paiement en trois fois sans frais');
  await memberPage.getByRole('button', { name: 'Demander la validation' }).click();
  await expect(memberPage.getByText('Paiement en trois fois sans frais')).toBeVisible();
  await reload(page);
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(page.getByText('Validée', { exact: true })).toBeVisible();

  // Hugo finishes and debriefs.
  await reload(memberPage);
  await memberPage.getByLabel('Résultat obtenu', { exact: true }).fill('Commande signée à 9 % de remise.');
  await memberPage.getByRole('button', { name: 'Marquer comme terminée' }).click();
  await expect(memberPage.getByRole('heading', { name: 'Débrief', exact: true })).toBeVisible();
  await memberPage
    .getByLabel("Qu'avez-vous appris ?", { exact: true })
    .fill('Annoncer le paiement échelonné avant la remise.');
  await memberPage
    .getByLabel('Que feriez-vous autrement ?', { exact: true })
    .fill('Appeler l’acheteur plus tôt.');
  await expect(memberPage.getByRole('radio', { name: 'Oui' })).toBeChecked();
  await memberPage
    .getByLabel('Pourquoi ?', { exact: true })
    .fill('Les conditions de paiement sortaient du cadre.');
  await memberPage.getByRole('button', { name: 'Enregistrer le débrief' }).click();
  await expect(memberPage.getByText('Annoncer le paiement échelonné avant la remise.')).toBeVisible();

  // Léa raises Hugo's level in the domain and credits him.
  await reload(page);
  await expect(page.getByRole('heading', { name: `Élever le niveau dans « ${DOMAIN} »` })).toBeVisible();
  await checkPage(page, 'delegation-card-raise');
  // Done: the frame no longer changes.
  await expect(page.getByRole('button', { name: 'Modifier la carte' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Passer au niveau 5/ }).click();
  await expect(page.getByText(/est maintenant au niveau 5 · Conseiller/)).toBeVisible();
  await page.getByLabel('Votre bravo', { exact: true }).fill('Belle négociation, et le client est ravi.');
  await page.getByRole('button', { name: 'Envoyer le bravo' }).click();
  await expect(page.getByText('Belle négociation, et le client est ravi.')).toBeVisible();
  await checkPage(page, 'delegation-card-done');

  // The autonomy record holds the new level.
  const autonomy = await json<{ levels: { domain: { name: string }; level: number }[] }>(
    await page.request.get(`/api/autonomy/people/${hugo.id}`),
  );
  expect(autonomy.levels.find((l) => l.domain.name === DOMAIN)?.level).toBe(5);
  await page.goto('/autonomy');
  await expect(
    page.getByRole('row', { name: new RegExp(`${INVITEE.firstName} ${INVITEE.lastName}`) }),
  ).toContainText(/5\s*Conseiller/);

  // The list: closed cards of each side.
  await lea.nav('Délégation');
  await page.getByText('Terminées ou refusées', { exact: true }).click();
  await expect(page.getByRole('link', { name: OUTCOME })).toBeVisible();
  await checkPage(page, 'delegation-list');
  await memberPage.goto('/delegation');
  await expect(memberPage.getByRole('tab', { name: 'Confié à moi', selected: true })).toBeVisible();
  await memberPage.getByText('Terminées ou refusées', { exact: true }).click();
  await expect(memberPage.getByRole('link', { name: OUTCOME })).toBeVisible();
  expect(memberPage.url()).not.toBe(cardUrl);
  await memberContext.close();
});
