/**
 * Tables of the clarity tools (Clarté), added to the Kysely `DB` type by declaration merging so the shared
 * schema file needs no edit from this feature.
 */
export interface ClPitchTable {
  id: string;
  org_id: string;
  author_id: string;
  title: string;
  kind: string;
  body: string;
  word_budget: number;
  word_count: number;
  created_at: string;
  updated_at: string;
}

export interface ClOfferTable {
  id: string;
  org_id: string;
  author_id: string;
  title: string;
  /** JSON array of { name, forWhom, benefits, price }. */
  tiers: string;
  created_at: string;
  updated_at: string;
}

export interface ClShareTable {
  item_type: string;
  item_id: string;
  person_id: string;
  org_id: string;
  created_at: string;
}

export interface ClReviewTable {
  id: string;
  org_id: string;
  item_type: string;
  item_id: string;
  requester_id: string;
  reviewer_id: string;
  message: string;
  status: string;
  created_at: string;
  answered_at: string | null;
}

export interface ClReviewMarkTable {
  id: string;
  review_id: string;
  org_id: string;
  kind: string;
  excerpt: string;
  field: string;
  comment: string;
  created_at: string;
}

/** An organisation's jargon list for one language (JSON array of terms); no row = the default list. */
export interface ClJargonTable {
  org_id: string;
  locale: string;
  terms: string;
  updated_by: string | null;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    cl_pitch: ClPitchTable;
    cl_offer: ClOfferTable;
    cl_share: ClShareTable;
    cl_review: ClReviewTable;
    cl_review_mark: ClReviewMarkTable;
    cl_jargon: ClJargonTable;
  }
}
