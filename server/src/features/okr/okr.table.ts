/**
 * Tables of the OKR-light feature, added to the Kysely `DB` type by declaration merging so the shared
 * schema file needs no edit from this feature.
 */
export interface OkrSettingsTable {
  org_id: string;
  period_kind: string;
  updated_at: string;
}

export interface OkrObjectiveTable {
  id: string;
  org_id: string;
  /** The team: this manager and their direct reports. */
  team_manager_id: string;
  title: string;
  rules: string;
  scope: string;
  priorities: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  review_weekday: number;
  parent_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OkrKeyResultTable {
  id: string;
  org_id: string;
  objective_id: string;
  position: number;
  metric: string;
  unit: string;
  start_value: number;
  target_value: number;
  direction: string;
  owner_id: string;
  confidence: number;
  created_at: string;
  updated_at: string;
}

/** One review per objective and week; `entries` is the JSON text of StoredEntry[]. */
export interface OkrReviewTable {
  objective_id: string;
  week_start: string;
  org_id: string;
  entries: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredEntry {
  k: string;
  v: number;
  c: number;
  b: string;
}

export interface OkrReminderSentTable {
  objective_id: string;
  week_start: string;
  person_id: string;
  sent_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    okr_settings: OkrSettingsTable;
    okr_objective: OkrObjectiveTable;
    okr_key_result: OkrKeyResultTable;
    okr_review: OkrReviewTable;
    okr_reminder_sent: OkrReminderSentTable;
  }
}
