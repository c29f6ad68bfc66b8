import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { isSignedOutPage } from '../../../core/api/prerendered.ts';
import { loadAppTexts, setLocale } from './i18n.ts';
import { meQuery, setupQuery } from './session.ts';
import { NotFound, PageError, PageLoader, RootNotFound } from './RouteStates.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

const optionalString = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
  // A fresh install has no organisation yet: every route leads to onboarding.
  beforeLoad: async ({ context, location }) => {
    const status = await context.queryClient.ensureQueryData(setupQuery);
    if (status.needsSetup && location.pathname !== '/setup') throw redirect({ to: '/setup' });
    if (!status.needsSetup && location.pathname === '/setup') throw redirect({ to: '/sign-in' });
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('../features/auth/SetupPage.tsx'), 'SetupPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; error?: string } => {
    const target = optionalString(search.redirect);
    const error = optionalString(search.error);
    // Only same-site paths: an open redirect would let a mail link send people elsewhere.
    return {
      ...(target && target.startsWith('/') && !target.startsWith('//') ? { redirect: target } : {}),
      ...(error ? { error } : {}),
    };
  },
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('../features/auth/SignInPage.tsx'), 'SignInPage'),
});

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => import('../features/auth/ForgotPasswordPage.tsx'),
    'ForgotPasswordPage',
  ),
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => ({
    token: optionalString(search.token),
    error: optionalString(search.error),
  }),
  component: lazyRouteComponent(() => import('../features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitation/$token',
  component: lazyRouteComponent(() => import('../features/auth/InvitationPage.tsx'), 'InvitationPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    await loadAppTexts();
    await setLocale(me.person.locale);
    return { me };
  },
  component: lazyRouteComponent(() => import('./AppLayout.tsx'), 'AppLayout'),
  notFoundComponent: NotFound,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  loader: async ({ context }) =>
    (await import('../features/home/HomePage.tsx')).loadHome(context.queryClient, context.me),
  component: lazyRouteComponent(() => import('../features/home/HomePage.tsx'), 'HomePage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  component: lazyRouteComponent(() => import('../features/people/DirectoryPage.tsx'), 'DirectoryPage'),
});

const chartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/chart',
  component: lazyRouteComponent(() => import('../features/people/OrgChartPage.tsx'), 'OrgChartPage'),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$id',
  component: lazyRouteComponent(() => import('../features/people/PersonPage.tsx'), 'PersonPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage'),
});

const oneOnOnesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/one-on-ones',
  component: lazyRouteComponent(() => import('../features/one-on-ones/OneOnOnesPage.tsx'), 'OneOnOnesPage'),
});

const seriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/one-on-ones/series/$id',
  component: lazyRouteComponent(() => import('../features/one-on-ones/SeriesPage.tsx'), 'SeriesPage'),
});

const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/one-on-ones/meetings/$id',
  component: lazyRouteComponent(() => import('../features/one-on-ones/MeetingPage.tsx'), 'MeetingPage'),
});

// Autonomy matrix, person page and the delegation pages around it (review sample, handovers, learning log).
const autonomyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/autonomy',
  validateSearch: (
    search: Record<string, unknown>,
  ): { managerId?: string; scope?: 'team' | 'subtree'; period?: number } => ({
    managerId: optionalString(search.managerId),
    scope: search.scope === 'subtree' ? 'subtree' : undefined,
    period: [30, 365].includes(Number(search.period)) ? Number(search.period) : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/autonomy/AutonomyPage.tsx'), 'AutonomyPage'),
});

const autonomyPersonRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/autonomy/people/$id',
  component: lazyRouteComponent(
    () => import('../features/autonomy/PersonAutonomyPage.tsx'),
    'PersonAutonomyPage',
  ),
});

const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/review',
  component: lazyRouteComponent(() => import('../features/autonomy/ReviewPage.tsx'), 'ReviewPage'),
});

const handoversRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/handovers',
  component: lazyRouteComponent(() => import('../features/autonomy/HandoversPage.tsx'), 'HandoversPage'),
});

const handoverRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/handovers/$id',
  component: lazyRouteComponent(() => import('../features/autonomy/HandoverPage.tsx'), 'HandoverPage'),
});

const learningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/learning',
  component: lazyRouteComponent(() => import('../features/autonomy/LearningPage.tsx'), 'LearningPage'),
});

// Delegation cards: my list, the checklist form, one card.
const delegationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation',
  component: lazyRouteComponent(() => import('../features/delegation/DelegationPage.tsx'), 'DelegationPage'),
});

const delegationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/new',
  component: lazyRouteComponent(() => import('../features/delegation/NewCardPage.tsx'), 'NewCardPage'),
});

const delegationCardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/delegation/cards/$id',
  component: lazyRouteComponent(() => import('../features/delegation/CardPage.tsx'), 'CardPage'),
});

// ── OKR light (Cap) ──
const okrRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/okr',
  component: lazyRouteComponent(() => import('../features/okr/OkrPage.tsx'), 'OkrPage'),
});

const okrTeamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/okr/teams/$id',
  component: lazyRouteComponent(() => import('../features/okr/TeamPage.tsx'), 'TeamPage'),
});

const okrObjectiveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/okr/objectives/$id',
  component: lazyRouteComponent(() => import('../features/okr/ObjectivePage.tsx'), 'ObjectivePage'),
});

const okrReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/okr/objectives/$id/review',
  component: lazyRouteComponent(() => import('../features/okr/ReviewPage.tsx'), 'ReviewPage'),
});

// ── Clarté: pitches, Good–Better–Best offers, review by a non-expert peer ──
const clarityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clarity',
  component: lazyRouteComponent(() => import('../features/clarity/ClarityPage.tsx'), 'ClarityPage'),
});

const clarityPitchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clarity/pitches/$id',
  component: lazyRouteComponent(() => import('../features/clarity/PitchPage.tsx'), 'PitchPage'),
});

const clarityOfferRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clarity/offers/$id',
  component: lazyRouteComponent(() => import('../features/clarity/OfferPage.tsx'), 'OfferPage'),
});

const clarityReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clarity/reviews/$id',
  component: lazyRouteComponent(() => import('../features/clarity/ReviewPage.tsx'), 'ReviewPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: ({ context }) => {
    if (!context.me.person.isAdmin) throw redirect({ to: '/' });
  },
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/organisation' });
  },
});

const adminOrgRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organisation',
  component: lazyRouteComponent(() => import('../features/admin/OrganisationPage.tsx'), 'OrganisationPage'),
});

const adminImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('../features/admin/ImportPage.tsx'), 'ImportPage'),
});

const adminOutboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/outbox',
  component: lazyRouteComponent(() => import('../features/admin/OutboxPage.tsx'), 'OutboxPage'),
});

const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('../features/admin/AuditPage.tsx'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  forgotRoute,
  resetRoute,
  invitationRoute,
  appRoute.addChildren([
    homeRoute,
    peopleRoute,
    chartRoute,
    personRoute,
    profileRoute,
    oneOnOnesRoute,
    seriesRoute,
    meetingRoute,
    autonomyRoute,
    autonomyPersonRoute,
    reviewRoute,
    handoversRoute,
    handoverRoute,
    learningRoute,
    delegationRoute,
    delegationNewRoute,
    delegationCardRoute,
    okrRoute,
    okrTeamRoute,
    okrObjectiveRoute,
    okrReviewRoute,
    clarityRoute,
    clarityPitchRoute,
    clarityOfferRoute,
    clarityReviewRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      adminOrgRoute,
      adminImportRoute,
      adminOutboxRoute,
      adminAuditRoute,
    ]),
  ]),
]);

/**
 * Started before the texts load, so that what the first page waits for arrives in parallel rather than one
 * after the other: the setup status and the session, then the first page's code (the sign-in page, or the
 * signed-in shell, its texts and the home page).
 */
export function startEarlyLoads(queryClient: QueryClient, pathname: string): void {
  void queryClient.prefetchQuery(setupQuery);
  void queryClient.prefetchQuery(meQuery);
  if (pathname === '/sign-in') {
    void import('../features/auth/SignInPage.tsx');
    return;
  }
  if (isSignedOutPage(pathname)) return;
  void import('./AppLayout.tsx');
  void loadAppTexts();
  if (pathname === '/') void import('../features/home/HomePage.tsx');
}

/** `history` is the browser's unless given (the build-time render of the sign-in page gives a memory history). */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: PageError,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}
