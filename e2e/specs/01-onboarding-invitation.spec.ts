import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN, INVITEE, ORG } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

test('a fresh install: onboarding, invitation through the outbox, the invitee signs in, edits the profile and switches to English', async ({
  page,
  browser,
}) => {
  const app = new RelaisApp(page);

  // Onboarding: the first visit leads there.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(app.heading('Bienvenue dans Relais')).toBeVisible();
  await checkPage(page, 'setup');

  // Bad input: the message names the field and what was typed stays.
  await page.getByLabel("Nom de l'organisation").fill(ORG);
  await page.getByLabel('Prénom').fill(ADMIN.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(ADMIN.lastName);
  await page.getByLabel('E-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('court');
  await page.getByRole('button', { name: "Créer l'organisation" }).click();
  await expect(page.getByText('« Mot de passe » doit contenir au moins 10 caractères.')).toBeVisible();
  await expect(page.getByLabel("Nom de l'organisation")).toHaveValue(ORG);

  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: "Créer l'organisation" }).click();
  await expect(app.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
  await checkPage(page, 'home-admin');

  // The admin adds a person and sends the invitation.
  await app.nav('Personnes');
  await expect(app.heading('Personnes')).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne' });
  await dialog.getByLabel('Prénom').fill(INVITEE.firstName);
  await dialog.getByLabel('Nom', { exact: true }).fill(INVITEE.lastName);
  await dialog.getByLabel('E-mail').fill('pas-une-adresse');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(dialog.getByText('« E-mail » doit être une adresse e-mail valide.')).toBeVisible();
  await dialog.getByLabel('E-mail').fill(INVITEE.email);
  await dialog.getByLabel('Intitulé du poste').fill('Manager PME');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: `${INVITEE.firstName} ${INVITEE.lastName}` })).toBeVisible();
  await checkPage(page, 'people-directory');

  // Without SMTP the invitation waits in the outbox, which the admin reads in the app.
  await app.nav('Courriels envoyés');
  await expect(app.heading('Courriels envoyés')).toBeVisible();
  await checkPage(page, 'admin-outbox');
  const body = await page
    .getByText(/\/invitation\/[A-Za-z0-9_-]+/)
    .first()
    .textContent();
  const link = /(http:\/\/localhost:\d+\/invitation\/[A-Za-z0-9_-]+)/.exec(body ?? '')?.[1];
  expect(link).toBeTruthy();

  // The invitee, in another browser, follows the link and sets a password.
  const inviteeContext = await browser.newContext({ locale: 'fr-FR', reducedMotion: 'reduce' });
  const invitee = await inviteeContext.newPage();
  const inviteeApp = new RelaisApp(invitee);
  await invitee.goto(link!);
  await expect(inviteeApp.heading(`Rejoindre ${ORG}`)).toBeVisible();
  await checkPage(invitee, 'invitation');
  await invitee.getByLabel('Mot de passe', { exact: true }).fill(INVITEE.password);
  await invitee.getByLabel('Confirmer le mot de passe').fill('autre-chose-encore');
  await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(invitee.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();
  await invitee.getByLabel('Confirmer le mot de passe').fill(INVITEE.password);
  await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(inviteeApp.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();

  // Signs out, signs in again.
  await inviteeApp.signOut(`${INVITEE.firstName} ${INVITEE.lastName}`);
  await checkPage(invitee, 'sign-in');
  await inviteeApp.signIn(INVITEE.email, INVITEE.password);
  await expect(inviteeApp.heading(`Bonjour ${INVITEE.firstName}`)).toBeVisible();

  // Edits the profile.
  await inviteeApp.nav('Mon profil');
  await expect(inviteeApp.heading('Mon profil')).toBeVisible();
  await invitee.getByLabel('Intitulé du poste').fill('Responsable PME Nantes');
  await invitee
    .getByLabel('Description du poste')
    .fill('Animer les commerciaux PME.\nSuivre les grands comptes de la région.');
  await invitee.getByRole('button', { name: 'Ajouter une compétence' }).click();
  await invitee.getByLabel('Compétence 1', { exact: true }).fill('Négociation');
  await invitee.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(invitee.getByText('Modifications enregistrées.')).toBeVisible();
  await checkPage(invitee, 'profile');
  await invitee.reload();
  await expect(invitee.getByLabel('Intitulé du poste')).toHaveValue('Responsable PME Nantes');

  // Switches to English: the interface follows at once and after a reload.
  await invitee.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
  await expect(inviteeApp.heading('My profile')).toBeVisible();
  await invitee.reload();
  await expect(inviteeApp.heading('My profile')).toBeVisible();
  await checkPage(invitee, 'profile-en');
  await inviteeContext.close();
});
