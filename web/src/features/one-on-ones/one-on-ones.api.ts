import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type {
  ActionItem,
  CadenceStats,
  MeetingDetail,
  MeetingSummary,
  SeriesDetail,
  SeriesSummary,
  Topic,
  addActionBody,
  addTopicBody,
  cadenceReport,
  calendarFeed,
  closeBody,
  createSeriesBody,
  moodBody,
  moveBody,
  ratingBody,
  ratingSummary,
  seriesList,
  stepBody,
  talkBody,
  updateActionBody,
  updateSeriesBody,
  updateTopicBody,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { ApiError, api, patch, post } from '../../app/api.ts';

export type { ActionItem, CadenceStats, MeetingDetail, MeetingSummary, SeriesDetail, SeriesSummary, Topic };
export type CreateSeriesInput = z.input<typeof createSeriesBody>;
export type UpdateSeriesInput = z.input<typeof updateSeriesBody>;
export type AddTopicInput = z.input<typeof addTopicBody>;
export type UpdateTopicInput = z.input<typeof updateTopicBody>;
export type AddActionInput = z.input<typeof addActionBody>;
export type UpdateActionInput = z.input<typeof updateActionBody>;
export type MoodInput = z.input<typeof moodBody>;
export type RatingInput = z.input<typeof ratingBody>;
export type RatingSummary = z.infer<typeof ratingSummary>;
export type CadenceReport = z.infer<typeof cadenceReport>;
export type Speaker = NonNullable<z.input<typeof talkBody>['speaker']>;
export type StepEvent = z.input<typeof stepBody>['event'];
export type ActionKind = ActionItem['kind'];

const base = '/api/one-on-ones';
const enc = encodeURIComponent;
const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export const keys = {
  all: ['oneOnOnes'] as const,
  seriesList: ['oneOnOnes', 'series'] as const,
  series: (id: string) => ['oneOnOnes', 'series', id] as const,
  meeting: (id: string) => ['oneOnOnes', 'meeting', id] as const,
  ratings: ['oneOnOnes', 'ratings'] as const,
  cadence: (personId: string) => ['oneOnOnes', 'cadence', personId] as const,
};

/** Link targets (Mantine's polymorphic Anchor loses the router's typed params). */
export const seriesPath = (id: string) => `/one-on-ones/series/${enc(id)}`;
export const meetingPath = (id: string) => `/one-on-ones/meetings/${enc(id)}`;

export const useSeriesList = () =>
  useQuery({
    queryKey: keys.seriesList,
    queryFn: () => api<z.infer<typeof seriesList>>(`${base}/series`),
  });

export const useSeries = (id: string) =>
  useQuery({ queryKey: keys.series(id), queryFn: () => api<SeriesDetail>(`${base}/series/${enc(id)}`) });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: keys.meeting(id),
    queryFn: () => api<MeetingDetail>(`${base}/meetings/${enc(id)}`),
  });

export const useMeeting = (id: string, enabled = true) => useQuery({ ...meetingQuery(id), enabled });

export const useRatingSummary = (enabled: boolean) =>
  useQuery({
    queryKey: keys.ratings,
    queryFn: () => api<RatingSummary>(`${base}/ratings/summary`),
    enabled,
  });

/** The cadence report of a person's subtree, or null when the caller may not see it (404). */
export const useCadenceReport = (personId: string) =>
  useQuery({
    queryKey: keys.cadence(personId),
    queryFn: async () => {
      try {
        return await api<CadenceReport>(`/api/people/${enc(personId)}/one-on-one-cadence`);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
        throw e;
      }
    },
  });

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeriesInput) => post<SeriesDetail>(`${base}/series`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateSeries(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSeriesInput) => patch<SeriesDetail>(`${base}/series/${enc(id)}`, body),
    onSuccess: (series) => {
      queryClient.setQueryData(keys.series(id), series);
      void queryClient.invalidateQueries({ queryKey: keys.seriesList });
    },
  });
}

