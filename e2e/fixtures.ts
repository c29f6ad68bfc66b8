import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * `visit(page, name)`: after a page settles, scan it with axe (no serious or critical violation allowed)
 * and save a screenshot under test-results/screens/ at desktop width and at 390 px.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow at 390 px on ${name}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

export const test = base;
export { expect };
