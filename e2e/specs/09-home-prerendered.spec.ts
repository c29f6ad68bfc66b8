import type { Page } from '@playwright/test';
import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN } from '../pages/accounts.ts';
import { baseURL } from '../playwright.config.ts';
import { RelaisApp } from '../pages/app.page.ts';

/** Signs in without the sign-in page (which needs scripts): the session cookie lands in the page's context. */
async function signInQuietly(page: Page) {
  const res = await page.request.post('/api/auth/sign-in/email', {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: baseURL },
  });
  expect(res.status()).toBe(200);
}

const greeting = `Bonjour ${ADMIN.firstName}`;

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page of the person signed in is already there: greeting, team, navigation', async ({
    page,
  }) => {
    await signInQuietly(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: greeting, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`${greeting} · Relais`);
    const team = page.getByRole('region', { name: /^Mon équipe directe \(\d+\)$/ });
    await expect(team.getByRole('link', { name: 'Claire Dubois' })).toHaveAttribute(
      'href',
      /^\/people\/[\w-]+$/,
    );
    await expect(
      page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Délégation' }),
    ).toHaveAttribute('href', '/delegation');
  });
});

test('the pre-rendered home page passes axe and fits a phone while the app code has not arrived', async ({
  page,
}) => {
  await signInQuietly(page);
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('#prerendered').getByRole('heading', { name: greeting, level: 1 })).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  await checkPage(page, 'home-prerendered');
});

test('the live page takes over from the copy, and the app works as usual', async ({ page }) => {
  const app = new RelaisApp(page);
  await signInQuietly(page);
  await page.goto('/');
  await expect(app.heading(greeting)).toBeVisible();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#root')).toBeVisible();
  await expect(
    page.getByRole('region', { name: /^Mon équipe directe/ }).getByRole('link', { name: 'Claire Dubois' }),
  ).toBeVisible();
  await app.nav('Personnes');
  await expect(app.heading('Personnes')).toBeVisible();
});
