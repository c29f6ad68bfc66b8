import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Bravo,
  CardSummary,
  Domain,
  DomainList,
  Handover,
  Indicator,
  IndicatorBrief,
  LearningEntry,
  LevelChange,
  Matrix,
  PersonAutonomy,
  Sample,
  createDomainBody,
  createHandoverBody,
  handoverList,
  initiativeBody,
  learningBody,
  learningKinds,
  learningList,
  sampleList,
  setLevelBody,
  updateDomainBody,
  updateStageBody,
} from '../../../../core/api/delegation.schemas.ts';
import { api, patch, post } from '../../app/api.ts';
import { usePagedQuery } from '../../app/paged.ts';

export type {
  Bravo,
  CardSummary,
  Domain,
  DomainList,
  Handover,
  Indicator,
  IndicatorBrief,
  LearningEntry,
  LevelChange,
  Matrix,
  PersonAutonomy,
  Sample,
};
export type MatrixRow = Matrix['rows'][number];
export type RateResult = Indicator['current'];
export type HandoverStage = Handover['stages'][number];
export type LearningKind = (typeof learningKinds)[number];
export type LearningList = z.infer<typeof learningList>;
export type CreateDomainInput = z.input<typeof createDomainBody>;
export type UpdateDomainInput = z.input<typeof updateDomainBody>;
export type SetLevelInput = z.input<typeof setLevelBody>;
export type InitiativeInput = z.input<typeof initiativeBody>;
export type CreateHandoverInput = z.input<typeof createHandoverBody>;
export type UpdateStageInput = z.input<typeof updateStageBody>;
export type LearningInput = z.input<typeof learningBody>;
export type Scope = Matrix['scope'];

export const periods = [30, 90, 365] as const;
export type Period = (typeof periods)[number];
export const LEARNING_PAGE_SIZE = 10;

const enc = encodeURIComponent;
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

export const keys = {
  matrix: (managerId: string | undefined, scope: Scope, periodDays: number) =>
    ['autonomy', 'matrix', managerId ?? 'me', scope, periodDays] as const,
  person: (id: string, periodDays: number) => ['autonomy', 'person', id, periodDays] as const,
  domains: (teamLeadId: string | undefined) => ['delegation', 'domains', teamLeadId ?? 'default'] as const,
  samples: (managerId: string | undefined) => ['delegation', 'samples', managerId ?? 'me'] as const,
  handovers: ['delegation', 'handovers'] as const,
  handover: (id: string) => ['delegation', 'handovers', id] as const,
  learning: (teamLeadId: string | undefined, domainId: string | undefined, q: string) =>
    ['delegation', 'learning', teamLeadId ?? 'default', domainId ?? 'all', q] as const,
};

/** Link targets (Mantine's polymorphic Anchor loses the router's typed params). */
export const autonomyPersonPath = (id: string) => `/autonomy/people/${enc(id)}`;
export const cardPath = (id: string) => `/delegation/cards/${enc(id)}`;
export const handoverPath = (id: string) => `/delegation/handovers/${enc(id)}`;
export const teamMatrixPath = (managerId: string) => `/autonomy?managerId=${enc(managerId)}`;

// ── Autonomy ────────────────────────────────────────────────────────────────────────────────────
export const useMatrix = (managerId: string | undefined, scope: Scope, periodDays: number) =>
  useQuery({
    queryKey: keys.matrix(managerId, scope, periodDays),
    queryFn: ({ signal }) =>
      api<Matrix>(`/api/autonomy/matrix${query({ managerId, scope, periodDays })}`, { signal }),
  });

export const usePersonAutonomy = (id: string, periodDays: number) =>
  useQuery({
    queryKey: keys.person(id, periodDays),
    queryFn: ({ signal }) =>
      api<PersonAutonomy>(`/api/autonomy/people/${enc(id)}${query({ periodDays })}`, { signal }),
  });

/** A level or an initiative changes the person, the matrix and every indicator above them. */
function useAutonomyWrite<V>(fn: (vars: V) => Promise<PersonAutonomy>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['autonomy'] }),
  });
}

