import { z } from 'zod';
import { MAX_BENEFITS, MAX_TIERS } from '../domain/offer.ts';
import { DEFAULT_WORD_BUDGET, MAX_WORD_BUDGET, MIN_WORD_BUDGET } from '../domain/pitch.ts';
import { requiredText, trimmed } from './common.schemas.ts';

/**
 * The HTTP contract of the clarity tools (Clarté): 30-second pitches, Good–Better–Best offers and the review
 * by a non-expert peer. Server and web both import it.
 */

export const pitchKinds = ['offer', 'idea'] as const;
export type PitchKind = (typeof pitchKinds)[number];
export const reviewItemTypes = ['objective', 'pitch', 'offer'] as const;
export type ReviewItemType = (typeof reviewItemTypes)[number];
export const reviewStatuses = ['open', 'answered'] as const;
export const MAX_SHARES = 50;

const id = z.string().min(1).max(64);
const personRef = z.object({ id: z.string(), name: z.string() });
export type ClarityPersonRef = z.infer<typeof personRef>;
const sharedWithField = z.array(id).max(MAX_SHARES);

// ── Pitches ─────────────────────────────────────────────────────────────────────────────────────
export const createPitchBody = z.object({
  title: requiredText(120),
  kind: z.enum(pitchKinds).default('offer'),
  body: trimmed(4000).default(''),
  wordBudget: z.number().int().min(MIN_WORD_BUDGET).max(MAX_WORD_BUDGET).default(DEFAULT_WORD_BUDGET),
  sharedWith: sharedWithField.default([]),
});
export type CreatePitchBody = z.input<typeof createPitchBody>;
export const updatePitchBody = z.object({
  title: requiredText(120).optional(),
  kind: z.enum(pitchKinds).optional(),
  body: trimmed(4000).optional(),
  wordBudget: z.number().int().min(MIN_WORD_BUDGET).max(MAX_WORD_BUDGET).optional(),
  sharedWith: sharedWithField.optional(),
});
export type UpdatePitchBody = z.input<typeof updatePitchBody>;

const itemPermissions = z.object({ edit: z.boolean(), requestReview: z.boolean() });

export const pitchDetail = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(pitchKinds),
  body: z.string(),
  wordBudget: z.number().int(),
  /** Counted by the server on every save (core/domain/pitch.ts). */
  wordCount: z.number().int(),
  author: personRef,
  sharedWith: z.array(personRef),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: itemPermissions,
});
export type PitchDetail = z.infer<typeof pitchDetail>;

// ── Good–Better–Best offers ─────────────────────────────────────────────────────────────────────
export const tier = z.object({
  name: trimmed(80).default(''),
  forWhom: trimmed(300).default(''),
  /** What the client gets out of it, in their words: one benefit a line. */
  benefits: z.array(trimmed(300)).max(MAX_BENEFITS).default([]),
  /** A price or an effort, as written ("490 € HT", "2 jours"). */
  price: trimmed(120).default(''),
});
export type Tier = z.infer<typeof tier>;
export const createOfferBody = z.object({
  title: requiredText(120),
  tiers: z.array(tier).max(MAX_TIERS).default([]),
  sharedWith: sharedWithField.default([]),
});
export type CreateOfferBody = z.input<typeof createOfferBody>;
export const updateOfferBody = z.object({
  title: requiredText(120).optional(),
  tiers: z.array(tier).max(MAX_TIERS).optional(),
  sharedWith: sharedWithField.optional(),
});
export type UpdateOfferBody = z.input<typeof updateOfferBody>;

export const offerDetail = z.object({
  id: z.string(),
  title: z.string(),
  tiers: z.array(
    z.object({ name: z.string(), forWhom: z.string(), benefits: z.array(z.string()), price: z.string() }),
  ),
  author: personRef,
  sharedWith: z.array(personRef),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: itemPermissions,
});
export type OfferDetail = z.infer<typeof offerDetail>;

