import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { text } from 'node:stream/consumers';
import { prerenderToNodeStream } from 'react-dom/static';
import type { Locale } from '../../../core/api/common.schemas.ts';
import { prerenderedLocales, signInPageFile } from '../../../core/api/prerendered.ts';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { createAppRouter } from './router.tsx';
import { meQuery, setupQuery } from './session.ts';
import { mantineProps } from './theme.ts';
import { i18n } from './translator.ts';

/**
 * Build time only, in Node (web/vite.config.ts runs it after the client build): the sign-in page as the live app
 * renders it signed out — same router, components, texts and Mantine classes — written into copies of the built
 * index.html. The server sends one for GET /sign-in, so the browser paints the real page before any script has
 * run; app/prerendered.ts hands it over to the live page.
 */

i18n.addResources('fr', fr);
i18n.addResources('en', en);

/** The page's markup and the document title the live page sets. */
export async function renderSignIn(locale: Locale, sso: boolean): Promise<{ html: string; title: string }> {
  i18n.changeLanguage(locale);
  const queryClient = new QueryClient();
  queryClient.setQueryData(setupQuery.queryKey, { needsSetup: false, sso });
  queryClient.setQueryData(meQuery.queryKey, null);
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: ['/sign-in'] }));
  await router.load();
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <MantineProvider {...mantineProps}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
    // Ids of their own: both copies are in the document while the live page starts.
    { identifierPrefix: 'pre-', onError: (error) => void errors.push(error) },
  );
  const html = await text(prelude);
  // React would leave a fallback for the browser to fill: the build must fail instead.
  if (errors.length > 0) throw new AggregateError(errors, 'prerender: the sign-in page failed to render');
  return { html: beforeScripts(html), title: `${i18n.t('auth.signIn.title')} · ${i18n.t('app.name')}` };
}

function replaceOnce(text: string, pattern: RegExp, by: string): string {
  const found = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (found !== 1) throw new Error(`prerender: expected one ${pattern} in the markup, found ${found}`);
  return text.replace(pattern, () => by);
}

/**
 * What nothing can run yet must not pretend to work: the form submits nowhere (method="dialog" outside a dialog
 * does nothing; prerendered.ts replays a submit asked for once the app's code runs) and the buttons say they are
 * unavailable (aria-disabled, which neither changes their look nor stops the form's submit event). Inline
 * scripts go (TanStack Router's scroll restoration): the content security policy would refuse them anyway.
 */
function beforeScripts(html: string): string {
  const out = replaceOnce(html, /<form /, '<form method="dialog" ')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<button /g, '<button aria-disabled="true" ');
  if (/<script\b/i.test(out)) throw new Error('prerender: a script is left in the markup');
  return out;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * index.html with the page inside, the live app mounting in the hidden #root beside it. The head is arranged for
 * the first paint, which needs the stylesheet and the markup only: the stylesheet is requested first; rendering
 * waits until #root is parsed (rel=expect; ignored where unsupported), so that the first paint is the whole page
 * rather than its top then the rest; no modulepreload, whose fetching and compiling would compete with it —
 * main.tsx fetches the app once the page is painted.
 */
export function intoIndex(indexHtml: string, locale: Locale, page: { html: string; title: string }): string {
  const stylesheet = /\s*<link rel="stylesheet"[^>]*>/.exec(indexHtml)?.[0] ?? '';
  let out = indexHtml.replace(stylesheet, '').replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  out = replaceOnce(
    out,
    /<title>[^<]*<\/title>/,
    `${stylesheet.trim()}\n    <link rel="expect" href="#root" blocking="render" />\n    <title>${escapeText(page.title)}</title>`,
  );
  out = replaceOnce(out, /<html lang="[a-z-]*"/, `<html lang="${locale}"`);
  return replaceOnce(
    out,
    /<div id="root"><\/div>/,
    `<div id="prerendered">${page.html}</div><div id="root" hidden></div>`,
  );
}

/** Every variant the server may send: each language, with and without the SSO button. */
export async function prerenderedSignInPages(indexHtml: string): Promise<{ file: string; html: string }[]> {
  const pages: { file: string; html: string }[] = [];
  for (const locale of prerenderedLocales)
    for (const sso of [false, true]) {
      const page = await renderSignIn(locale, sso);
      pages.push({ file: signInPageFile(locale, sso), html: intoIndex(indexHtml, locale, page) });
    }
  return pages;
}
