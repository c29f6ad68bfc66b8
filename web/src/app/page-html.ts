import type { Locale } from '../../../core/api/common.schemas.ts';

/**
 * A page rendered outside the browser — the sign-in page at build time (prerender.tsx), a signed-in page by the
 * server (server-render.tsx) — put into a copy of the built index.html. app/prerendered.ts hands it over to the
 * live page once the app's code runs.
 */

export function replaceOnce(text: string, pattern: RegExp, by: string): string {
  const found = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (found !== 1) throw new Error(`prerender: expected one ${pattern} in the markup, found ${found}`);
  return text.replace(pattern, () => by);
}

/**
 * What nothing can run yet must not pretend to work: the buttons say they are unavailable (aria-disabled, which
 * neither changes their look nor stops a form's submit event; links work without scripts). Inline scripts go
 * (TanStack Router's scroll restoration): the content security policy would refuse them anyway.
 */
export function withoutScripts(html: string): string {
  const out = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<button /g, '<button aria-disabled="true" ');
  if (/<script\b/i.test(out)) throw new Error('prerender: a script is left in the markup');
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * index.html with the page inside, the live app mounting in the hidden #root beside it. The head is arranged for
 * the first paint, which needs the stylesheets and the markup only: the stylesheets are requested first;
 * rendering waits until #root is parsed (rel=expect; ignored where unsupported), so that the first paint is the
 * whole page rather than its top then the rest; no modulepreload, whose fetching and compiling would compete with
 * it — main.tsx fetches the app once the page is painted.
 */
export function intoIndex(indexHtml: string, locale: Locale, page: { html: string; title: string }): string {
  const stylesheets = [...indexHtml.matchAll(/\s*<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
  let out = stylesheets.reduce((html, link) => html.replace(link, ''), indexHtml);
  out = out.replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  out = replaceOnce(
    out,
    /<title>[^<]*<\/title>/,
    `${stylesheets.map((s) => s.trim()).join('\n    ')}\n    <link rel="expect" href="#root" blocking="render" />\n    <title>${escapeText(page.title)}</title>`,
  );
  out = replaceOnce(out, /<html lang="[a-z-]*"/, `<html lang="${locale}"`);
  return replaceOnce(
    out,
    /<div id="root"><\/div>/,
    `<div id="prerendered">${page.html}</div><div id="root" hidden></div>`,
  );
}