// ── Review by a non-expert peer ─────────────────────────────────────────────────────────────────
export const createReviewBody = z.object({
  itemType: z.enum(reviewItemTypes),
  itemId: id,
  reviewerId: id,
  /** What the author wants the reader to look at (optional). */
  message: trimmed(500).default(''),
});
export type CreateReviewBody = z.input<typeof createReviewBody>;

export const markBody = z.object({
  /** The passage the reader did not understand, as quoted from the text; empty for a general comment. */
  excerpt: trimmed(500).default(''),
  /** Which passage it was taken from (see `passage.field`). */
  field: trimmed(60).default(''),
  comment: trimmed(1000).default(''),
});
export type MarkBody = z.input<typeof markBody>;
export const markParams = z.object({ id, markId: id });

export const reviewListQuery = z.object({ itemType: z.enum(reviewItemTypes), itemId: id });

export const mark = z.object({
  id: z.string(),
  kind: z.enum(['unclear', 'comment']),
  excerpt: z.string(),
  field: z.string(),
  comment: z.string(),
  createdAt: z.string(),
});
export type Mark = z.infer<typeof mark>;

/**
 * The text of the reviewed item as passages: `title`, `body` (pitch), `tiers.0.name`, `tiers.0.forWhom`,
 * `tiers.0.benefits.1`, `tiers.0.price` (offer), `rules`, `scope`, `priorities`, `keyResults.0` (objective).
 */
export const passage = z.object({ field: z.string(), text: z.string() });
export type Passage = z.infer<typeof passage>;

const reviewCore = {
  id: z.string(),
  itemType: z.enum(reviewItemTypes),
  itemId: z.string(),
  itemTitle: z.string(),
  requester: personRef,
  reviewer: personRef,
  message: z.string(),
  status: z.enum(reviewStatuses),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  marks: z.array(mark),
  permissions: z.object({ mark: z.boolean(), withdraw: z.boolean() }),
};
export const reviewSummary = z.object(reviewCore);
export type ReviewSummary = z.infer<typeof reviewSummary>;
export const reviewList = z.object({ items: z.array(reviewSummary) });
export type ReviewList = z.infer<typeof reviewList>;
export const reviewDetail = z.object({ ...reviewCore, passages: z.array(passage) });
export type ReviewDetail = z.infer<typeof reviewDetail>;

// ── The Clarté home page ────────────────────────────────────────────────────────────────────────
export const clarityOverview = z.object({
  pitches: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(pitchKinds),
      wordCount: z.number().int(),
      wordBudget: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  offers: z.array(
    z.object({ id: z.string(), title: z.string(), tiers: z.number().int(), updatedAt: z.string() }),
  ),
  sharedWithMe: z.array(
    z.object({ type: z.enum(['pitch', 'offer']), id: z.string(), title: z.string(), author: personRef }),
  ),
  reviewsReceived: z.array(
    z.object({
      id: z.string(),
      itemType: z.enum(reviewItemTypes),
      itemTitle: z.string(),
      requester: personRef,
      status: z.enum(reviewStatuses),
      marks: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  counts: z.object({
    pitches: z.number().int(),
    offers: z.number().int(),
    reviewsOpen: z.number().int(),
  }),
});
export type ClarityOverview = z.infer<typeof clarityOverview>;

// ── Jargon list (per organisation and language) ──────────────────────────────────────────────────
export const MAX_JARGON_TERMS = 300;
export const jargonLocales = ['fr', 'en'] as const;
export const jargonLocaleParam = z.object({ locale: z.enum(jargonLocales) });
/** The list to save (one term per entry; duplicates and blanks are dropped), or null for the default list. */
export const jargonBody = z.object({
  terms: z.array(trimmed(60)).max(MAX_JARGON_TERMS).nullable(),
});
const jargonOfLocale = z.object({
  /** The list the clarity check uses in this language: the organisation's, or the default one. */
  terms: z.array(z.string()),
  custom: z.boolean(),
  defaults: z.array(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: personRef.nullable(),
});
export const jargonLists = z.object({
  fr: jargonOfLocale,
  en: jargonOfLocale,
  permissions: z.object({ update: z.boolean() }),
});
export type JargonLists = z.infer<typeof jargonLists>;
