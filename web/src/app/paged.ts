import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** One page of a `pageOf(...)` list endpoint; the previous page stays on screen while the next loads. */
export function usePagedQuery<T>(
  key: readonly unknown[],
  path: string,
  page: { offset: number; limit: number },
  params: Record<string, string> = {},
) {
  const search = new URLSearchParams({ ...params, limit: String(page.limit), offset: String(page.offset) });
  return useQuery({
    queryKey: [...key, page.offset, page.limit],
    queryFn: ({ signal }) => api<T>(`${path}?${search.toString()}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
