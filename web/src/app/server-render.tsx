import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { renderToString } from 'react-dom/server';
import type { Me } from '../../../core/api/org.schemas.ts';
import { teamPath, teamQuery, type Team } from '../features/people/people.api.ts';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { textsAlreadyThere } from './i18n.ts';
import { intoIndex, withoutScripts } from './page-html.ts';
import { createAppRouter } from './router.tsx';
import { meQuery, setupQuery, type SetupStatus } from './session.ts';
import { PageTree } from './page-tree.tsx';
import { i18n } from './translator.ts';

/**
 * Run by the server (server/src/http/web-app.ts loads the build of this file, dist/web-ssr/server-render.js,
 * the first time it needs it): the home page of the person signed in, rendered with what the API answers to the
 * same request, so that the browser paints it before any script has run. Same router, components, texts and
 * Mantine classes as the live page, which takes over once the app's code has run (app/prerendered.ts).
 */

i18n.addResources('fr', fr);
i18n.addResources('en', en);
textsAlreadyThere();

/** The API's answer to this GET for the request being served: its JSON body when 200, null otherwise. */
export type ApiGet = (path: string) => Promise<unknown>;

/**
 * The home page inside `template` (index.html with the signed-in layout's stylesheets), or null when it cannot be
 * rendered as the live page would show it (not signed in, organisation not set up, an answer missing): the
 * server then sends index.html and the app does the rest.
 */
export async function renderHome(template: string, get: ApiGet): Promise<string | null> {
  const [setup, me] = (await Promise.all([get('/api/setup'), get('/api/me')])) as [
    SetupStatus | null,
    Me | null,
  ];
  if (!setup || setup.needsSetup || !me) return null;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(setupQuery.queryKey, setup);
  queryClient.setQueryData(meQuery.queryKey, me);
  if (me.person.directReports > 0) {
    const team = await get(teamPath(me.person.id, 'direct'));
    if (!team) return null;
    queryClient.setQueryData(teamQuery(me.person.id, 'direct').queryKey, team as Team);
  }
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: ['/'] }));
  await router.load();
  const leaf = router.state.matches.at(-1);
  if (leaf?.routeId !== '/app/' || leaf.status !== 'success') return null;

  // The language is the module's: set right before the render, which is synchronous, so that another request
  // rendered between the awaits above cannot change it.
  const locale = me.person.locale;
  i18n.changeLanguage(locale);
  const html = renderToString(
    <PageTree queryClient={queryClient} router={router} />,
    // Ids of their own: both copies are in the document while the live page starts.
    { identifierPrefix: 'pre-' },
  );
  // A part left for the browser to render (a suspended component) would show a loader: not worth sending.
  if (html.includes('<!--$!-->') || html.includes('<!--$?-->')) return null;
  const title = `${i18n.t('home.greeting', { firstName: me.person.firstName })} · ${i18n.t('app.name')}`;
  return intoIndex(template, locale, { html: withoutScripts(html), title });
}
