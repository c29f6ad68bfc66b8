import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePersonBody,
  PersonDetail,
  PersonSummary,
  UpdatePersonBody,
  createPersonBody,
  invitationResponse,
  orgChartResponse,
  peoplePage,
  teamResponse,
} from '../../../../core/api/people.schemas.ts';
import type { Me } from '../../../../core/api/org.schemas.ts';
import { api, patch, post } from '../../app/api.ts';
import { usePagedQuery } from '../../app/paged.ts';

export type PeoplePage = z.infer<typeof peoplePage>;
export type OrgChart = z.infer<typeof orgChartResponse>;
export type OrgChartNode = OrgChart['items'][number];
export type Team = z.infer<typeof teamResponse>;
export type CreatePersonInput = z.input<typeof createPersonBody>;
export type { CreatePersonBody, PersonDetail, PersonSummary, UpdatePersonBody };

export const PAGE_SIZE = 25;

export function usePeople(q: string, offset: number, limit = PAGE_SIZE) {
  const search = q.trim();
  return usePagedQuery<PeoplePage>(
    ['people', 'list', search],
    '/api/people',
    { offset, limit },
    search ? { q: search } : {},
  );
}

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: () => api<PersonDetail>(`/api/people/${encodeURIComponent(id)}`),
  });

export const usePerson = (id: string) => useQuery(personQuery(id));

export const teamPath = (id: string, scope: 'direct' | 'subtree') =>
  `/api/people/${encodeURIComponent(id)}/team?scope=${scope}`;

export const teamQuery = (id: string, scope: 'direct' | 'subtree') =>
  queryOptions({
    queryKey: ['people', 'team', id, scope],
    queryFn: () => api<Team>(teamPath(id, scope)),
  });

export const useTeam = (id: string, scope: 'direct' | 'subtree', enabled = true) =>
  useQuery({ ...teamQuery(id, scope), enabled });

export function useOrgChart() {
  return useQuery({
    queryKey: ['people', 'org-chart'],
    queryFn: () => api<OrgChart>('/api/people/org-chart'),
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonInput) => post<PersonDetail>('/api/people', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePersonBody) =>
      patch<PersonDetail>(`/api/people/${encodeURIComponent(id)}`, body),
    onSuccess: (person) => {
      queryClient.setQueryData(personQuery(id).queryKey, person);
      queryClient.setQueryData<Me | null>(['me'], (me) =>
        me && me.person.id === person.id ? { ...me, person } : me,
      );
      void queryClient.invalidateQueries({
        queryKey: ['people'],
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}

export function useSendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      post<z.infer<typeof invitationResponse>>(`/api/people/${encodeURIComponent(id)}/invitation`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
}

export const exportUrl = (id: string) => `/api/people/${encodeURIComponent(id)}/export`;

/** Link target of a person page (Mantine's polymorphic Anchor loses the router's typed params). */
export const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;
