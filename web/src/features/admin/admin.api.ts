import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Me,
  auditPage,
  orgResponse,
  outboxPage,
  updateOrgBody,
} from '../../../../core/api/org.schemas.ts';
import type { ImportResult } from '../../../../core/api/people.schemas.ts';
import { api, patch, post } from '../../app/api.ts';
import { usePagedQuery } from '../../app/paged.ts';

export type Organisation = z.infer<typeof orgResponse>;
export type UpdateOrganisation = z.infer<typeof updateOrgBody>;
export type OutboxPage = z.infer<typeof outboxPage>;
export type AuditPage = z.infer<typeof auditPage>;
export type { ImportResult };

export const ADMIN_PAGE_SIZE = 20;

export function useOrganisation() {
  return useQuery({ queryKey: ['organisation'], queryFn: () => api<Organisation>('/api/organisation') });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisation) => patch<Organisation>('/api/organisation', body),
    onSuccess: (org) => {
      queryClient.setQueryData(['organisation'], org);
      queryClient.setQueryData<Me | null>(
        ['me'],
        (me) =>
          me && { ...me, organisation: { ...me.organisation, name: org.name, kThreshold: org.kThreshold } },
      );
    },
  });
}

export const useOutbox = (offset: number) =>
  usePagedQuery<OutboxPage>(['outbox'], '/api/outbox', { offset, limit: ADMIN_PAGE_SIZE });

export const useAudit = (offset: number) =>
  usePagedQuery<AuditPage>(['audit'], '/api/audit', { offset, limit: ADMIN_PAGE_SIZE });

export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string; confirm: boolean }) => post<ImportResult>('/api/people/import', body),
    onSuccess: (result) => {
      if (result.confirmed) void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
