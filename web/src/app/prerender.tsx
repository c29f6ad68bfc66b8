import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { text } from 'node:stream/consumers';
import { prerenderToNodeStream } from 'react-dom/static';
import type { Locale } from '../../../core/api/common.schemas.ts';
import { prerenderedLocales, signInPageFile } from '../../../core/api/prerendered.ts';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { createAppRouter } from './router.tsx';
import { meQuery, setupQuery } from './session.ts';
import { PageTree } from './page-tree.tsx';
import { i18n } from './translator.ts';
import { intoIndex, replaceOnce, withoutScripts } from './page-html.ts';

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
    <PageTree queryClient={queryClient} router={router} />,
    // Ids of their own: both copies are in the document while the live page starts.
    { identifierPrefix: 'pre-', onError: (error) => void errors.push(error) },
  );
  const html = await text(prelude);
  // React would leave a fallback for the browser to fill: the build must fail instead.
  if (errors.length > 0) throw new AggregateError(errors, 'prerender: the sign-in page failed to render');
  return { html: beforeScripts(html), title: `${i18n.t('auth.signIn.title')} · ${i18n.t('app.name')}` };
}

/**
 * The form submits nowhere until the app's code runs (method="dialog" outside a dialog does nothing;
 * prerendered.ts replays a submit asked for meanwhile).
 */
const beforeScripts = (html: string) => withoutScripts(replaceOnce(html, /<form /, '<form method="dialog" '));

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
