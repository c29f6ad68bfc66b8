import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ClarityItemSubject, ClarityReviewSubject, TeamSubject } from '../../http/policy.ts';
import { findManagerChain } from '../people/person.repository.ts';
import type { ClOfferTable, ClPitchTable, ClReviewTable } from './clarity.table.ts';
import './clarity.table.ts';
// Types only: the OKR tables are read here, never written.
import '../okr/okr.table.ts';

export type Q = Kysely<DB> | Transaction<DB>;
export type SharedType = 'pitch' | 'offer';
export interface PersonName {
  id: string;
  first_name: string;
  last_name: string;
}

export const findPitch = (db: Q, id: string) =>
  db.selectFrom('cl_pitch').selectAll().where('id', '=', id).executeTakeFirst();
export const findOffer = (db: Q, id: string) =>
  db.selectFrom('cl_offer').selectAll().where('id', '=', id).executeTakeFirst();
export const findReview = (db: Q, id: string) =>
  db.selectFrom('cl_review').selectAll().where('id', '=', id).executeTakeFirst();

export async function shareIds(db: Q, type: SharedType, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cl_share')
    .select('person_id')
    .where('item_type', '=', type)
    .where('item_id', '=', itemId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The item's subject: its author, whom it is shared with, and who was asked to review it (while asked). */
export async function itemSubject(
  db: Q,
  type: SharedType,
  item: ClPitchTable | ClOfferTable,
): Promise<ClarityItemSubject> {
  const [shared, reviewers] = await Promise.all([
    shareIds(db, type, item.id),
    db
      .selectFrom('cl_review')
      .select('reviewer_id')
      .where('item_type', '=', type)
      .where('item_id', '=', item.id)
      .execute(),
  ]);
  return {
    orgId: item.org_id,
    authorId: item.author_id,
    sharedWith: shared,
    reviewerIds: reviewers.map((r) => r.reviewer_id),
  };
}

export const reviewSubject = (r: ClReviewTable): ClarityReviewSubject => ({
  orgId: r.org_id,
  requesterId: r.requester_id,
  reviewerId: r.reviewer_id,
});

/** Replaces the share list of an item (ids already checked to be people of the organisation). */
export async function replaceShares(
  db: Q,
  type: SharedType,
  itemId: string,
  orgId: string,
  personIds: readonly string[],
  now: string,
) {
  await db.deleteFrom('cl_share').where('item_type', '=', type).where('item_id', '=', itemId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto('cl_share')
    .values(
      personIds.map((p) => ({
        item_type: type,
        item_id: itemId,
        person_id: p,
        org_id: orgId,
        created_at: now,
      })),
    )
    .execute();
}

/** Deletes a pitch or an offer with its shares, its reviews and their marks. */
export async function deleteItem(db: Q, type: SharedType, itemId: string) {
  await db.deleteFrom('cl_share').where('item_type', '=', type).where('item_id', '=', itemId).execute();
  const reviews = db
    .selectFrom('cl_review')
    .select('id')
    .where('item_type', '=', type)
    .where('item_id', '=', itemId);
  await db.deleteFrom('cl_review_mark').where('review_id', 'in', reviews).execute();
  await db.deleteFrom('cl_review').where('item_type', '=', type).where('item_id', '=', itemId).execute();
  await db
    .deleteFrom(type === 'pitch' ? 'cl_pitch' : 'cl_offer')
    .where('id', '=', itemId)
    .execute();
}

/** Of `ids`, those that are people of the organisation. */
export async function peopleInOrg(db: Q, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('person')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
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

// ── Objectives (OKR module's tables, read only) ─────────────────────────────────────────────────

export interface ObjectiveForReview {
  id: string;
  orgId: string;
  teamManagerId: string;
  title: string;
  rules: string;
  scope: string;
  priorities: string;
  /** Metric names of its key results, in order. */
  keyResults: string[];
}

/** What a reviewer reads of an objective: its texts and its key results' metric names. */
export async function objectiveForReview(db: Q, id: string): Promise<ObjectiveForReview | undefined> {
  const o = await db
    .selectFrom('okr_objective')
    .select(['id', 'org_id', 'team_manager_id', 'title', 'rules', 'scope', 'priorities'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o) return undefined;
  const krs = await db
    .selectFrom('okr_key_result')
    .select('metric')
    .where('objective_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    id: o.id,
    orgId: o.org_id,
    teamManagerId: o.team_manager_id,
    title: o.title,
    rules: o.rules,
    scope: o.scope,
    priorities: o.priorities,
    keyResults: krs.map((k) => k.metric),
  };
}

export async function objectiveTitles(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('okr_objective')
    .select(['id', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The objective's team (its manager and their direct reports) and the manager's chain. */
export async function objectiveTeam(db: Q, o: ObjectiveForReview): Promise<TeamSubject> {
  const [members, chain] = await Promise.all([
    db.selectFrom('person').select('id').where('manager_id', '=', o.teamManagerId).execute(),
    findManagerChain(db, o.teamManagerId),
  ]);
  return { orgId: o.orgId, leadId: o.teamManagerId, memberIds: members.map((m) => m.id), chain };
}

/** Titles of the items of some reviews, by "type:id". */
export async function itemTitles(
  db: Q,
  items: readonly { item_type: string; item_id: string }[],
): Promise<Map<string, string>> {
  const of = (t: string) => items.filter((i) => i.item_type === t).map((i) => i.item_id);
  const [pitches, offers, objectives] = await Promise.all([
    of('pitch').length
      ? db.selectFrom('cl_pitch').select(['id', 'title']).where('id', 'in', of('pitch')).execute()
      : [],
    of('offer').length
      ? db.selectFrom('cl_offer').select(['id', 'title']).where('id', 'in', of('offer')).execute()
      : [],
    objectiveTitles(db, of('objective')),
  ]);
  const out = new Map<string, string>();
  for (const p of pitches) out.set(`pitch:${p.id}`, p.title);
  for (const o of offers) out.set(`offer:${o.id}`, o.title);
  for (const [id, title] of objectives) out.set(`objective:${id}`, title);
  return out;
}

export function marksOf(db: Q, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cl_review_mark')
    .selectAll()
    .where('review_id', 'in', reviewIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
