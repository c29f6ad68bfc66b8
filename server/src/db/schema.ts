import type { Generated } from 'kysely';

/** Relais's own tables (better-auth keeps its auth_* tables and manages them itself). */
export interface OrganisationTable {
  id: string;
  name: string;
  default_locale: string;
  k_threshold: Generated<number>;
  created_at: string;
}

export interface PersonTable {
  id: string;
  org_id: string;
  user_id: string | null;
  email: string;
  first_name: string;
  last_name: string;
  job_title: string;
  job_description: string;
  team: string;
  manager_id: string | null;
  is_admin: number;
  locale: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface PersonSkillTable {
  id: string;
  org_id: string;
  person_id: string;
  name: string;
  level: number;
}

export interface InvitationTable {
  id: string;
  org_id: string;
  person_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface OutboxTable {
  id: string;
  org_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor_person_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  created_at: string;
}

// ── One-to-ones (Tête-à-tête) ──
export interface OoSeriesTable {
  id: string;
  org_id: string;
  manager_id: string;
  report_id: string;
  cadence_weeks: number;
  duration_minutes: number;
  first_at: string;
  time_zone: string;
  location: string;
  video_url: string;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OoMeetingTable {
  id: string;
  org_id: string;
  series_id: string;
  planned_at: string;
  scheduled_at: string;
  status: string;
  moved: number;
  move_reason: string | null;
  cancel_reason: string | null;
  started_at: string | null;
  closed_at: string | null;
  step_log: string;
  current_step: number | null;
  talk_manager_ms: number;
  talk_report_ms: number;
  speaking: string | null;
  speaking_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface OoTopicTable {
  id: string;
  org_id: string;
  meeting_id: string;
  author_id: string;
  title: string;
  kind: string;
  done: number;
  created_at: string;
}

export interface OoNoteTable {
  org_id: string;
  meeting_id: string;
  step: number;
  body: string;
  updated_by: string | null;
  updated_at: string;
}

export interface OoPrivateNoteTable {
  org_id: string;
  meeting_id: string;
  author_id: string;
  body: string;
  updated_at: string;
}

export interface OoMoodTable {
  org_id: string;
  meeting_id: string;
  person_id: string;
  personal: number;
  professional: number;
  updated_at: string;
}

export interface OoActionTable {
  id: string;
  org_id: string;
  series_id: string;
  origin_meeting_id: string;
  owner_id: string;
  title: string;
  kind: string;
  due_on: string | null;
  done_at: string | null;
  done_meeting_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** Only "this person rated this meeting": refuses a second rating, counts distinct raters. */
export interface OoRatingMarkerTable {
  org_id: string;
  meeting_id: string;
  rater_id: string;
  /** Month of the answer ('YYYY-MM'): averages only ever cover finished months. */
  month: string;
}

/** Monthly sums of the scores per manager: no row per answer, no link to a meeting or a rater. */
export interface OoRatingTable {
  org_id: string;
  manager_id: string;
  month: string;
  answers: number;
  structured: number;
  useful: number;
  could_speak: number;
}

export interface DB {
  organisation: OrganisationTable;
  person: PersonTable;
  person_skill: PersonSkillTable;
  invitation: InvitationTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  oo_series: OoSeriesTable;
  oo_meeting: OoMeetingTable;
  oo_topic: OoTopicTable;
  oo_note: OoNoteTable;
  oo_private_note: OoPrivateNoteTable;
  oo_mood: OoMoodTable;
  oo_action: OoActionTable;
  oo_rating_marker: OoRatingMarkerTable;
  oo_rating: OoRatingTable;
}