export const useSetLevel = (personId: string) =>
  useAutonomyWrite(({ domainId, ...body }: SetLevelInput & { domainId: string }) =>
    put<PersonAutonomy>(`/api/autonomy/people/${enc(personId)}/levels/${enc(domainId)}`, body),
  );

export const useLogInitiative = () =>
  useAutonomyWrite((body: InitiativeInput) => post<PersonAutonomy>('/api/autonomy/initiatives', body));

// ── Decision domains and team settings ─────────────────────────────────────────────────────────
export const useDomains = (teamLeadId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: keys.domains(teamLeadId),
    queryFn: ({ signal }) => api<DomainList>(`/api/delegation/domains${query({ teamLeadId })}`, { signal }),
    enabled,
  });

/** Domains appear in the matrix, the learning log and the cards: refresh all of them. */
function useDomainWrite<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['delegation'] });
      void queryClient.invalidateQueries({ queryKey: ['autonomy'] });
    },
  });
}

export const useCreateDomain = () =>
  useDomainWrite((body: CreateDomainInput) => post<Domain>('/api/delegation/domains', body));

export const useUpdateDomain = () =>
  useDomainWrite(({ id, ...body }: UpdateDomainInput & { id: string }) =>
    patch<Domain>(`/api/delegation/domains/${enc(id)}`, body),
  );

export const useTeamSettings = (teamLeadId: string) =>
  useDomainWrite((sampleShare: number) =>
    put<DomainList>(`/api/delegation/teams/${enc(teamLeadId)}/settings`, { sampleShare }),
  );

// ── Weekly review sample ───────────────────────────────────────────────────────────────────────
export const useSamples = (managerId: string | undefined) =>
  useQuery({
    queryKey: keys.samples(managerId),
    queryFn: ({ signal }) =>
      api<z.infer<typeof sampleList>>(`/api/delegation/samples${query({ managerId })}`, { signal }),
  });

export function useReviewItem(managerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sampleId, cardId, note }: { sampleId: string; cardId: string; note: string }) =>
      post<Sample>(`/api/delegation/samples/${enc(sampleId)}/items/${enc(cardId)}/review`, { note }),
    onSuccess: (sample) =>
      queryClient.setQueryData<z.infer<typeof sampleList>>(keys.samples(managerId), (list) =>
        list ? { items: list.items.map((s) => (s.id === sample.id ? sample : s)) } : list,
      ),
  });
}

// ── Client handovers ───────────────────────────────────────────────────────────────────────────
export const useHandovers = () =>
  useQuery({
    queryKey: keys.handovers,
    queryFn: ({ signal }) => api<z.infer<typeof handoverList>>('/api/delegation/handovers', { signal }),
  });

export const useHandover = (id: string) =>
  useQuery({
    queryKey: keys.handover(id),
    queryFn: ({ signal }) => api<Handover>(`/api/delegation/handovers/${enc(id)}`, { signal }),
  });

export function useCreateHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHandoverInput) => post<Handover>('/api/delegation/handovers', body),
    onSuccess: (h) => {
      queryClient.setQueryData(keys.handover(h.id), h);
      void queryClient.invalidateQueries({ queryKey: keys.handovers, exact: true });
    },
  });
}

export function useUpdateStage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, ...body }: UpdateStageInput & { stage: number }) =>
      patch<Handover>(`/api/delegation/handovers/${enc(id)}/stages/${stage}`, body),
    onSuccess: (h) => {
      queryClient.setQueryData(keys.handover(id), h);
      void queryClient.invalidateQueries({ queryKey: keys.handovers, exact: true });
    },
  });
}

// ── Learning log ───────────────────────────────────────────────────────────────────────────────
export function useLearning(domainId: string | undefined, q: string, offset: number) {
  const search = q.trim();
  return usePagedQuery<LearningList>(
    keys.learning(undefined, domainId, search),
    '/api/delegation/learning',
    { offset, limit: LEARNING_PAGE_SIZE },
    { ...(domainId ? { domainId } : {}), ...(search ? { q: search } : {}) },
  );
}

export function useAddLearning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LearningInput) => post<LearningEntry>('/api/delegation/learning', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['delegation', 'learning'] }),
  });
}
