import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN, INVITEE } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

const HUGO = `${INVITEE.firstName} ${INVITEE.lastName}`;
const LEA = `${ADMIN.firstName} ${ADMIN.lastName}`;
const TITLE = 'Relances de factures';
const WITH_JARGON =
  'Notre service crée une synergie entre vos commerciaux et la comptabilité. Vos factures sont payées en 12 jours.';
const CLEAR =
  'Vos clients paient en retard et vous passez le vendredi à les relancer. Nous faisons ces relances à votre place : vos factures sont payées en 12 jours en moyenne.';

test('a pitch written with the clarity check and rehearsed, a Good–Better–Best offer, and a review by a non-expert colleague', async ({
  page,
  browser,
}) => {
  const lea = new RelaisApp(page);
  await lea.signIn(ADMIN.email, ADMIN.password);
  await expect(lea.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();

  await lea.nav('Clarté');
  await expect(lea.heading('Clarté')).toBeVisible();
  await checkPage(page, 'clarity-home');

  // The pitch: a clarity finding appears while typing, and goes away once fixed.
  await page.getByLabel('Sujet du nouveau pitch').fill(TITLE);
  await page.getByRole('button', { name: 'Écrire ce pitch' }).click();
  await expect(lea.heading(`Pitch : ${TITLE}`)).toBeVisible();
  const pitch = page.getByRole('textbox', { name: 'Pitch', exact: true });
  await pitch.fill(WITH_JARGON);
  await expect(page.getByText('Jargon : synergie.')).toBeVisible();
  await expect(page.getByText(/^18 mots sur 75 · environ 7 s à l'oral/)).toBeVisible();
  await checkPage(page, 'clarity-pitch-finding');
  await pitch.fill(CLEAR);
  await expect(page.getByText('Rien à signaler : le texte se lit sans effort.')).toBeVisible();
  await expect(page.getByText('Jargon : synergie.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();

  // The rehearsal timer: start, say it, stop; the result is announced once.
  await page.getByRole('button', { name: 'Démarrer la répétition' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.waitForTimeout(1_200);
  await page.getByRole('button', { name: 'Arrêter' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /s : c'est dans les 30 secondes\./ }),
  ).toBeVisible();
  await checkPage(page, 'clarity-pitch');

  // Ask a colleague from another trade to read it.
  await page.getByRole('combobox', { name: 'Collègue relecteur' }).fill(INVITEE.firstName);
  await page.getByRole('option', { name: new RegExp(HUGO) }).click();
  await page.getByLabel('Message pour le relecteur (facultatif)').fill('Lisez-le comme un client pressé.');
  await page.getByRole('button', { name: 'Demander une relecture' }).click();
  await expect(page.getByText(`Demande envoyée à ${HUGO}.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: `Relecture de ${HUGO}` })).toBeVisible();
  const pitchUrl = page.url();

  // The Good–Better–Best canvas, with the clarity check on each benefit.
  await lea.nav('Clarté');
  await page.getByLabel('Nom de la nouvelle offre').fill('Recouvrement serein');
  await page.getByRole('button', { name: 'Créer le canevas' }).click();
  await expect(lea.heading('Offre : Recouvrement serein')).toBeVisible();
  const tiers = [
    {
      region: 'Bien',
      name: 'Essentiel',
      who: 'Artisans',
      benefit: 'Factures payées en 20 jours',
      price: '49 € par mois',
    },
    {
      region: 'Mieux',
      name: 'Pro',
      who: 'PME',
      benefit: 'Un tableau de bord omnicanal',
      price: '99 € par mois',
    },
    {
      region: 'Excellent',
      name: 'Sérénité',
      who: 'Réseaux',
      benefit: 'Plus aucune relance à faire',
      price: 'Sur devis',
    },
  ];
  for (const tier of tiers) {
    const column = page.getByRole('region', { name: tier.region, exact: true });
    await column.getByLabel('Nom du niveau').fill(tier.name);
    await column.getByLabel('Pour qui').fill(tier.who);
    await column.getByLabel(`${tier.region}, bénéfice 1`).fill(tier.benefit);
    await column.getByLabel('Prix ou effort').fill(tier.price);
  }
  const better = page.getByRole('region', { name: 'Mieux', exact: true });
  await expect(better.getByText('Jargon : omnicanal.')).toBeVisible();
  await better.getByLabel('Mieux, bénéfice 1').fill('Vos retards de paiement visibles d’un coup d’œil');
  await expect(better.getByText('Jargon : omnicanal.')).toHaveCount(0);
  await better.getByRole('button', { name: 'Ajouter un bénéfice au niveau Mieux' }).click();
  await better.getByLabel('Mieux, bénéfice 2').fill('Un interlocuteur unique');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  await checkPage(page, 'clarity-offer');

  // The reviewer, in a second browser: a focused reading view, one passage marked.
  const hugoContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const hugoPage = await hugoContext.newPage();
  const hugo = new RelaisApp(hugoPage);
  await hugo.signIn(INVITEE.email, INVITEE.password);
  await expect(hugo.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();
  await hugo.nav('Clarté');
  await expect(hugoPage.getByRole('heading', { name: 'Relectures demandées : 1 en attente' })).toBeVisible();
  await hugoPage.getByRole('link', { name: `Pitch : ${TITLE}` }).click();
  await expect(hugo.heading(`Relecture : ${TITLE}`)).toBeVisible();
  await expect(hugoPage.getByText('Lisez-le comme un client pressé.')).toBeVisible();
  await checkPage(hugoPage, 'clarity-review-reader');
  // Select words in the text, as with a mouse.
  await hugoPage.locator('[data-field="body"]').evaluate((el) => {
    const node = el.firstChild!;
    const text = node.textContent ?? '';
    const start = text.indexOf('en moyenne');
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + 'en moyenne'.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await expect(hugoPage.getByText('Sélection : « en moyenne »')).toBeVisible();
  await hugoPage.getByRole('button', { name: 'Je ne comprends pas ceci' }).click();
  await expect(hugoPage.getByLabel('Passage non compris')).toHaveValue('en moyenne');
  await hugoPage.getByLabel('Commentaire (facultatif)').fill('Une moyenne sur combien de clients ?');
  await hugoPage.getByRole('button', { name: 'Ajouter la remarque' }).click();
  await expect(hugoPage.getByText('Remarque ajoutée.')).toBeVisible();
  await expect(hugoPage.locator('mark', { hasText: 'en moyenne' })).toBeVisible();
  await hugoPage.getByRole('button', { name: `Envoyer la relecture à ${LEA}` }).click();
  await expect(
    hugoPage.getByText(`Relecture envoyée à ${LEA}. Vous pouvez encore ajouter des remarques.`),
  ).toBeVisible();
  await checkPage(hugoPage, 'clarity-review-sent');
  await hugoContext.close();

  // The author sees the marked passage and the comment on the pitch.
  await page.goto(pitchUrl);
  await expect(lea.heading(`Pitch : ${TITLE}`)).toBeVisible();
  await expect(page.getByText('1 remarque', { exact: true })).toBeVisible();
  await expect(page.getByText('Une moyenne sur combien de clients ?')).toBeVisible();
  await expect(page.getByRole('button', { name: /Notifications, [1-9]\d* non lue/ })).toBeVisible();
  await checkPage(page, 'clarity-pitch-reviewed');

  // The admin fits the French jargon list to the organisation: the clarity check follows at once.
  await lea.nav('Organisation');
  await expect(lea.heading('Organisation')).toBeVisible();
  const frenchList = page.getByRole('form', { name: 'Liste en français' });
  await expect(frenchList.getByText('Liste par défaut de Relais')).toBeVisible();
  const terms = frenchList.getByRole('textbox', { name: 'Mots de jargon' });
  await terms.fill(`${await terms.inputValue()}\nrecouvrement`);
  await frenchList.getByRole('button', { name: 'Enregistrer la liste' }).click();
  await expect(
    frenchList.getByText('Liste enregistrée : le contrôle de clarté l’utilise dès maintenant.'),
  ).toBeVisible();
  await expect(frenchList.getByText('Liste de votre organisation')).toBeVisible();
  await checkPage(page, 'admin-jargon');
  await page.goto(pitchUrl);
  await expect(lea.heading(`Pitch : ${TITLE}`)).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Pitch', exact: true })
    .fill('Nous prenons en charge le recouvrement : vos factures sont payées en 12 jours.');
  await expect(page.getByText('Jargon : recouvrement.')).toBeVisible();
  // Back to the default list, so that later runs start from the same place.
  await lea.nav('Organisation');
  await frenchList.getByRole('button', { name: 'Revenir à la liste par défaut' }).click();
  await expect(frenchList.getByText('Liste par défaut rétablie.')).toBeVisible();
});
