import { z } from 'zod';
import { requiredText, trimmed } from './common.schemas.ts';

/** The HTTP contract of the delegation and autonomy module (Délégation). Server and web both import it. */

export const autonomyLevel = z.number().int().min(1).max(7);
export const cardStatuses = ['proposed', 'accepted', 'in_progress', 'done', 'declined'] as const;
export type CardStatus = (typeof cardStatuses)[number];
export const checkpointStatuses = ['on_track', 'at_risk', 'off_track'] as const;
export const alertDirections = ['above', 'below'] as const;
export const messageKinds = ['question', 'answer', 'note'] as const;
export const validationAnswers = ['approved', 'changes_requested'] as const;
export const learningKinds = ['debrief', 'error', 'lesson'] as const;
/** Client handover stages, in order: back-office → introduced → leads with the manager silent → primary contact. */
export const handoverStages = [1, 2, 3, 4] as const;

const isoDate = z.iso.date();
const id = z.string().min(1).max(64);
const personRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

// ── Decision domains (per team, the team being identified by its lead) ──────────────────────────
export const domain = z.object({
  id: z.string(),
  teamLeadId: z.string(),
  name: z.string(),
  description: z.string(),
  archived: z.boolean(),
});
export type Domain = z.infer<typeof domain>;
export const domainList = z.object({
  items: z.array(domain),
  /** Share of finished items drawn each week for review (0.05–1). */
  sampleShare: z.number(),
  permissions: z.object({ manage: z.boolean() }),
});
export type DomainList = z.infer<typeof domainList>;
export const teamQuery = z.object({ teamLeadId: id.optional() });
export const createDomainBody = z.object({
  teamLeadId: id.optional(),
  name: requiredText(120),
  description: trimmed(500).default(''),
});
export const updateDomainBody = z.object({
  name: requiredText(120).optional(),
  description: trimmed(500).optional(),
  archived: z.boolean().optional(),
});
export const teamSettingsBody = z.object({ sampleShare: z.number().min(0.05).max(1) });

// ── Delegation card ──────────────────────────────────────────────────────────────────────────────
const alertFields = {
  /** The condition in plain words ("a client threatens to leave"). */
  alertCondition: trimmed(500).default(''),
  /** Optional numeric indicator: its name, the side that is "beyond", and the limit. */
  alertMetric: trimmed(120).nullable().default(null),
  alertDirection: z.enum(alertDirections).nullable().default(null),
  alertLimit: z.number().finite().nullable().default(null),
  /** Who must be told first (defaults to the delegator). */
  alertNotifyId: id.nullable().default(null),
};

export const createCardBody = z.object({
  assigneeId: id,
  /** What, stated as an outcome. */
  outcome: requiredText(500),
  dueOn: isoDate,
  domainId: id.nullable().default(null),
  level: autonomyLevel,
  risks: trimmed(2000).default(''),
  support: trimmed(2000).default(''),
  successIndicators: trimmed(2000).default(''),
  resultFormat: trimmed(500).default(''),
  checkpoints: z.array(isoDate).max(20).default([]),
  ...alertFields,
});
export type CreateCardBody = z.input<typeof createCardBody>;

export const updateCardBody = z.object({
  outcome: requiredText(500).optional(),
  dueOn: isoDate.optional(),
  domainId: id.nullable().optional(),
  level: autonomyLevel.optional(),
  risks: trimmed(2000).optional(),
  support: trimmed(2000).optional(),
  successIndicators: trimmed(2000).optional(),
  resultFormat: trimmed(500).optional(),
  alertCondition: trimmed(500).optional(),
  alertMetric: trimmed(120).nullable().optional(),
  alertDirection: z.enum(alertDirections).nullable().optional(),
  alertLimit: z.number().finite().nullable().optional(),
  alertNotifyId: id.nullable().optional(),
});

export const checkpoint = z.object({
  id: z.string(),
  dueOn: z.string(),
  status: z.enum(checkpointStatuses).nullable(),
  note: z.string(),
  postedAt: z.string().nullable(),
  postedBy: personRef.nullable(),
  /** Due date passed without a status. */
  missed: z.boolean(),
});
export type Checkpoint = z.infer<typeof checkpoint>;

