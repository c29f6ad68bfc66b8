import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  KeyResult,
  ObjectiveDetail,
  ObjectiveRef,
  ObjectiveSummary,
  OkrOverview,
  OkrSettings,
  ReviewWeek,
  TeamPage,
  createKeyResultBody,
  createObjectiveBody,
  saveReviewBody,
  updateKeyResultBody,
  updateObjectiveBody,
} from '../../../../core/api/okr.schemas.ts';
import { api, patch, post } from '../../app/api.ts';

export type {
  KeyResult,
  ObjectiveDetail,
  ObjectiveRef,
  ObjectiveSummary,
  OkrOverview,
  OkrSettings,
  ReviewWeek,
  TeamPage,
};
export type CreateObjectiveInput = z.input<typeof createObjectiveBody>;
export type UpdateObjectiveInput = z.input<typeof updateObjectiveBody>;
export type CreateKeyResultInput = z.input<typeof createKeyResultBody>;
export type UpdateKeyResultInput = z.input<typeof updateKeyResultBody>;
export type SaveReviewInput = z.input<typeof saveReviewBody>;
export type Direction = KeyResult['direction'];
export const DIRECTIONS: readonly Direction[] = ['increase', 'decrease', 'keep_above', 'keep_below'];

const enc = encodeURIComponent;
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export const keys = {
  all: ['okr'] as const,
  overview: ['okr', 'overview'] as const,
  settings: ['okr', 'settings'] as const,
  team: (id: string) => ['okr', 'team', id] as const,
  objective: (id: string) => ['okr', 'objective', id] as const,
};

export const teamPath = (managerId: string) => `/okr/teams/${enc(managerId)}`;
export const objectivePath = (id: string) => `/okr/objectives/${enc(id)}`;
export const reviewPath = (id: string) => `/okr/objectives/${enc(id)}/review`;
export const csvUrl = (id: string) => `/api/okr/objectives/${enc(id)}/history.csv`;

export const useOverview = () =>
  useQuery({ queryKey: keys.overview, queryFn: () => api<OkrOverview>('/api/okr/overview') });
export const useOkrSettings = () =>
  useQuery({ queryKey: keys.settings, queryFn: () => api<OkrSettings>('/api/okr/settings') });
export const useTeam = (managerId: string) =>
  useQuery({
    queryKey: keys.team(managerId),
    queryFn: () => api<TeamPage>(`/api/okr/teams/${enc(managerId)}`),
  });
export const useObjective = (id: string) =>
  useQuery({
    queryKey: keys.objective(id),
    queryFn: () => api<ObjectiveDetail>(`/api/okr/objectives/${enc(id)}`),
  });

/** Every write returns the objective: it replaces the cached copy, and the team pages refetch. */
function useObjectiveWrite<I>(fn: (input: I) => Promise<ObjectiveDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      queryClient.setQueryData(keys.objective(o.id), o);
      void queryClient.invalidateQueries({ queryKey: ['okr', 'team'] });
      void queryClient.invalidateQueries({ queryKey: keys.overview });
    },
  });
}

export const useCreateObjective = (managerId: string) =>
  useObjectiveWrite((body: CreateObjectiveInput) =>
    post<ObjectiveDetail>(`/api/okr/teams/${enc(managerId)}/objectives`, body),
  );
export const useUpdateObjective = (id: string) =>
  useObjectiveWrite((body: UpdateObjectiveInput) =>
    patch<ObjectiveDetail>(`/api/okr/objectives/${enc(id)}`, body),
  );
export const useAddKeyResult = (objectiveId: string) =>
  useObjectiveWrite((body: CreateKeyResultInput) =>
    post<ObjectiveDetail>(`/api/okr/objectives/${enc(objectiveId)}/key-results`, body),
  );
export const useUpdateKeyResult = (krId: string) =>
  useObjectiveWrite((body: UpdateKeyResultInput) =>
    patch<ObjectiveDetail>(`/api/okr/key-results/${enc(krId)}`, body),
  );
export const useSaveReview = (objectiveId: string, week: string) =>
  useObjectiveWrite((body: SaveReviewInput) =>
    put<ObjectiveDetail>(`/api/okr/objectives/${enc(objectiveId)}/reviews/${enc(week)}`, body),
  );

export function useDeleteKeyResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (krId: string) => api<null>(`/api/okr/key-results/${enc(krId)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateOkrSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (periodKind: OkrSettings['periodKind']) =>
      put<OkrSettings>('/api/okr/settings', { periodKind }),
    onSuccess: (s) => queryClient.setQueryData(keys.settings, s),
  });
}

/**
 * A form's draft kept in sessionStorage until it is saved: it survives a failed save and a reload.
 * Returns the value, its setter, whether it was restored, and `clear` (call after a successful save).
 */
export function useDraft<T>(key: string, initial: T) {
  const storageKey = `relais.draft.okr.${key}`;
  const restoredRef = useRef<T | null>(null);
  if (restoredRef.current === null) {
    try {
      const raw = sessionStorage.getItem(storageKey);
      restoredRef.current = raw ? (JSON.parse(raw) as T) : null;
    } catch {
      restoredRef.current = null;
    }
  }
  const [restored, setRestored] = useState(restoredRef.current !== null);
  const [value, setValue] = useState<T>(restoredRef.current ?? initial);
  const dirty = useRef(restoredRef.current !== null);
  useEffect(() => {
    if (!dirty.current) return;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the form still works, only the draft is not kept.
    }
  }, [storageKey, value]);
  const set = (next: T | ((v: T) => T)) => {
    dirty.current = true;
    setValue(next);
  };
  const clear = (reset?: T) => {
    dirty.current = false;
    sessionStorage.removeItem(storageKey);
    setRestored(false);
    if (reset !== undefined) setValue(reset);
  };
  return { value, set, restored, clear };
}
