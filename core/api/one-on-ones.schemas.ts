import { z } from 'zod';
import { requiredText, trimmed } from './common.schemas.ts';

/** The HTTP contract of the one-to-ones module (Tête-à-tête). Server and web both import it. */

export const meetingSteps = [1, 2, 3, 4, 5, 6] as const;
export const stepSchema = z.number().int().min(1).max(6);
export const topicKinds = ['personal', 'professional'] as const;
export const actionKinds = ['report_plan', 'manager_help', 'joint', 'next_step'] as const;
export const meetingStatuses = ['planned', 'in_progress', 'held', 'cancelled'] as const;
export const speakers = ['manager', 'report'] as const;

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const moodValue = z.number().int().min(1).max(5);

export const personRef = z.object({ id: z.string(), name: z.string() });

// ── Series ──────────────────────────────────────────────────────────────────────────────────────
export const createSeriesBody = z.object({
  /** The other person: the caller's direct report, or the caller's manager. */
  withPersonId: z.string().min(1).max(64),
  /** First occurrence, in the future; its weekday and time set the slot. */
  firstAt: isoDateTime,
  cadenceWeeks: z.number().int().min(1).max(4).default(1),
  durationMinutes: z.number().int().min(15).max(120).default(45),
  location: trimmed(200).default(''),
  videoUrl: z.union([z.literal(''), z.url().max(500)]).default(''),
  /** IANA time zone of the slot (the browser's); occurrences keep their local time across DST. */
  timeZone: z.string().min(1).max(64).default('Europe/Paris'),
});
export type CreateSeriesBody = z.infer<typeof createSeriesBody>;

export const updateSeriesBody = z.object({
  durationMinutes: z.number().int().min(15).max(120).optional(),
  location: trimmed(200).optional(),
  videoUrl: z.union([z.literal(''), z.url().max(500)]).optional(),
  active: z.boolean().optional(),
});

export const cadenceStats = z.object({
  /** Occurrences whose date is in the past (or held). */
  due: z.number().int(),
  heldOnPlannedDate: z.number().int(),
  heldAfterMove: z.number().int(),
  moved: z.number().int(),
  cancelled: z.number().int(),
  /** Share (0–1) of due occurrences held on the planned date; null when none is due yet. */
  keptRate: z.number().nullable(),
  /** Average days between two held meetings; null with fewer than two. */
  averageIntervalDays: z.number().nullable(),
});
export type CadenceStats = z.infer<typeof cadenceStats>;

export const meetingSummary = z.object({
  id: z.string(),
  plannedAt: z.string(),
  scheduledAt: z.string(),
  status: z.enum(meetingStatuses),
  moved: z.boolean(),
  moveReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const seriesSummary = z.object({
  id: z.string(),
  manager: personRef,
  report: personRef,
  cadenceWeeks: z.number().int(),
  durationMinutes: z.number().int(),
  location: z.string(),
  videoUrl: z.string(),
  active: z.boolean(),
  nextMeeting: meetingSummary.nullable(),
  openActions: z.number().int(),
});
export type SeriesSummary = z.infer<typeof seriesSummary>;

export const seriesList = z.object({ items: z.array(seriesSummary) });

export const seriesDetail = seriesSummary.extend({
  /** Most recent first, paginated by ?limit&offset (default: the 20 around today). */
  meetings: z.array(meetingSummary),
  cadence: cadenceStats,
  permissions: z.object({ update: z.boolean() }),
});
export type SeriesDetail = z.infer<typeof seriesDetail>;

// ── One meeting ─────────────────────────────────────────────────────────────────────────────────
export const topic = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(topicKinds),
  author: personRef,
  /** True when written by the report: their topics come first. */
  byReport: z.boolean(),
  done: z.boolean(),
  createdAt: z.string(),
});
export type Topic = z.infer<typeof topic>;

export const actionItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(actionKinds),
  owner: personRef,
  dueOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  /** The meeting where it was decided (carried over until done). */
  originMeetingId: z.string(),
  originPlannedAt: z.string(),
});
export type ActionItem = z.infer<typeof actionItem>;

