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

export interface DB {
  organisation: OrganisationTable;
  person: PersonTable;
  person_skill: PersonSkillTable;
  invitation: InvitationTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}
