/**
 * Tables of the delegation feature and the notification inbox, added to the Kysely `DB` type by declaration
 * merging so the shared schema file needs no edit from this feature.
 */
export interface NotificationTable {
  id: string;
  org_id: string;
  person_id: string;
  kind: string;
  /** JSON object of interpolation values for the translated text. */
  params: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface DlDomainTable {
  id: string;
  org_id: string;
  team_lead_id: string;
  name: string;
  description: string;
  archived: number;
  created_at: string;
}

export interface DlTeamSettingTable {
  team_lead_id: string;
  org_id: string;
  sample_share: number;
  updated_at: string;
}

export interface DlCardTable {
  id: string;
  org_id: string;
  delegator_id: string;
  assignee_id: string;
  domain_id: string | null;
  outcome: string;
  due_on: string;
  risks: string;
  support: string;
  success_indicators: string;
  result_format: string;
  level: number;
  alert_condition: string;
  alert_metric: string | null;
  alert_direction: string | null;
  alert_limit: number | null;
  alert_notify_id: string | null;
  alert_raised_at: string | null;
  alert_raised_value: number | null;
  alert_raised_by_condition: number;
  status: string;
  decline_reason: string | null;
  accepted_at: string | null;
  started_at: string | null;
  done_at: string | null;
  result_note: string;
  debrief_learned: string | null;
  debrief_differently: string | null;
  debrief_validation_asked: number | null;
  debrief_validation_why: string | null;
  debriefed_at: string | null;
  validation_requests: number;
  created_at: string;
  updated_at: string;
}

export interface DlCheckpointTable {
  id: string;
  org_id: string;
  card_id: string;
  due_on: string;
  status: string | null;
  note: string;
  posted_at: string | null;
  posted_by: string | null;
}

export interface DlMessageTable {
  id: string;
  org_id: string;
  card_id: string;
  author_id: string;
  kind: string;
  body: string;
  created_at: string;
}

export interface DlValidationTable {
  id: string;
  org_id: string;
  card_id: string;
  step: string;
  asked_by: string;
  asked_at: string;
  answer: string | null;
  answer_note: string;
  answered_by: string | null;
  answered_at: string | null;
}

export interface DlIndicatorValueTable {
  id: string;
  org_id: string;
  card_id: string;
  value: number;
  note: string;
  beyond_limit: number;
  recorded_by: string;
  recorded_at: string;
}

export interface DlLevelTable {
  org_id: string;
  person_id: string;
  domain_id: string;
  level: number;
  updated_at: string;
}

export interface DlLevelChangeTable {
  id: string;
  org_id: string;
  person_id: string;
  domain_id: string;
  from_level: number | null;
  to_level: number;
  reason: string;
  card_id: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface DlInitiativeTable {
  id: string;
  org_id: string;
  person_id: string;
  domain_id: string | null;
  title: string;
  outcome: string;
  validation_asked: number;
  concluded_on: string;
  created_at: string;
}

export interface DlConcludedTable {
  org_id: string;
  person_id: string;
  source: string;
  source_id: string;
  concluded_at: string;
  without_validation: number;
}

export interface DlSampleTable {
  id: string;
  org_id: string;
  manager_id: string;
  week_start: string;
  seed: string;
  share: number;
  pool_size: number;
  drawn_at: string;
}

export interface DlSampleItemTable {
  sample_id: string;
  card_id: string;
  reviewed_at: string | null;
  review_note: string;
}

export interface DlHandoverTable {
  id: string;
  org_id: string;
  manager_id: string;
  member_id: string;
  account: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface DlHandoverStageTable {
  handover_id: string;
  stage: number;
  planned_on: string | null;
  done_on: string | null;
  note: string;
}

export interface DlLearningTable {
  id: string;
  org_id: string;
  author_id: string;
  team_lead_id: string | null;
  card_id: string | null;
  domain_id: string | null;
  kind: string;
  title: string;
  body: string;
  private: number;
  search_text: string;
  created_at: string;
}

export interface DlBravoTable {
  id: string;
  org_id: string;
  card_id: string;
  from_id: string;
  to_id: string;
  team_lead_id: string | null;
  message: string;
  created_at: string;
}

export interface DlReminderSentTable {
  checkpoint_id: string;
  person_id: string;
  sent_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    notification: NotificationTable;
    dl_domain: DlDomainTable;
    dl_team_setting: DlTeamSettingTable;
    dl_card: DlCardTable;
    dl_checkpoint: DlCheckpointTable;
    dl_message: DlMessageTable;
    dl_validation: DlValidationTable;
    dl_indicator_value: DlIndicatorValueTable;
    dl_level: DlLevelTable;
    dl_level_change: DlLevelChangeTable;
    dl_initiative: DlInitiativeTable;
    dl_concluded: DlConcludedTable;
    dl_sample: DlSampleTable;
    dl_sample_item: DlSampleItemTable;
    dl_handover: DlHandoverTable;
    dl_handover_stage: DlHandoverStageTable;
    dl_learning: DlLearningTable;
    dl_bravo: DlBravoTable;
    dl_reminder_sent: DlReminderSentTable;
  }
}