export const mood = z.object({ personal: moodValue, professional: moodValue });
export const stepLogEntry = z.object({
  step: stepSchema,
  at: z.string(),
  event: z.enum(['enter', 'skip']),
});

export const meetingDetail = z.object({
  id: z.string(),
  series: z.object({
    id: z.string(),
    manager: personRef,
    report: personRef,
    durationMinutes: z.number().int(),
    location: z.string(),
    videoUrl: z.string(),
  }),
  plannedAt: z.string(),
  scheduledAt: z.string(),
  status: z.enum(meetingStatuses),
  moved: z.boolean(),
  moveReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  currentStep: stepSchema.nullable(),
  stepLog: z.array(stepLogEntry),
  /** Report's topics first, then the manager's, each in creation order. */
  topics: z.array(topic),
  /** Shared notes per step ("1".."6"). */
  notes: z.record(z.string(), z.string()),
  /** Only the caller's own private note, never the other's. */
  myPrivateNote: z.string(),
  moods: z.object({ manager: mood.nullable(), report: mood.nullable() }),
  /** Open actions of the series (carried over) plus those closed in this meeting. */
  actions: z.array(actionItem),
  /** Facts to recognise in step 2: actions completed since the previous held meeting. */
  recognitionSuggestions: z.array(actionItem),
  talkTime: z.object({
    managerMs: z.number().int(),
    reportMs: z.number().int(),
    speaking: z.enum(speakers).nullable(),
  }),
  myRole: z.enum(['manager', 'report']),
  /** The report may rate a held meeting once. */
  canRate: z.boolean(),
  permissions: z.object({ edit: z.boolean(), move: z.boolean(), cancel: z.boolean(), run: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const addTopicBody = z.object({
  title: requiredText(300),
  kind: z.enum(topicKinds).default('professional'),
});
export const updateTopicBody = z.object({
  title: requiredText(300).optional(),
  kind: z.enum(topicKinds).optional(),
  done: z.boolean().optional(),
});
export const noteBody = z.object({ body: trimmed(20_000) });
export const moodBody = mood;
export const addActionBody = z.object({
  title: requiredText(300),
  ownerId: z.string().min(1).max(64),
  dueOn: isoDate.nullable().default(null),
  kind: z.enum(actionKinds).default('joint'),
});
export const updateActionBody = z.object({
  title: requiredText(300).optional(),
  dueOn: isoDate.nullable().optional(),
  done: z.boolean().optional(),
});
export const moveBody = z.object({ scheduledAt: isoDateTime, reason: requiredText(500) });
export const cancelBody = z.object({ reason: requiredText(500) });
export const stepBody = z.object({ step: stepSchema, event: z.enum(['enter', 'skip']) });
export const closeBody = z.object({ confirmWithoutNextStep: z.boolean().default(false) });
export const talkBody = z.object({ speaker: z.enum(speakers).nullable() });
export const ratingBody = z.object({ structured: moodValue, useful: moodValue, couldSpeak: moodValue });
/** Series detail: meetings most recent first; without limit/offset, the 20 around today. */
export const seriesDetailQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export const cadenceQuery = z.object({ managerId: z.string().min(1).max(64) });
export const ratingResult = z.object({ ok: z.literal(true) });
export const stepParam = z.object({
  id: z.string().min(1).max(64),
  step: z.coerce.number().int().min(1).max(6),
});

// ── Aggregates and metrics ──────────────────────────────────────────────────────────────────────
export const ratingSummary = z.object({
  /** Distinct people who rated; averages are null while fewer than k did. */
  raters: z.number().int(),
  k: z.number().int(),
  averages: z.object({ structured: z.number(), useful: z.number(), couldSpeak: z.number() }).nullable(),
});
export const cadenceByManager = z.object({
  managerId: z.string(),
  managerName: z.string(),
  cadence: cadenceStats,
});
export const cadenceReport = z.object({ items: z.array(cadenceByManager) });

export const calendarFeed = z.object({ url: z.string() });
