import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * `visit(page, name)`: after a page settles, scan it with axe (no serious or critical violation allowed)
 * and save a screenshot under test-results/screens/ at desktop width and at 390 px.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Judge the page at rest: no hover state from the last click, no colour transition under way.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Let the layout's own open/close animation of the navigation finish (this waits for CSS, it measures nothing).
  await page.waitForTimeout(500);
  const overflowing = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // Name the widest offenders so a failure says what to fix.
    const over = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (el) => el.getBoundingClientRect().right > width + 1,
    );
    // The innermost offenders: elements none of whose children overflow.
    return over
      .filter((el) => ![...el.children].some((c) => over.includes(c as HTMLElement)))
      .slice(0, 6)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
  });
  expect(overflowing, `horizontal overflow at 390 px on ${name}`).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

export const test = base;
export { expect };