export const cardMessage = z.object({
  id: z.string(),
  kind: z.enum(messageKinds),
  author: personRef,
  body: z.string(),
  createdAt: z.string(),
});
export const validationRequest = z.object({
  id: z.string(),
  step: z.string(),
  askedBy: personRef,
  askedAt: z.string(),
  answer: z.enum(validationAnswers).nullable(),
  answerNote: z.string(),
  answeredBy: personRef.nullable(),
  answeredAt: z.string().nullable(),
});
export type ValidationRequest = z.infer<typeof validationRequest>;
export const indicatorValue = z.object({
  id: z.string(),
  value: z.number(),
  note: z.string(),
  beyondLimit: z.boolean(),
  recordedBy: personRef,
  recordedAt: z.string(),
});
export const bravo = z.object({
  id: z.string(),
  from: personRef,
  to: personRef,
  message: z.string(),
  createdAt: z.string(),
  card: z.object({ id: z.string(), outcome: z.string() }),
});
export type Bravo = z.infer<typeof bravo>;

export const cardSummary = z.object({
  id: z.string(),
  outcome: z.string(),
  delegator: personRef,
  assignee: personRef,
  domain: z.object({ id: z.string(), name: z.string() }).nullable(),
  level: autonomyLevel,
  dueOn: z.string(),
  status: z.enum(cardStatuses),
  /** Past the due date and not done/declined. */
  overdue: z.boolean(),
  alertRaised: z.boolean(),
  nextCheckpoint: z.string().nullable(),
  missedCheckpoints: z.number().int(),
  openValidations: z.number().int(),
  debriefed: z.boolean(),
});
export type CardSummary = z.infer<typeof cardSummary>;
export const cardList = z.object({
  items: z.array(cardSummary),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export const cardListQuery = z.object({
  /** mine (default): delegated by me or to me; assigned: to me; delegated: by me; person: to `personId`. */
  view: z.enum(['mine', 'assigned', 'delegated', 'person']).default('mine'),
  personId: id.optional(),
  status: z.enum([...cardStatuses, 'open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const cardDetail = cardSummary.extend({
  risks: z.string(),
  support: z.string(),
  successIndicators: z.string(),
  resultFormat: z.string(),
  alert: z.object({
    condition: z.string(),
    metric: z.string().nullable(),
    direction: z.enum(alertDirections).nullable(),
    limit: z.number().nullable(),
    notify: personRef.nullable(),
    raisedAt: z.string().nullable(),
    raisedValue: z.number().nullable(),
    raisedByCondition: z.boolean(),
  }),
  declineReason: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  resultNote: z.string(),
  debrief: z
    .object({
      learned: z.string(),
      differently: z.string(),
      validationAsked: z.boolean(),
      validationWhy: z.string(),
      at: z.string(),
    })
    .nullable(),
  checkpoints: z.array(checkpoint),
  messages: z.array(cardMessage),
  validations: z.array(validationRequest),
  indicatorValues: z.array(indicatorValue),
  bravos: z.array(bravo),
  /** The assignee's current level in the card's domain (null without domain or level yet). */
  assigneeDomainLevel: autonomyLevel.nullable(),
  createdAt: z.string(),
  myRole: z.enum(['delegator', 'assignee', 'viewer']),
  permissions: z.object({
    edit: z.boolean(),
    respond: z.boolean(),
    act: z.boolean(),
    answer: z.boolean(),
    debrief: z.boolean(),
    raiseLevel: z.boolean(),
    bravo: z.boolean(),
  }),
});
export type CardDetail = z.infer<typeof cardDetail>;

export const declineBody = z.object({ reason: requiredText(1000) });
export const completeBody = z.object({ resultNote: trimmed(2000).default('') });
export const debriefBody = z.object({
  learned: requiredText(2000),
  differently: trimmed(2000).default(''),
  validationAsked: z.boolean(),
  validationWhy: trimmed(1000).default(''),
  /** Also record it in the team's learning log (private when the author wishes). */
  shareInLearningLog: z.boolean().default(true),
});
export const messageBody = z.object({ body: requiredText(2000) });
export const addCheckpointBody = z.object({ dueOn: isoDate });
export const checkpointStatusBody = z.object({
  status: z.enum(checkpointStatuses),
  note: trimmed(2000).default(''),
});
export const checkpointParam = z.object({ id, checkpointId: id });
export const indicatorBody = z.object({ value: z.number().finite(), note: trimmed(500).default('') });
export const conditionMetBody = z.object({ note: requiredText(1000) });
export const validationBody = z.object({ step: requiredText(500) });
export const validationParam = z.object({ id, validationId: id });
export const validationAnswerBody = z.object({
  answer: z.enum(validationAnswers),
  note: trimmed(1000).default(''),
});
export const bravoBody = z.object({ message: requiredText(500) });

// ── Who could take it? ───────────────────────────────────────────────────────────────────────────
export const suggestionQuery = z.object({
  text: trimmed(2000).default(''),
  domainId: id.optional(),
  level: z.coerce.number().int().min(1).max(7).default(4),
});
export const suggestion = z.object({
  person: personRef,
  score: z.number(),
  matchedSkills: z.array(z.object({ name: z.string(), level: z.number().int() })),
  domainLevel: z.number().int().nullable(),
  fitsLevel: z.boolean(),
  openLoad: z.number().int(),
  reason: z.enum(['skills', 'level', 'load', 'growth']),
});
export type Suggestion = z.infer<typeof suggestion>;
export const suggestionList = z.object({ items: z.array(suggestion) });

// ── Autonomy matrix and indicator ────────────────────────────────────────────────────────────────
export const rateResult = z.object({
  from: z.string(),
  to: z.string(),
  concluded: z.number().int(),
  withoutValidation: z.number().int(),
  rate: z.number().nullable(),
});
export const indicator = z.object({
  current: rateResult,
  previous: rateResult,
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  delta: z.number().nullable(),
  series: z.array(rateResult),
});
export type Indicator = z.infer<typeof indicator>;
/**
 * A matrix row's indicator in brief (a 200-person subtree stays small): the current period's figures, the
 * trend, and the rate of each period for the sparkline (null where nothing was concluded).
 */
export const indicatorBrief = z.object({
  rate: z.number().nullable(),
  concluded: z.number().int(),
  withoutValidation: z.number().int(),
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  delta: z.number().nullable(),
  rates: z.array(z.number().nullable()),
});
export type IndicatorBrief = z.infer<typeof indicatorBrief>;
export const periodQuery = z.object({
  periodDays: z.coerce.number().int().min(7).max(730).default(90),
});
export const matrixQuery = periodQuery.extend({
  managerId: id.optional(),
  scope: z.enum(['team', 'subtree']).default('team'),
});
export const matrixRow = z.object({
  person: personRef.extend({ jobTitle: z.string(), managerId: z.string().nullable() }),
  /** domainId → current level. */
  levels: z.record(z.string(), autonomyLevel),
  /** Levels raised within the period (growth). */
  raisedInPeriod: z.number().int(),
  indicator: indicatorBrief,
});
/** The matrix without the caller's permissions: the part that is the same for every reader. */
export const matrixBody = z.object({
  manager: personRef,
  scope: z.enum(['team', 'subtree']),
  periodDays: z.number().int(),
  domains: z.array(z.object({ id: z.string(), name: z.string(), teamLeadId: z.string() })),
  rows: z.array(matrixRow),
  team: indicator,
});
export const matrix = matrixBody.extend({ permissions: z.object({ raiseLevels: z.boolean() }) });
export type Matrix = z.infer<typeof matrix>;

export const levelChange = z.object({
  id: z.string(),
  domain: z.object({ id: z.string(), name: z.string() }),
  fromLevel: autonomyLevel.nullable(),
  toLevel: autonomyLevel,
  reason: z.string(),
  cardId: z.string().nullable(),
  changedBy: personRef.nullable(),
  changedAt: z.string(),
});
export type LevelChange = z.infer<typeof levelChange>;
export const personAutonomy = z.object({
  person: personRef,
  levels: z.array(
    z.object({
      domain: z.object({ id: z.string(), name: z.string() }),
      level: autonomyLevel,
      updatedAt: z.string(),
    }),
  ),
  history: z.array(levelChange),
  indicator: indicator,
  initiatives: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      outcome: z.string(),
      domain: z.object({ id: z.string(), name: z.string() }).nullable(),
      validationAsked: z.boolean(),
      concludedOn: z.string(),
    }),
  ),
  permissions: z.object({ setLevel: z.boolean(), logInitiative: z.boolean() }),
});
export type PersonAutonomy = z.infer<typeof personAutonomy>;
export const setLevelBody = z.object({
  level: autonomyLevel,
  reason: requiredText(1000),
  cardId: id.nullable().default(null),
});
export const levelParam = z.object({ id, domainId: id });
export const initiativeBody = z.object({
  title: requiredText(300),
  outcome: trimmed(2000).default(''),
  domainId: id.nullable().default(null),
  validationAsked: z.boolean(),
  concludedOn: isoDate,
});

// ── Weekly review sample ─────────────────────────────────────────────────────────────────────────
export const sample = z.object({
  id: z.string(),
  weekStart: z.string(),
  seed: z.string(),
  share: z.number(),
  poolSize: z.number().int(),
  drawnAt: z.string(),
  items: z.array(
    z.object({
      card: cardSummary,
      reviewedAt: z.string().nullable(),
      reviewNote: z.string(),
    }),
  ),
});
export type Sample = z.infer<typeof sample>;
export const sampleList = z.object({ items: z.array(sample) });
export const sampleQuery = z.object({ managerId: id.optional() });
export const sampleItemParam = z.object({ id, cardId: id });
export const sampleReviewBody = z.object({ note: trimmed(2000).default('') });

// ── Client handover ──────────────────────────────────────────────────────────────────────────────
export const handoverStage = z.object({
  stage: z.number().int().min(1).max(4),
  plannedOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  note: z.string(),
});
export const handover = z.object({
  id: z.string(),
  account: z.string(),
  note: z.string(),
  manager: personRef,
  member: personRef,
  /** Highest stage done (0 = not started). */
  currentStage: z.number().int().min(0).max(4),
  /** The member once stage 4 is done, the manager before. */
  primaryContact: personRef,
  stages: z.array(handoverStage),
  permissions: z.object({ edit: z.boolean() }),
});
export type Handover = z.infer<typeof handover>;
export const handoverList = z.object({ items: z.array(handover) });
export const handoverQuery = z.object({ managerId: id.optional() });
export const createHandoverBody = z.object({
  memberId: id,
  account: requiredText(200),
  note: trimmed(2000).default(''),
  /** Planned dates for stages 1–4 (optional each). */
  plannedOn: z.array(isoDate.nullable()).max(4).default([]),
});
export const stageParam = z.object({ id, stage: z.coerce.number().int().min(1).max(4) });
export const updateStageBody = z.object({
  plannedOn: isoDate.nullable().optional(),
  done: z.boolean().optional(),
  note: trimmed(2000).optional(),
});

// ── Learning log ─────────────────────────────────────────────────────────────────────────────────
export const learningEntry = z.object({
  id: z.string(),
  kind: z.enum(learningKinds),
  title: z.string(),
  body: z.string(),
  author: personRef,
  domain: z.object({ id: z.string(), name: z.string() }).nullable(),
  cardId: z.string().nullable(),
  private: z.boolean(),
  createdAt: z.string(),
});
export type LearningEntry = z.infer<typeof learningEntry>;
export const learningList = z.object({
  items: z.array(learningEntry),
  bravos: z.array(bravo),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export const learningQuery = z.object({
  teamLeadId: id.optional(),
  domainId: id.optional(),
  q: trimmed(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const learningBody = z.object({
  /** The team the entry belongs to (default: the author's own team if they lead one, else their manager's). */
  teamLeadId: id.optional(),
  kind: z.enum(learningKinds).default('lesson'),
  title: requiredText(300),
  body: trimmed(5000).default(''),
  domainId: id.nullable().default(null),
  cardId: id.nullable().default(null),
  private: z.boolean().default(false),
});

// ── In-app notifications ─────────────────────────────────────────────────────────────────────────
export const notificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItem>;
export const notificationList = z.object({ items: z.array(notificationItem), unread: z.number().int() });
export const readNotificationsBody = z.object({ ids: z.array(id).max(200).optional() });
