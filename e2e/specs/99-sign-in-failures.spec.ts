import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

test('sign-in failures are explained, in French, and the typed e-mail stays', async ({ page }) => {
  const app = new RelaisApp(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('« E-mail » est obligatoire.')).toBeVisible();
  await expect(page.getByText('« Mot de passe » est obligatoire.')).toBeVisible();

  await app.signIn(ADMIN.email, 'pas-le-bon-mot-de-passe');
  await expect(page.getByText('E-mail ou mot de passe incorrect.')).toBeVisible();
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(ADMIN.email);
  await checkPage(page, 'sign-in-error');

  // The e2e server allows 40 attempts a minute (journeys 01–07 sign in many times): keep failing, reading each
  // answer's status, until the limit answers (this journey stays last).
  let limited = false;
  for (let i = 0; i < 45 && !limited; i++) {
    await page.getByLabel('Mot de passe', { exact: true }).fill(`faux-${i}-mot-de-passe`);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/auth/sign-in/email')),
      page.getByRole('button', { name: 'Se connecter' }).click(),
    ]);
    limited = answer.status() === 429;
  }
  await expect(page.getByText('Trop de tentatives. Réessayez dans une minute.')).toBeVisible();
  expect(limited).toBe(true);

  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(app.heading('Mot de passe oublié')).toBeVisible();
  await checkPage(page, 'forgot-password');
});
