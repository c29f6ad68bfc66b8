import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { DB } from '../../db/schema.ts';
import type { CardSubject, HandoverSubject, TeamSubject } from '../../http/policy.ts';
import { findDirectReportIds, findManagerChain } from '../people/person.repository.ts';
import type { DlCardTable } from './delegation.table.ts';
import './delegation.table.ts';

export type Q = Kysely<DB> | Transaction<DB>;
export type CardRow = DlCardTable;
export interface PersonName {
  id: string;
  first_name: string;
  last_name: string;
}

export const OPEN_STATUSES = ['proposed', 'accepted', 'in_progress'] as const;

// A card and what its page shows are read on every card request: built and compiled once (preparedQuery).
const cardById = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('dl_card').selectAll().where('id', '=', p('id')),
);

export async function findCard(db: Q, id: string) {
  return (await cardById(db, { id }))[0];
}

const byCard = <
  T extends 'dl_checkpoint' | 'dl_message' | 'dl_validation' | 'dl_indicator_value' | 'dl_bravo',
>(
  table: T,
  order: 'due_on' | 'created_at' | 'asked_at' | 'recorded_at',
) =>
  preparedQuery((db, p: (name: 'cardId') => string) =>
    db
      .selectFrom(table as 'dl_checkpoint')
      .selectAll()
      .where('card_id', '=', p('cardId'))
      .orderBy(order as 'due_on'),
  );
const checkpointsOf = byCard('dl_checkpoint', 'due_on');
const checkpointById = preparedQuery((db, p: (name: 'id') => string) =>
  db.selectFrom('dl_checkpoint').selectAll().where('id', '=', p('id')),
);

/** One checkpoint as it is now. */
export async function findCheckpoint(db: Q, id: string) {
  return (await checkpointById(db, { id }))[0];
}
const messagesOf = byCard('dl_message', 'created_at');
const validationsOf = byCard('dl_validation', 'asked_at');
const valuesOf = byCard('dl_indicator_value', 'recorded_at');
const bravosOf = byCard('dl_bravo', 'created_at');

/** Everything a card's page lists, in date order. */
export async function cardParts(db: Q, cardId: string) {
  const [checkpoints, messages, validations, values, bravos] = await Promise.all([
    checkpointsOf(db, { cardId }),
    messagesOf(db, { cardId }) as unknown as Promise<Selectable<DB['dl_message']>[]>,
    validationsOf(db, { cardId }) as unknown as Promise<Selectable<DB['dl_validation']>[]>,
    valuesOf(db, { cardId }) as unknown as Promise<Selectable<DB['dl_indicator_value']>[]>,
    bravosOf(db, { cardId }) as unknown as Promise<Selectable<DB['dl_bravo']>[]>,
  ]);
  return { checkpoints, messages, validations, values, bravos };
}

/** Everything a card's page is presented from, read together (kept per card by card.cache.ts). */
export interface CardRows {
  card: CardRow;
  parts: Awaited<ReturnType<typeof cardParts>>;
  domain: { id: string; name: string; level: number | null } | undefined;
  names: ReadonlyMap<string, PersonName>;
}

