import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../app/api.ts';
import { setupQuery, type SetupStatus } from '../../app/session.ts';
import type { InvitationInfo, SetupInput } from './auth.api.ts';

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => post<{ ok: true }>('/api/setup', body),
    onSuccess: () => {
      const previous = queryClient.getQueryData<SetupStatus>(setupQuery.queryKey);
      queryClient.setQueryData<SetupStatus>(setupQuery.queryKey, {
        needsSetup: false,
        sso: previous?.sso ?? false,
      });
      queryClient.removeQueries({ queryKey: ['me'] });
    },
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`),
    staleTime: Infinity,
  });
}

export const acceptInvitation = (token: string, password: string) =>
  post<{ ok: true }>(`/api/invitations/${encodeURIComponent(token)}/accept`, { password });