/** Every change to a meeting refetches it and whatever lists show its series. */
function useMeetingMutation<V, R = unknown>(
  meetingId: string,
  fn: (vars: V) => Promise<R>,
  { refetch = true }: { refetch?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (refetch) void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

const m = (id: string) => `${base}/meetings/${enc(id)}`;

export const useAddTopic = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: AddTopicInput) => post<Topic>(`${m(meetingId)}/topics`, body));

export const useUpdateTopic = (meetingId: string) =>
  useMeetingMutation(meetingId, ({ id, ...body }: UpdateTopicInput & { id: string }) =>
    patch<Topic>(`${base}/topics/${enc(id)}`, body),
  );

export const useDeleteTopic = (meetingId: string) =>
  useMeetingMutation(meetingId, (id: string) =>
    api<unknown>(`${base}/topics/${enc(id)}`, { method: 'DELETE' }),
  );

/** Notes are saved as one types: no refetch, the live stream tells the other side. */
export const useSaveNote = (meetingId: string) =>
  useMeetingMutation(
    meetingId,
    ({ step, body }: { step: number; body: string }) =>
      put<unknown>(`${m(meetingId)}/notes/${step}`, { body }),
    { refetch: false },
  );

export const useSavePrivateNote = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: string) => put<unknown>(`${m(meetingId)}/private-note`, { body }), {
    refetch: false,
  });

export const useSaveMood = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: MoodInput) => put<unknown>(`${m(meetingId)}/mood`, body));

export const useAddAction = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: AddActionInput) => post<ActionItem>(`${m(meetingId)}/actions`, body));

export const useUpdateAction = (meetingId: string) =>
  useMeetingMutation(meetingId, ({ id, ...body }: UpdateActionInput & { id: string }) =>
    patch<ActionItem>(`${base}/actions/${enc(id)}`, body),
  );

export const useMoveMeeting = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: z.input<typeof moveBody>) =>
    post<unknown>(`${m(meetingId)}/move`, body),
  );

export const useCancelMeeting = (meetingId: string) =>
  useMeetingMutation(meetingId, (reason: string) => post<unknown>(`${m(meetingId)}/cancel`, { reason }));

export const useStartMeeting = (meetingId: string) =>
  useMeetingMutation(meetingId, () => post<unknown>(`${m(meetingId)}/start`, {}));

export const useStep = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: { step: number; event: StepEvent }) =>
    post<unknown>(`${m(meetingId)}/steps`, body),
  );

export const useCloseMeeting = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: z.input<typeof closeBody>) =>
    post<unknown>(`${m(meetingId)}/close`, body),
  );

export const useTalk = (meetingId: string) =>
  useMeetingMutation(meetingId, (speaker: Speaker | null) =>
    post<unknown>(`${m(meetingId)}/talk`, { speaker }),
  );

export const useRateMeeting = (meetingId: string) =>
  useMeetingMutation(meetingId, (body: RatingInput) => post<unknown>(`${m(meetingId)}/rating`, body));

export function useCalendarFeed() {
  return {
    create: useMutation({
      mutationFn: () => post<z.infer<typeof calendarFeed>>('/api/me/calendar-feed', {}),
    }),
    revoke: useMutation({ mutationFn: () => api<unknown>('/api/me/calendar-feed', { method: 'DELETE' }) }),
  };
}

/**
 * Live updates: each server-sent event means "this meeting changed", so it is refetched. The browser
 * reconnects by itself after a dropped connection; a refused one (closed stream) is retried here.
 */
export function useMeetingEvents(meetingId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: keys.meeting(meetingId) });
    const connect = () => {
      source = new EventSource(`${m(meetingId)}/events`);
      // After a reconnection, changes made meanwhile were missed: catch up once.
      let opened = false;
      source.onopen = () => {
        if (opened) refetch();
        opened = true;
      };
      source.onmessage = (event: MessageEvent<string>) => {
        try {
          const data = JSON.parse(event.data) as { type?: string };
          if (data.type === 'changed') refetch();
        } catch {
          // Not ours (a comment or keep-alive): nothing to do.
        }
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(() => {
            refetch();
            connect();
          }, 5000);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [meetingId, enabled, queryClient]);
}