export async function readCardRows(db: Q, id: string): Promise<CardRows | undefined> {
  const [card, parts] = await Promise.all([findCard(db, id), cardParts(db, id)]);
  if (!card) return undefined;
  const { checkpoints, messages, validations, values, bravos } = parts;
  const [domain, names] = await Promise.all([
    card.domain_id
      ? db
          .selectFrom('dl_domain as d')
          .leftJoin('dl_level as l', (j) =>
            j.onRef('l.domain_id', '=', 'd.id').on('l.person_id', '=', card.assignee_id),
          )
          .select(['d.id', 'd.name', 'l.level'])
          .where('d.id', '=', card.domain_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    namesOf(db, [
      card.delegator_id,
      card.assignee_id,
      card.alert_notify_id ?? card.delegator_id,
      ...checkpoints.flatMap((k) => (k.posted_by ? [k.posted_by] : [])),
      ...messages.map((m) => m.author_id),
      ...validations.flatMap((v) => [v.asked_by, ...(v.answered_by ? [v.answered_by] : [])]),
      ...values.map((v) => v.recorded_by),
      ...bravos.flatMap((b) => [b.from_id, b.to_id]),
    ]),
  ]);
  return { card, parts, domain, names };
}

/** The card's subject: its two people and both their manager chains (merged, nearest first). */
export async function cardSubject(db: Q, card: CardRow): Promise<CardSubject> {
  const [a, d] = await Promise.all([
    findManagerChain(db, card.assignee_id),
    card.delegator_id === card.assignee_id ? Promise.resolve([]) : findManagerChain(db, card.delegator_id),
  ]);
  return {
    orgId: card.org_id,
    delegatorId: card.delegator_id,
    assigneeId: card.assignee_id,
    chain: [...new Set([...a, ...d])],
  };
}

export async function teamSubject(db: Q, orgId: string, leadId: string): Promise<TeamSubject> {
  const [members, chain] = await Promise.all([
    db.selectFrom('person').select('id').where('manager_id', '=', leadId).execute(),
    findManagerChain(db, leadId),
  ]);
  return { orgId, leadId, memberIds: members.map((m) => m.id), chain };
}

export async function handoverSubject(
  db: Q,
  h: { org_id: string; manager_id: string; member_id: string },
): Promise<HandoverSubject> {
  const [a, b] = await Promise.all([findManagerChain(db, h.member_id), findManagerChain(db, h.manager_id)]);
  return {
    orgId: h.org_id,
    managerId: h.manager_id,
    memberId: h.member_id,
    chain: [...new Set([...a, ...b])],
  };
}

export async function namesOf(db: Q, ids: Iterable<string>): Promise<Map<string, PersonName>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', list)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function domainNames(db: Q, ids: Iterable<string | null>) {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('dl_domain').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Card rows with the counts a list needs, in one query. */
export function cardSummaryQuery(db: Q, today: string) {
  return db
    .selectFrom('dl_card as c')
    .innerJoin('person as d', 'd.id', 'c.delegator_id')
    .innerJoin('person as a', 'a.id', 'c.assignee_id')
    .leftJoin('dl_domain as dm', 'dm.id', 'c.domain_id')
    .select([
      'c.id',
      'c.outcome',
      'c.delegator_id',
      'c.assignee_id',
      'c.domain_id',
      'c.level',
      'c.due_on',
      'c.status',
      'c.alert_raised_at',
      'c.debriefed_at',
      'c.done_at',
      'c.created_at',
      'd.first_name as d_first',
      'd.last_name as d_last',
      'a.first_name as a_first',
      'a.last_name as a_last',
      'dm.name as domain_name',
      (eb) =>
        eb
          .selectFrom('dl_checkpoint as k')
          .select((e) => e.fn.min('k.due_on').as('d'))
          .whereRef('k.card_id', '=', 'c.id')
          .where('k.posted_at', 'is', null)
          .where('k.due_on', '>=', today)
          .as('next_checkpoint'),
      (eb) =>
        eb
          .selectFrom('dl_checkpoint as k')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('k.card_id', '=', 'c.id')
          .where('k.posted_at', 'is', null)
          .where('k.due_on', '<', today)
          .as('missed_checkpoints'),
      (eb) =>
        eb
          .selectFrom('dl_validation as v')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('v.card_id', '=', 'c.id')
          .where('v.answer', 'is', null)
          .as('open_validations'),
    ]);
}

export type CardSummaryRow = Awaited<ReturnType<ReturnType<typeof cardSummaryQuery>['execute']>>[number];

/** Open delegations per assignee. */
export async function openLoad(db: Q, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('dl_card')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', ids)
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
}

export const directReportIds = findDirectReportIds;

/** The team a person works in by default: their own when they manage people, else their manager's. */
export async function defaultTeamLead(db: Q, personId: string): Promise<string> {
  const row = await db
    .selectFrom('person as p')
    .select([
      'p.manager_id',
      (eb) =>
        eb
          .selectFrom('person as r')
          .select(sql<number>`1`.as('one'))
          .whereRef('r.manager_id', '=', 'p.id')
          .limit(1)
          .as('has_reports'),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!row) return personId;
  return row.has_reports || !row.manager_id ? personId : row.manager_id;
}
