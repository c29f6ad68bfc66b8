import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me, setupStatus } from '../../../core/api/org.schemas.ts';
import { ApiError, api, post } from './api.ts';

export type SetupStatus = z.infer<typeof setupStatus>;

export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api<SetupStatus>('/api/setup'),
  staleTime: Infinity,
});

/** The signed-in person, or null when signed out. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>('/api/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

/** Only used below the signed-in layout, whose guard guarantees a person. */
export function useMe(): Me {
  const { data } = useSuspenseQuery(meQuery);
  if (!data) throw new ApiError(401, 'unauthenticated', '');
  return data;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await post('/api/auth/sign-out', {});
    } finally {
      queryClient.clear();
      window.location.assign('/sign-in');
    }
  };
}
