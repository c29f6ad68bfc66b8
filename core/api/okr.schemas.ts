import { z } from 'zod';
import { requiredText, trimmed } from './common.schemas.ts';

/** The HTTP contract of the OKR-light module (Cap). Server and web both import it. */

export const periodKinds = ['days90', 'quarter'] as const;
export const directions = ['increase', 'decrease', 'keep_above', 'keep_below'] as const;
export const objectiveStatuses = ['active', 'archived'] as const;
export const krStatuses = ['on_track', 'at_risk', 'off_track'] as const;
/** done: reviewed · missed: the week ended without a review · open: this week, not yet done · upcoming. */
export const weekStates = ['done', 'missed', 'open', 'upcoming'] as const;

const isoDate = z.iso.date();
const confidence = z.number().int().min(0).max(10);
const metricValue = z.number().min(-1e12).max(1e12);
/** 1 = Monday … 7 = Sunday (ISO). */
const weekday = z.number().int().min(1).max(7);

export const personRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

// ── Settings ────────────────────────────────────────────────────────────────────────────────────
export const okrSettings = z.object({
  periodKind: z.enum(periodKinds),
  permissions: z.object({ update: z.boolean() }),
});
export type OkrSettings = z.infer<typeof okrSettings>;
export const updateOkrSettingsBody = z.object({ periodKind: z.enum(periodKinds) });

// ── Objective and key results ───────────────────────────────────────────────────────────────────
export const createObjectiveBody = z.object({
  /** The impact aimed at, not a task ("clients delivered within 48 h"). */
  title: requiredText(200),
  rules: trimmed(1000).default(''),
  scope: trimmed(1000).default(''),
  priorities: trimmed(1000).default(''),
  /** First day of the period; with calendar quarters it is moved to the first day of its quarter. */
  periodStart: isoDate,
  reviewWeekday: weekday.default(1),
  /** The team objective of the manager's own manager, for the same period (alignment). */
  parentObjectiveId: z.string().min(1).max(64).nullable().default(null),
});
export type CreateObjectiveBody = z.infer<typeof createObjectiveBody>;

export const updateObjectiveBody = z.object({
  title: requiredText(200).optional(),
  rules: trimmed(1000).optional(),
  scope: trimmed(1000).optional(),
  priorities: trimmed(1000).optional(),
  reviewWeekday: weekday.optional(),
  parentObjectiveId: z.string().min(1).max(64).nullable().optional(),
  status: z.enum(objectiveStatuses).optional(),
});
export type UpdateObjectiveBody = z.infer<typeof updateObjectiveBody>;

export const createKeyResultBody = z.object({
  metric: requiredText(200),
  unit: requiredText(30),
  start: metricValue,
  target: metricValue,
  direction: z.enum(directions).default('increase'),
  ownerId: z.string().min(1).max(64),
  confidence: confidence.default(5),
});
export type CreateKeyResultBody = z.infer<typeof createKeyResultBody>;

export const updateKeyResultBody = z.object({
  metric: requiredText(200).optional(),
  unit: requiredText(30).optional(),
  start: metricValue.optional(),
  target: metricValue.optional(),
  direction: z.enum(directions).optional(),
  ownerId: z.string().min(1).max(64).optional(),
  confidence: confidence.optional(),
});
export type UpdateKeyResultBody = z.infer<typeof updateKeyResultBody>;

export const keyResult = z.object({
  id: z.string(),
  position: z.number().int(),
  metric: z.string(),
  unit: z.string(),
  start: z.number(),
  target: z.number(),
  direction: z.enum(directions),
  owner: personRef,
  /** Latest reviewed value; null before the first review. */
  current: z.number().nullable(),
  /** Latest reviewed confidence (the one given at creation before any review). */
  confidence: z.number().int(),
  /** 0–1: where the current value stands between start and target, capped. */
  progress: z.number(),
  /** 0–1: where it should stand by now, from the time elapsed in the period. */
  expected: z.number(),
  status: z.enum(krStatuses),
});
export type KeyResult = z.infer<typeof keyResult>;

