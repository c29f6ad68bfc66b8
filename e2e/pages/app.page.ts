import { expect, type Page } from '@playwright/test';

/** Page model of Relais's screens, found by role and accessible name (French UI). */
export class RelaisApp {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.goto('/sign-in');
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await this.page.getByLabel('E-mail', { exact: true }).fill(email);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async signOut(name: string) {
    await this.page.getByRole('button', { name: `Menu de ${name}` }).click();
    await this.page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(this.page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }

  /** Follows a link of the main navigation (opening the burger menu first on a narrow screen). */
  async nav(name: string) {
    const burger = this.page.getByRole('button', { name: 'Ouvrir le menu' });
    if (await burger.isVisible()) await burger.click();
    await this.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name, exact: true })
      .click();
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { name, level: 1 });
  }
}
