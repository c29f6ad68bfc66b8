/**
 * Tables of the notifications feature (calendar feeds, reminder claims), added to the Kysely `DB` type by
 * declaration merging so the shared schema file needs no edit from this feature.
 */
export interface CalendarFeedTable {
  person_id: string;
  org_id: string;
  /** SHA-256 (hex) of the secret token in the feed URL; the token itself is never stored. */
  token_hash: string;
  created_at: string;
}

/** One row per reminder sent: its primary key is the claim, so a second instance's insert does nothing. */
export interface ReminderSentTable {
  meeting_id: string;
  person_id: string;
  kind: string;
  sent_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    calendar_feed: CalendarFeedTable;
    reminder_sent: ReminderSentTable;
  }
}
