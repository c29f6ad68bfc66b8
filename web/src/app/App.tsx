import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { takeOver } from './prerendered.ts';
import { createAppRouter, startEarlyLoads } from './router.tsx';
import { PageTree } from './page-tree.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (not found, forbidden, invalid) will not get better by retrying.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

// The pre-rendered sign-in page (prerendered.ts) is replaced by the live one when it mounts; whatever else the
// router ends up showing instead — the home page of someone already signed in, an error — replaces it too.
router.subscribe('onRendered', () => {
  const leaf = router.state.matches.at(-1);
  if (leaf?.routeId !== '/sign-in' || leaf.status !== 'success') takeOver();
});

/** See startEarlyLoads: called by boot.tsx before the texts are loaded. */
export const startLoading = () => startEarlyLoads(queryClient, window.location.pathname);

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

export function App() {
  return <PageTree queryClient={queryClient} router={router} />;
}