export const reviewEntry = z.object({
  keyResultId: z.string(),
  value: z.number(),
  confidence: z.number().int(),
  blockers: z.string(),
});
export type ReviewEntry = z.infer<typeof reviewEntry>;

export const reviewWeek = z.object({
  /** The review day of that week (ISO date, on the team's review weekday). */
  weekStart: z.string(),
  state: z.enum(weekStates),
  author: personRef.nullable(),
  updatedAt: z.string().nullable(),
  entries: z.array(reviewEntry),
});
export type ReviewWeek = z.infer<typeof reviewWeek>;

export const objectiveRef = z.object({
  id: z.string(),
  title: z.string(),
  teamManager: personRef,
  periodStart: z.string(),
  periodEnd: z.string(),
});
export type ObjectiveRef = z.infer<typeof objectiveRef>;

export const objectiveSummary = objectiveRef.extend({
  status: z.enum(objectiveStatuses),
  keyResults: z.number().int(),
  progress: z.number(),
  /** The worst key-result status; null without key results. */
  health: z.enum(krStatuses).nullable(),
  reviewsDone: z.number().int(),
  reviewsMissed: z.number().int(),
});
export type ObjectiveSummary = z.infer<typeof objectiveSummary>;

export const objectiveDetail = z.object({
  id: z.string(),
  title: z.string(),
  rules: z.string(),
  scope: z.string(),
  priorities: z.string(),
  periodKind: z.enum(periodKinds),
  periodStart: z.string(),
  periodEnd: z.string(),
  reviewWeekday: z.number().int(),
  status: z.enum(objectiveStatuses),
  teamManager: personRef,
  /** The manager and their direct reports: the owners a key result may have. */
  members: z.array(personRef),
  /** Alignment up: the manager's manager's team objective (only when the caller may read it). */
  parent: objectiveRef.nullable(),
  /** Alignment down: the objectives of teams below that point to this one (those the caller may read). */
  children: z.array(objectiveRef),
  keyResults: z.array(keyResult),
  /** 0–1, mean of the key results' progress. */
  progress: z.number(),
  /** The worst key-result status; null without key results. */
  health: z.enum(krStatuses).nullable(),
  /** Every review week of the period, oldest first; a week that ended without a review is `missed`. */
  weeks: z.array(reviewWeek),
  /** The week a review can be written now (null outside the period). */
  currentWeek: z.string().nullable(),
  permissions: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type ObjectiveDetail = z.infer<typeof objectiveDetail>;

export const teamPage = z.object({
  teamManager: personRef,
  members: z.array(personRef),
  periodKind: z.enum(periodKinds),
  /** The active objective whose period includes today (else the latest active one), in full. */
  current: objectiveDetail.nullable(),
  /** Every objective of the team, newest period first. */
  objectives: z.array(objectiveSummary),
  /** For a new objective: the manager's manager's active team objectives (alignment). */
  parentCandidates: z.array(objectiveRef),
  permissions: z.object({ create: z.boolean() }),
});
export type TeamPage = z.infer<typeof teamPage>;

export const teamCard = z.object({
  teamManager: personRef,
  /** lead: the caller leads it · member: the caller reports to its manager · above: in the manager chain. */
  relation: z.enum(['lead', 'member', 'above']),
  current: objectiveSummary.nullable(),
});
export const okrOverview = z.object({ teams: z.array(teamCard) });
export type OkrOverview = z.infer<typeof okrOverview>;

export const reviewParams = z.object({ id: z.string().min(1).max(64), weekStart: isoDate });
export const saveReviewBody = z.object({
  entries: z
    .array(
      z.object({
        keyResultId: z.string().min(1).max(64),
        value: metricValue,
        confidence,
        blockers: trimmed(1000).default(''),
      }),
    )
    .min(1)
    .max(3),
});
export type SaveReviewBody = z.infer<typeof saveReviewBody>;
