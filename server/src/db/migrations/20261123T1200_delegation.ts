import type { Kysely } from 'kysely';
import { timestampType } from '../dialect.ts';

/**
 * Delegation and autonomy (Délégation), plus the in-app notification inbox it is the first to use.
 *
 * - dl_domain: a team's decision domains (the team is identified by its manager).
 * - dl_card: the delegation card (checklist, autonomy level, alert threshold) and its flow.
 * - dl_checkpoint, dl_message (questions/answers), dl_validation, dl_indicator_value hang off a card.
 * - dl_level + dl_level_change: the autonomy matrix and its history.
 * - dl_concluded: one row per thing a person concluded (initiative or delegation done), with whether a
 *   validation was asked: the autonomy indicator reads only this narrow, indexed table.
 * - dl_sample + dl_sample_item: the weekly random review draw, recorded with its seed for audit.
 * - dl_handover + dl_handover_stage: client handovers in four stages.
 * - dl_learning: the blame-free learning log; dl_bravo: public credit linked to a card.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const org = (c: any) => c.notNull().references('organisation.id').onDelete('cascade'); // eslint-disable-line @typescript-eslint/no-explicit-any
  const person = (c: any) => c.notNull().references('person.id').onDelete('cascade'); // eslint-disable-line @typescript-eslint/no-explicit-any

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('person_id', 'text', person)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema
    .createIndex('notification_person_idx')
    .on('notification')
    .columns(['person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('dl_domain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('team_lead_id', 'text', person)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('dl_domain_team_name_unique', ['team_lead_id', 'name'])
    .execute();

  await db.schema
    .createTable('dl_team_setting')
    .addColumn('team_lead_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('org_id', 'text', org)
    .addColumn('sample_share', 'real', (c) => c.notNull().defaultTo(0.2))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dl_card')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('delegator_id', 'text', person)
    .addColumn('assignee_id', 'text', person)
    .addColumn('domain_id', 'text', (c) => c.references('dl_domain.id').onDelete('set null'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('risks', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('support', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('success_indicators', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result_format', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('alert_condition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alert_metric', 'text')
    .addColumn('alert_direction', 'text')
    .addColumn('alert_limit', 'real')
    .addColumn('alert_notify_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('alert_raised_at', ts)
    .addColumn('alert_raised_value', 'real')
    .addColumn('alert_raised_by_condition', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
    .addColumn('decline_reason', 'text')
    .addColumn('accepted_at', ts)
    .addColumn('started_at', ts)
    .addColumn('done_at', ts)
    .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('debrief_learned', 'text')
    .addColumn('debrief_differently', 'text')
    .addColumn('debrief_validation_asked', 'integer')
    .addColumn('debrief_validation_why', 'text')
    .addColumn('debriefed_at', ts)
    .addColumn('validation_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_card_assignee_idx')
    .on('dl_card')
    .columns(['assignee_id', 'status'])
    .execute();
  await db.schema
    .createIndex('dl_card_delegator_idx')
    .on('dl_card')
    .columns(['delegator_id', 'status', 'done_at'])
    .execute();

  await db.schema
    .createTable('dl_checkpoint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('posted_at', ts)
    .addColumn('posted_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('dl_checkpoint_card_idx')
    .on('dl_checkpoint')
    .columns(['card_id', 'due_on'])
    .execute();
  await db.schema.createIndex('dl_checkpoint_due_idx').on('dl_checkpoint').column('due_on').execute();

  await db.schema
    .createTable('dl_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('author_id', 'text', person)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_message_card_idx')
    .on('dl_message')
    .columns(['card_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('dl_validation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', person)
    .addColumn('asked_at', ts, (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answer_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('answered_at', ts)
    .execute();
  await db.schema
    .createIndex('dl_validation_card_idx')
    .on('dl_validation')
    .columns(['card_id', 'asked_at'])
    .execute();

  await db.schema
    .createTable('dl_indicator_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('beyond_limit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', person)
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_indicator_value_card_idx')
    .on('dl_indicator_value')
    .columns(['card_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('dl_level')
    .addColumn('org_id', 'text', org)
    .addColumn('person_id', 'text', person)
    .addColumn('domain_id', 'text', (c) => c.notNull().references('dl_domain.id').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('dl_level_pk', ['person_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('dl_level_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('person_id', 'text', person)
    .addColumn('domain_id', 'text', (c) => c.notNull().references('dl_domain.id').onDelete('cascade'))
    .addColumn('from_level', 'integer')
    .addColumn('to_level', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('card_id', 'text', (c) => c.references('dl_card.id').onDelete('set null'))
    .addColumn('changed_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('changed_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_level_change_person_idx')
    .on('dl_level_change')
    .columns(['person_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('dl_initiative')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('person_id', 'text', person)
    .addColumn('domain_id', 'text', (c) => c.references('dl_domain.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('validation_asked', 'integer', (c) => c.notNull())
    .addColumn('concluded_on', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_initiative_person_idx')
    .on('dl_initiative')
    .columns(['person_id', 'concluded_on'])
    .execute();

  await db.schema
    .createTable('dl_concluded')
    .addColumn('org_id', 'text', org)
    .addColumn('person_id', 'text', person)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('concluded_at', ts, (c) => c.notNull())
    .addColumn('without_validation', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dl_concluded_pk', ['source', 'source_id'])
    .execute();
  // Covering index: the indicator reads (concluded_at, without_validation) for a set of people.
  await db.schema
    .createIndex('dl_concluded_person_idx')
    .on('dl_concluded')
    .columns(['person_id', 'concluded_at', 'without_validation'])
    .execute();

  await db.schema
    .createTable('dl_sample')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('manager_id', 'text', person)
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('share', 'real', (c) => c.notNull())
    .addColumn('pool_size', 'integer', (c) => c.notNull())
    .addColumn('drawn_at', ts, (c) => c.notNull())
    .addUniqueConstraint('dl_sample_manager_week_unique', ['manager_id', 'week_start'])
    .execute();
  await db.schema
    .createTable('dl_sample_item')
    .addColumn('sample_id', 'text', (c) => c.notNull().references('dl_sample.id').onDelete('cascade'))
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('reviewed_at', ts)
    .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('dl_sample_item_pk', ['sample_id', 'card_id'])
    .execute();

  await db.schema
    .createTable('dl_handover')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('manager_id', 'text', person)
    .addColumn('member_id', 'text', person)
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_handover_manager_idx')
    .on('dl_handover')
    .columns(['org_id', 'manager_id'])
    .execute();
  await db.schema.createIndex('dl_handover_member_idx').on('dl_handover').column('member_id').execute();
  await db.schema
    .createTable('dl_handover_stage')
    .addColumn('handover_id', 'text', (c) => c.notNull().references('dl_handover.id').onDelete('cascade'))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('planned_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('dl_handover_stage_pk', ['handover_id', 'stage'])
    .execute();

  await db.schema
    .createTable('dl_learning')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('author_id', 'text', person)
    /** The team the entry belongs to (its lead), for the team view. */
    .addColumn('team_lead_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('card_id', 'text', (c) => c.references('dl_card.id').onDelete('set null'))
    .addColumn('domain_id', 'text', (c) => c.references('dl_domain.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_learning_team_idx')
    .on('dl_learning')
    .columns(['team_lead_id', 'created_at'])
    .execute();
  await db.schema.createIndex('dl_learning_author_idx').on('dl_learning').column('author_id').execute();

  await db.schema
    .createTable('dl_bravo')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('card_id', 'text', (c) => c.notNull().references('dl_card.id').onDelete('cascade'))
    .addColumn('from_id', 'text', person)
    .addColumn('to_id', 'text', person)
    .addColumn('team_lead_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dl_bravo_team_idx')
    .on('dl_bravo')
    .columns(['team_lead_id', 'created_at'])
    .execute();
  await db.schema.createIndex('dl_bravo_card_idx').on('dl_bravo').column('card_id').execute();

  /** One row per checkpoint reminder or alert mail: the primary key is the claim (sent once across instances). */
  await db.schema
    .createTable('dl_reminder_sent')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('dl_checkpoint.id').onDelete('cascade'))
    .addColumn('person_id', 'text', person)
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('dl_reminder_sent_pk', ['checkpoint_id', 'person_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'dl_reminder_sent',
    'dl_bravo',
    'dl_learning',
    'dl_handover_stage',
    'dl_handover',
    'dl_sample_item',
    'dl_sample',
    'dl_concluded',
    'dl_initiative',
    'dl_level_change',
    'dl_level',
    'dl_indicator_value',
    'dl_validation',
    'dl_message',
    'dl_checkpoint',
    'dl_card',
    'dl_team_setting',
    'dl_domain',
    'notification',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
