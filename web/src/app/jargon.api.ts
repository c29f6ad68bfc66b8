import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JargonLists } from '../../../core/api/clarity.schemas.ts';
import { api } from './api.ts';

export type { JargonLists };

const key = ['clarity', 'jargon'] as const;

/** The organisation's jargon lists (or the defaults): every clarity check under a field uses them. */
export function useJargonLists() {
  return useQuery({
    queryKey: key,
    queryFn: () => api<JargonLists>('/api/clarity/jargon'),
    staleTime: 5 * 60_000,
  });
}

/** Admin: replace one language's list, or go back to the default one (terms null). */
export function useSaveJargon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ locale, terms }: { locale: 'fr' | 'en'; terms: string[] | null }) =>
      api<JargonLists>(`/api/clarity/jargon/${locale}`, { method: 'PUT', body: { terms } }),
    onSuccess: (lists) => queryClient.setQueryData(key, lists),
  });
}
