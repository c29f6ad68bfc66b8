import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClarityOverview,
  CreateOfferBody,
  CreatePitchBody,
  CreateReviewBody,
  Mark,
  MarkBody,
  OfferDetail,
  Passage,
  PitchDetail,
  ReviewDetail,
  ReviewItemType,
  ReviewList,
  ReviewSummary,
  Tier,
  UpdateOfferBody,
  UpdatePitchBody,
} from '../../../../core/api/clarity.schemas.ts';
import { api, patch, post } from '../../app/api.ts';

export type {
  ClarityOverview,
  Mark,
  OfferDetail,
  Passage,
  PitchDetail,
  ReviewDetail,
  ReviewItemType,
  ReviewSummary,
  Tier,
};

const base = '/api/clarity';
const enc = encodeURIComponent;
const remove = (path: string) => api<unknown>(path, { method: 'DELETE' });

export const keys = {
  all: ['clarity'] as const,
  overview: ['clarity', 'overview'] as const,
  pitch: (id: string) => ['clarity', 'pitch', id] as const,
  offer: (id: string) => ['clarity', 'offer', id] as const,
  reviews: (type: string, id: string) => ['clarity', 'reviews', type, id] as const,
  review: (id: string) => ['clarity', 'review', id] as const,
};

/** Link targets (Mantine's polymorphic Anchor loses the router's typed params). */
export const pitchPath = (id: string) => `/clarity/pitches/${enc(id)}`;
export const offerPath = (id: string) => `/clarity/offers/${enc(id)}`;
export const reviewPath = (id: string) => `/clarity/reviews/${enc(id)}`;

export const useClarityOverview = () =>
  useQuery({ queryKey: keys.overview, queryFn: () => api<ClarityOverview>(base) });

export const usePitch = (id: string) =>
  useQuery({ queryKey: keys.pitch(id), queryFn: () => api<PitchDetail>(`${base}/pitches/${enc(id)}`) });

export const useOffer = (id: string) =>
  useQuery({ queryKey: keys.offer(id), queryFn: () => api<OfferDetail>(`${base}/offers/${enc(id)}`) });

export const useReviews = (itemType: ReviewItemType, itemId: string) =>
  useQuery({
    queryKey: keys.reviews(itemType, itemId),
    queryFn: () => api<ReviewList>(`${base}/reviews?itemType=${enc(itemType)}&itemId=${enc(itemId)}`),
  });

export const useReview = (id: string) =>
  useQuery({ queryKey: keys.review(id), queryFn: () => api<ReviewDetail>(`${base}/reviews/${enc(id)}`) });

/** Every write refetches what shows the clarity tools (lists, counts, panels). */
function useClarityMutation<V, R>(fn: (vars: V) => Promise<R>, onSuccess?: (data: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      onSuccess?.(data);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export const useCreatePitch = () =>
  useClarityMutation((body: CreatePitchBody) => post<PitchDetail>(`${base}/pitches`, body));

export function useUpdatePitch(id: string) {
  const queryClient = useQueryClient();
  return useClarityMutation(
    (body: UpdatePitchBody) => patch<PitchDetail>(`${base}/pitches/${enc(id)}`, body),
    (pitch) => queryClient.setQueryData(keys.pitch(id), pitch),
  );
}

export const useDeletePitch = () => useClarityMutation((id: string) => remove(`${base}/pitches/${enc(id)}`));

export const useCreateOffer = () =>
  useClarityMutation((body: CreateOfferBody) => post<OfferDetail>(`${base}/offers`, body));

export function useUpdateOffer(id: string) {
  const queryClient = useQueryClient();
  return useClarityMutation(
    (body: UpdateOfferBody) => patch<OfferDetail>(`${base}/offers/${enc(id)}`, body),
    (offer) => queryClient.setQueryData(keys.offer(id), offer),
  );
}

export const useDeleteOffer = () => useClarityMutation((id: string) => remove(`${base}/offers/${enc(id)}`));

export const useRequestReview = () =>
  useClarityMutation((body: CreateReviewBody) => post<ReviewDetail>(`${base}/reviews`, body));

export const useWithdrawReview = () =>
  useClarityMutation((id: string) => remove(`${base}/reviews/${enc(id)}`));

export function useAddMark(reviewId: string) {
  const queryClient = useQueryClient();
  return useClarityMutation(
    (body: MarkBody) => post<ReviewDetail>(`${base}/reviews/${enc(reviewId)}/marks`, body),
    (review) => queryClient.setQueryData(keys.review(reviewId), review),
  );
}

export const useDeleteMark = (reviewId: string) =>
  useClarityMutation((markId: string) => remove(`${base}/reviews/${enc(reviewId)}/marks/${enc(markId)}`));

export function useAnswerReview(reviewId: string) {
  const queryClient = useQueryClient();
  return useClarityMutation(
    () => post<ReviewDetail>(`${base}/reviews/${enc(reviewId)}/answer`, {}),
    (review) => queryClient.setQueryData(keys.review(reviewId), review),
  );
}
