import type { Locator, Page, Route } from '@playwright/test';
import { test, expect, checkPage } from '../fixtures.ts';
import { ADMIN } from '../pages/accounts.ts';
import { RelaisApp } from '../pages/app.page.ts';

/** Holds the requests for these scripts until `release()`: the page stays as the server sent it meanwhile. */
async function holdScripts(page: Page, pattern: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** What shows whether the page's parts are styled: computed styles and boxes of its heading, fields, button, links. */
function looks(scope: Locator): Promise<Record<string, string>> {
  return scope.evaluate((root) => {
    const parts = {
      heading: 'h1',
      email: 'input[autocomplete="username"]',
      password: 'input[autocomplete="current-password"]',
      submit: 'button[type="submit"]',
      forgot: 'a[href="/forgot-password"]',
      card: '.mantine-Paper-root',
      english: 'header button[lang="en"]',
      toggle: '.mantine-PasswordInput-visibilityToggle',
    };
    const properties = ['font-size', 'font-weight', 'color', 'background-color', 'border-top-color'];
    const out: Record<string, string> = {};
    for (const [name, selector] of Object.entries(parts)) {
      const el = root.querySelector(selector);
      if (!el) throw new Error(`no ${selector} in #${root.id}`);
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      out[name] =
        properties.map((p) => style.getPropertyValue(p)).join(' | ') +
        ` | ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
    }
    return out;
  });
}

test('the styles inline in the pre-rendered page paint it exactly as the live page, which then has the whole stylesheet', async ({
  browser,
  page,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  const before = await noScript.newPage();
  await before.goto(`${test.info().project.use.baseURL}/sign-in`);
  // Only the inline styles apply: the whole stylesheet waits, media="print", for the app's code.
  await expect(before.locator('link[data-after-paint]')).toHaveAttribute('media', 'print');
  const prerendered = await looks(before.locator('#prerendered'));
  await noScript.close();
  // A Mantine button, not the browser's own: the inline styles did apply.
  expect(prerendered.submit).toMatch(/^14px \| 600 \| rgb\(255, 255, 255\) \| rgb\(25, 113, 194\)/);

  await page.goto('/sign-in');
  await expect(page.locator('#prerendered')).not.toBeAttached();
  await expect(page.locator('link[data-after-paint]')).toHaveAttribute('media', 'all');
  expect(await looks(page.locator('#root'))).toEqual(prerendered);
});

test('when the whole stylesheet never arrives, the live page still takes over', async ({ page }) => {
  await page.route('**/assets/index-*.css', (route) => route.abort());
  await page.goto('/sign-in');
  await expect(page.locator('#prerendered')).not.toBeAttached();
  await expect(page.locator('#root').getByRole('heading', { name: 'Connexion', level: 1 })).toBeVisible();
});

test.describe('before any script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('the sign-in page is already there, in French by default', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Connexion', level: 1 })).toBeVisible();
    await expect(page.getByLabel('E-mail', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Mot de passe', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    await expect(page).toHaveTitle('Connexion · Relais');
  });

  test.describe('for an English-speaking browser', () => {
    test.use({ locale: 'en-GB' });
    test('in English', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
      await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
});

test('the pre-rendered page passes axe while the app code has not arrived', async ({ page }) => {
  // Scripts may run (axe needs them) but the app's own never arrive.
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/sign-in');
  await expect(
    page.locator('#prerendered').getByRole('heading', { name: 'Connexion', level: 1 }),
  ).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  await checkPage(page, 'sign-in-prerendered');
});

test('what is typed before the app starts is kept (values and focus), then signing in works as before', async ({
  page,
}) => {
  const app = new RelaisApp(page);
  const release = await holdScripts(page, '**/assets/index-*.js');
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'Connexion', level: 1 })).toBeVisible();
  await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await expect(page.locator('#prerendered')).toBeAttached();

  release();
  await expect(page.locator('#prerendered')).not.toBeAttached();
  await expect(page.locator('#root')).toBeVisible();
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(ADMIN.email);
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue(ADMIN.password);
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
});

test('a submit asked for while the app was starting signs in once the live page is there', async ({
  page,
}) => {
  const app = new RelaisApp(page);
  // The app's code runs, the sign-in page's own code waits.
  const release = await holdScripts(page, '**/assets/SignInPage-*.js');
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  // The app's entry module has run: it listens to the pre-rendered form from then on.
  await page.waitForFunction(() => document.cookie.includes('relais.locale=fr'));
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/sign-in$/);

  release();
  await expect(app.heading(`Bonjour ${ADMIN.firstName}`)).toBeVisible();
});
