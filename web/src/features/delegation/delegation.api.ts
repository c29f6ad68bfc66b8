import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CardDetail,
  CardStatus,
  CardSummary,
  Checkpoint,
  CreateCardBody,
  DomainList,
  PersonAutonomy,
  Suggestion,
  ValidationRequest,
  cardList,
  checkpointStatusBody,
  completeBody,
  conditionMetBody,
  debriefBody,
  indicatorBody,
  setLevelBody,
  suggestionList,
  updateCardBody,
  validationAnswerBody,
} from '../../../../core/api/delegation.schemas.ts';
import { api, patch, post } from '../../app/api.ts';

export type {
  CardDetail,
  CardStatus,
  CardSummary,
  Checkpoint,
  CreateCardBody,
  Suggestion,
  ValidationRequest,
};
export type CardList = z.infer<typeof cardList>;
export type UpdateCardBody = z.input<typeof updateCardBody>;
export type CheckpointStatusInput = z.input<typeof checkpointStatusBody>;
export type CheckpointState = CheckpointStatusInput['status'];
export type IndicatorInput = z.input<typeof indicatorBody>;
export type ConditionMetInput = z.input<typeof conditionMetBody>;
export type CompleteInput = z.input<typeof completeBody>;
export type DebriefInput = z.input<typeof debriefBody>;
export type ValidationAnswerInput = z.input<typeof validationAnswerBody>;
export type SetLevelInput = z.input<typeof setLevelBody>;
export type CardView = 'delegated' | 'assigned';
export type StatusFilter = 'open' | 'closed';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;
export const PAGE_SIZE = 20;

const base = '/api/delegation';
const enc = encodeURIComponent;

export const keys = {
  all: ['delegation'] as const,
  lists: ['delegation', 'cards'] as const,
  list: (view: CardView, status: StatusFilter) => ['delegation', 'cards', view, status] as const,
  card: (id: string) => ['delegation', 'card', id] as const,
  domains: ['delegation', 'domains'] as const,
  suggestions: (text: string, domainId: string | null, level: number) =>
    ['delegation', 'suggestions', text, domainId, level] as const,
};

/** Link targets (Mantine's polymorphic Anchor loses the router's typed params). */
export const cardPath = (id: string) => `/delegation/cards/${enc(id)}`;

export function useCardList(view: CardView, status: StatusFilter, offset: number) {
  const search = new URLSearchParams({ view, status, limit: String(PAGE_SIZE), offset: String(offset) });
  return useQuery({
    queryKey: [...keys.list(view, status), offset],
    queryFn: ({ signal }) => api<CardList>(`${base}/cards?${search.toString()}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const useCard = (id: string) =>
  useQuery({ queryKey: keys.card(id), queryFn: () => api<CardDetail>(`${base}/cards/${enc(id)}`) });

export const useDomains = () =>
  useQuery({ queryKey: keys.domains, queryFn: () => api<DomainList>(`${base}/domains`) });

/** "Who could take it?": the caller's team ranked by the server from skills, level and load. */
export function useSuggestions(text: string, domainId: string | null, level: number) {
  const search = new URLSearchParams({ text, level: String(level) });
  if (domainId) search.set('domainId', domainId);
  return useQuery({
    queryKey: keys.suggestions(text, domainId, level),
    queryFn: ({ signal }) =>
      api<z.infer<typeof suggestionList>>(`${base}/suggestions?${search.toString()}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useCreateCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCardBody) => post<CardDetail>(`${base}/cards`, body),
    onSuccess: (card) => {
      queryClient.setQueryData(keys.card(card.id), card);
      void queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

/** Every change to a card answers with the whole card: it replaces the cached one, and the lists refresh. */
function useCardMutation<V>(id: string, fn: (vars: V) => Promise<CardDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (card) => {
      queryClient.setQueryData(keys.card(id), card);
      void queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

const c = (id: string) => `${base}/cards/${enc(id)}`;

/** The delegator edits an open card: only the fields sent change. */
export const useUpdateCard = (id: string) =>
  useCardMutation(id, (body: UpdateCardBody) => patch<CardDetail>(c(id), body));
export const useAccept = (id: string) => useCardMutation(id, () => post<CardDetail>(`${c(id)}/accept`));
export const useStart = (id: string) => useCardMutation(id, () => post<CardDetail>(`${c(id)}/start`));
export const useDecline = (id: string) =>
  useCardMutation(id, (reason: string) => post<CardDetail>(`${c(id)}/decline`, { reason }));
export const useComplete = (id: string) =>
  useCardMutation(id, (body: CompleteInput) => post<CardDetail>(`${c(id)}/complete`, body));
export const useDebrief = (id: string) =>
  useCardMutation(id, (body: DebriefInput) => post<CardDetail>(`${c(id)}/debrief`, body));
export const usePostMessage = (id: string) =>
  useCardMutation(id, (body: string) => post<CardDetail>(`${c(id)}/messages`, { body }));
export const useAddCheckpoint = (id: string) =>
  useCardMutation(id, (dueOn: string) => post<CardDetail>(`${c(id)}/checkpoints`, { dueOn }));
export const useCheckpointStatus = (id: string) =>
  useCardMutation(id, ({ checkpointId, ...body }: CheckpointStatusInput & { checkpointId: string }) =>
    post<CardDetail>(`${c(id)}/checkpoints/${enc(checkpointId)}/status`, body),
  );
export const useRecordIndicator = (id: string) =>
  useCardMutation(id, (body: IndicatorInput) => post<CardDetail>(`${c(id)}/indicator`, body));
export const useConditionMet = (id: string) =>
  useCardMutation(id, (body: ConditionMetInput) => post<CardDetail>(`${c(id)}/condition-met`, body));
export const useRequestValidation = (id: string) =>
  useCardMutation(id, (step: string) => post<CardDetail>(`${c(id)}/validations`, { step }));
export const useAnswerValidation = (id: string) =>
  useCardMutation(id, ({ validationId, ...body }: ValidationAnswerInput & { validationId: string }) =>
    post<CardDetail>(`${c(id)}/validations/${enc(validationId)}/answer`, body),
  );
export const useBravo = (id: string) =>
  useCardMutation(id, (message: string) => post<CardDetail>(`${c(id)}/bravo`, { message }));

/** Raising a level changes the person's autonomy page and this card's "current level": both refresh. */
export function useRaiseLevel(card: CardDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ domainId, ...body }: SetLevelInput & { domainId: string }) =>
      api<PersonAutonomy>(`/api/autonomy/people/${enc(card.assignee.id)}/levels/${enc(domainId)}`, {
        method: 'PUT',
        body,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.card(card.id) });
      void queryClient.invalidateQueries({ queryKey: ['autonomy'] });
    },
  });
}
