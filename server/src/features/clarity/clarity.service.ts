import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ClarityOverview,
  ReviewDetail,
  createOfferBody,
  createPitchBody,
  createReviewBody,
  markBody,
  reviewListQuery,
  updateOfferBody,
  updatePitchBody,
} from '../../../../core/api/clarity.schemas.ts';
import { countWords } from '../../../../core/domain/pitch.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, type Actor, type ClarityReviewSubject } from '../../http/policy.ts';
import { notify } from '../notifications/inbox.ts';
import { fullName } from '../people/person.presenter.ts';
import * as p from './clarity.presenter.ts';
import * as repo from './clarity.repository.ts';
import type { ClReviewTable } from './clarity.table.ts';

type Db = Kysely<DB>;

/** Share lists name people of the author's organisation, never the author. */
async function checkShares(db: Db, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)].filter((id) => id !== actor.personId);
  const known = await repo.peopleInOrg(db, actor.orgId, unique);
  if (unique.some((id) => !known.has(id))) throw invalid('sharedWith', 'clarity.share_unknown');
  return unique;
}

// ── Overview ────────────────────────────────────────────────────────────────────────────────────

export async function overview(db: Db, actor: Actor): Promise<ClarityOverview> {
  const [pitches, offers, shares, received] = await Promise.all([
    db
      .selectFrom('cl_pitch')
      .select(['id', 'title', 'kind', 'word_count', 'word_budget', 'updated_at'])
      .where('author_id', '=', actor.personId)
      .orderBy('updated_at', 'desc')
      .execute(),
    db
      .selectFrom('cl_offer')
      .select(['id', 'title', 'tiers', 'updated_at'])
      .where('author_id', '=', actor.personId)
      .orderBy('updated_at', 'desc')
      .execute(),
    db
      .selectFrom('cl_share')
      .select(['item_type', 'item_id'])
      .where('person_id', '=', actor.personId)
      .execute(),
    db
      .selectFrom('cl_review')
      .selectAll()
      .where('reviewer_id', '=', actor.personId)
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  const sharedPitchIds = shares.filter((s) => s.item_type === 'pitch').map((s) => s.item_id);
  const sharedOfferIds = shares.filter((s) => s.item_type === 'offer').map((s) => s.item_id);
  const [sharedPitches, sharedOffers, titles, markRows] = await Promise.all([
    sharedPitchIds.length
      ? db
          .selectFrom('cl_pitch')
          .select(['id', 'title', 'author_id'])
          .where('id', 'in', sharedPitchIds)
          .execute()
      : [],
    sharedOfferIds.length
      ? db
          .selectFrom('cl_offer')
          .select(['id', 'title', 'author_id'])
          .where('id', 'in', sharedOfferIds)
          .execute()
      : [],
    repo.itemTitles(db, received),
    repo.marksOf(
      db,
      received.map((r) => r.id),
    ),
  ]);
  const names = await repo.namesOf(db, [
    ...sharedPitches.map((s) => s.author_id),
    ...sharedOffers.map((s) => s.author_id),
    ...received.map((r) => r.requester_id),
  ]);
  const marksPer = new Map<string, number>();
  for (const m of markRows) marksPer.set(m.review_id, (marksPer.get(m.review_id) ?? 0) + 1);
  return {
    pitches: pitches.map((x) => ({
      id: x.id,
      title: x.title,
      kind: x.kind === 'idea' ? 'idea' : 'offer',
      wordCount: x.word_count,
      wordBudget: x.word_budget,
      updatedAt: p.iso(x.updated_at),
    })),
    offers: offers.map((x) => ({
      id: x.id,
      title: x.title,
      tiers: p.parseTiers(x.tiers).length,
      updatedAt: p.iso(x.updated_at),
    })),
    sharedWithMe: [
      ...sharedPitches.map((x) => ({
        type: 'pitch' as const,
        id: x.id,
        title: x.title,
        author: p.personRef(names, x.author_id),
      })),
      ...sharedOffers.map((x) => ({
        type: 'offer' as const,
        id: x.id,
        title: x.title,
        author: p.personRef(names, x.author_id),
      })),
    ],
    reviewsReceived: received
      .filter((r) => titles.has(`${r.item_type}:${r.item_id}`))
      .map((r) => ({
        id: r.id,
        itemType: r.item_type as 'pitch' | 'offer' | 'objective',
        itemTitle: titles.get(`${r.item_type}:${r.item_id}`) ?? '',
        requester: p.personRef(names, r.requester_id),
        status: r.status === 'answered' ? ('answered' as const) : ('open' as const),
        marks: marksPer.get(r.id) ?? 0,
        createdAt: p.iso(r.created_at),
      })),
    counts: {
      pitches: pitches.length,
      offers: offers.length,
      reviewsOpen: received.filter((r) => r.status === 'open').length,
    },
  };
}

// ── Pitches ─────────────────────────────────────────────────────────────────────────────────────

export async function getPitch(db: Db, actor: Actor, id: string) {
  const pitch = await repo.findPitch(db, id);
  if (!pitch) throw notFound();
  const subject = await repo.itemSubject(db, 'pitch', pitch);
  authorize(actor, 'clarity.read', subject);
  const names = await repo.namesOf(db, [pitch.author_id, ...subject.sharedWith]);
  return p.presentPitch(actor, pitch, subject, names);
}

export async function createPitch(db: Db, actor: Actor, body: z.infer<typeof createPitchBody>) {
  const shared = await checkShares(db, actor, body.sharedWith);
  const now = nowIso();
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cl_pitch')
      .values({
        id,
        org_id: actor.orgId,
        author_id: actor.personId,
        title: body.title,
        kind: body.kind,
        body: body.body,
        word_budget: body.wordBudget,
        word_count: countWords(body.body),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await repo.replaceShares(trx, 'pitch', id, actor.orgId, shared, now);
  });
  return getPitch(db, actor, id);
}

export async function updatePitch(db: Db, actor: Actor, id: string, body: z.infer<typeof updatePitchBody>) {
  const pitch = await repo.findPitch(db, id);
  if (!pitch) throw notFound();
  authorize(actor, 'clarity.write', await repo.itemSubject(db, 'pitch', pitch));
  const shared = body.sharedWith ? await checkShares(db, actor, body.sharedWith) : undefined;
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cl_pitch')
      .set({
        ...(body.title !== undefined && { title: body.title }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.body !== undefined && { body: body.body, word_count: countWords(body.body) }),
        ...(body.wordBudget !== undefined && { word_budget: body.wordBudget }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (shared) await repo.replaceShares(trx, 'pitch', id, pitch.org_id, shared, now);
  });
  return getPitch(db, actor, id);
}

export async function deletePitch(db: Db, actor: Actor, id: string) {
  const pitch = await repo.findPitch(db, id);
  if (!pitch) throw notFound();
  authorize(actor, 'clarity.write', await repo.itemSubject(db, 'pitch', pitch));
  await db.transaction().execute((trx) => repo.deleteItem(trx, 'pitch', id));
}

// ── Offers ──────────────────────────────────────────────────────────────────────────────────────

/** Blank benefits are dropped: an empty line in the canvas is not a benefit. */
const cleanTiers = (tiers: z.infer<typeof createOfferBody>['tiers']) =>
  JSON.stringify(tiers.map((t) => ({ ...t, benefits: t.benefits.filter((b) => b !== '') })));

export async function getOffer(db: Db, actor: Actor, id: string) {
  const offer = await repo.findOffer(db, id);
  if (!offer) throw notFound();
  const subject = await repo.itemSubject(db, 'offer', offer);
  authorize(actor, 'clarity.read', subject);
  const names = await repo.namesOf(db, [offer.author_id, ...subject.sharedWith]);
  return p.presentOffer(actor, offer, subject, names);
}

export async function createOffer(db: Db, actor: Actor, body: z.infer<typeof createOfferBody>) {
  const shared = await checkShares(db, actor, body.sharedWith);
  const now = nowIso();
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cl_offer')
      .values({
        id,
        org_id: actor.orgId,
        author_id: actor.personId,
        title: body.title,
        tiers: cleanTiers(body.tiers),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await repo.replaceShares(trx, 'offer', id, actor.orgId, shared, now);
  });
  return getOffer(db, actor, id);
}

export async function updateOffer(db: Db, actor: Actor, id: string, body: z.infer<typeof updateOfferBody>) {
  const offer = await repo.findOffer(db, id);
  if (!offer) throw notFound();
  authorize(actor, 'clarity.write', await repo.itemSubject(db, 'offer', offer));
  const shared = body.sharedWith ? await checkShares(db, actor, body.sharedWith) : undefined;
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cl_offer')
      .set({
        ...(body.title !== undefined && { title: body.title }),
        ...(body.tiers !== undefined && { tiers: cleanTiers(body.tiers) }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (shared) await repo.replaceShares(trx, 'offer', id, offer.org_id, shared, now);
  });
  return getOffer(db, actor, id);
}

export async function deleteOffer(db: Db, actor: Actor, id: string) {
  const offer = await repo.findOffer(db, id);
  if (!offer) throw notFound();
  authorize(actor, 'clarity.write', await repo.itemSubject(db, 'offer', offer));
  await db.transaction().execute((trx) => repo.deleteItem(trx, 'offer', id));
}

// ── Reviews ─────────────────────────────────────────────────────────────────────────────────────

interface LoadedItem {
  orgId: string;
  title: string;
  passages: { field: string; text: string }[];
  /** Where the author reads the review (the item's page). */
  link: string;
}

async function loadItem(db: Db, type: string, id: string): Promise<LoadedItem | undefined> {
  if (type === 'pitch') {
    const x = await repo.findPitch(db, id);
    return (
      x && { orgId: x.org_id, title: x.title, passages: p.pitchPassages(x), link: `/clarity/pitches/${x.id}` }
    );
  }
  if (type === 'offer') {
    const x = await repo.findOffer(db, id);
    return (
      x && { orgId: x.org_id, title: x.title, passages: p.offerPassages(x), link: `/clarity/offers/${x.id}` }
    );
  }
  const o = await repo.objectiveForReview(db, id);
  return (
    o && { orgId: o.orgId, title: o.title, passages: p.objectivePassages(o), link: `/okr/objectives/${o.id}` }
  );
}

/** Who may ask for a review of the item: the author of a pitch or offer, a member of an objective's team. */
async function authorizeRequest(db: Db, actor: Actor, type: string, id: string) {
  if (type === 'pitch' || type === 'offer') {
    const item = type === 'pitch' ? await repo.findPitch(db, id) : await repo.findOffer(db, id);
    if (!item) throw notFound();
    authorize(actor, 'clarity.requestReview', await repo.itemSubject(db, type, item));
    return;
  }
  const o = await repo.objectiveForReview(db, id);
  if (!o) throw notFound();
  authorize(actor, 'clarity.requestObjectiveReview', await repo.objectiveTeam(db, o));
}

async function loadReview(
  db: Db,
  actor: Actor,
  id: string,
  action: 'clarity.readReview' | 'clarity.answerReview' | 'clarity.withdrawReview',
) {
  const review = await repo.findReview(db, id);
  if (!review) throw notFound();
  const subject: ClarityReviewSubject = repo.reviewSubject(review);
  authorize(actor, action, subject);
  return review;
}

async function present(db: Db, actor: Actor, reviews: readonly ClReviewTable[]) {
  const [titles, marks, names] = await Promise.all([
    repo.itemTitles(db, reviews),
    repo.marksOf(
      db,
      reviews.map((r) => r.id),
    ),
    repo.namesOf(
      db,
      reviews.flatMap((r) => [r.requester_id, r.reviewer_id]),
    ),
  ]);
  return reviews.map((r) =>
    p.presentReview(
      actor,
      r,
      titles.get(`${r.item_type}:${r.item_id}`) ?? '',
      marks.filter((m) => m.review_id === r.id),
      names,
    ),
  );
}

/** Reviews of one item that the caller asked for or was asked to do: nobody else's (scoped in SQL). */
export async function listReviews(db: Db, actor: Actor, q: z.infer<typeof reviewListQuery>) {
  const rows = await db
    .selectFrom('cl_review')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('item_type', '=', q.itemType)
    .where('item_id', '=', q.itemId)
    .where((eb) => eb.or([eb('requester_id', '=', actor.personId), eb('reviewer_id', '=', actor.personId)]))
    .orderBy('created_at', 'desc')
    .execute();
  return { items: await present(db, actor, rows) };
}

export async function getReview(db: Db, actor: Actor, id: string): Promise<ReviewDetail> {
  const review = await loadReview(db, actor, id, 'clarity.readReview');
  const item = await loadItem(db, review.item_type, review.item_id);
  if (!item) throw notFound();
  const [summary] = await present(db, actor, [review]);
  return { ...summary!, passages: item.passages.filter((x) => x.text !== '') };
}

export async function createReview(db: Db, actor: Actor, body: z.infer<typeof createReviewBody>) {
  await authorizeRequest(db, actor, body.itemType, body.itemId);
  if (body.reviewerId === actor.personId) throw invalid('reviewerId', 'clarity.own_item');
  const reviewer = await db
    .selectFrom('person')
    .select(['id', 'org_id', 'status'])
    .where('id', '=', body.reviewerId)
    .executeTakeFirst();
  if (!reviewer || reviewer.org_id !== actor.orgId || reviewer.status === 'inactive')
    throw invalid('reviewerId', 'clarity.reviewer_unknown');
  const item = (await loadItem(db, body.itemType, body.itemId))!;
  if (body.itemType !== 'objective') {
    const authorId = (
      body.itemType === 'pitch'
        ? await repo.findPitch(db, body.itemId)
        : await repo.findOffer(db, body.itemId)
    )?.author_id;
    if (authorId === body.reviewerId) throw invalid('reviewerId', 'clarity.own_item');
  }
  const pending = await db
    .selectFrom('cl_review')
    .select('id')
    .where('item_type', '=', body.itemType)
    .where('item_id', '=', body.itemId)
    .where('reviewer_id', '=', body.reviewerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (pending) throw conflict('clarity.review_exists', 'reviewerId');
  const id = crypto.randomUUID();
  const now = nowIso();
  const me = await repo.namesOf(db, [actor.personId]);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cl_review')
      .values({
        id,
        org_id: actor.orgId,
        item_type: body.itemType,
        item_id: body.itemId,
        requester_id: actor.personId,
        reviewer_id: body.reviewerId,
        message: body.message,
        status: 'open',
        created_at: now,
        answered_at: null,
      })
      .execute();
    const requester = me.get(actor.personId);
    await notify(trx, [
      {
        orgId: actor.orgId,
        personId: body.reviewerId,
        kind: 'clarity.reviewRequested',
        params: { name: requester ? fullName(requester) : '', title: item.title },
        link: `/clarity/reviews/${id}`,
      },
    ]);
  });
  return getReview(db, actor, id);
}

export async function withdrawReview(db: Db, actor: Actor, id: string) {
  await loadReview(db, actor, id, 'clarity.withdrawReview');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cl_review_mark').where('review_id', '=', id).execute();
    await trx.deleteFrom('cl_review').where('id', '=', id).execute();
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export async function addMark(db: Db, actor: Actor, id: string, body: z.infer<typeof markBody>) {
  const review = await loadReview(db, actor, id, 'clarity.answerReview');
  if (body.excerpt === '' && body.comment === '') throw invalid('comment', 'clarity.mark_empty');
  let field = body.field;
  if (body.excerpt !== '') {
    const item = await loadItem(db, review.item_type, review.item_id);
    if (!item) throw notFound();
    const quoted = squash(body.excerpt);
    // The excerpt must be quoted from the text the reviewer read (in the passage named, else in any).
    const named = item.passages.find((x) => x.field === field);
    const where =
      named && squash(named.text).includes(quoted)
        ? named
        : item.passages.find((x) => squash(x.text).includes(quoted));
    if (!where) throw invalid('excerpt', 'clarity.excerpt_not_in_text');
    field = where.field;
  }
  await db
    .insertInto('cl_review_mark')
    .values({
      id: crypto.randomUUID(),
      review_id: id,
      org_id: review.org_id,
      kind: body.excerpt !== '' ? 'unclear' : 'comment',
      excerpt: body.excerpt,
      field: body.excerpt !== '' ? field : '',
      comment: body.comment,
      created_at: nowIso(),
    })
    .execute();
  return getReview(db, actor, id);
}

export async function deleteMark(db: Db, actor: Actor, id: string, markId: string) {
  await loadReview(db, actor, id, 'clarity.answerReview');
  const res = await db
    .deleteFrom('cl_review_mark')
    .where('id', '=', markId)
    .where('review_id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound();
}

/** The reader is done: the author is told once (a second "send" changes nothing). */
export async function answerReview(db: Db, actor: Actor, id: string) {
  const review = await loadReview(db, actor, id, 'clarity.answerReview');
  const now = nowIso();
  const res = await db
    .updateTable('cl_review')
    .set({ status: 'answered', answered_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) {
    const [item, names, marks] = await Promise.all([
      loadItem(db, review.item_type, review.item_id),
      repo.namesOf(db, [review.reviewer_id]),
      repo.marksOf(db, [id]),
    ]);
    const who = names.get(review.reviewer_id);
    await notify(db, [
      {
        orgId: review.org_id,
        personId: review.requester_id,
        kind: 'clarity.reviewAnswered',
        params: { name: who ? fullName(who) : '', title: item?.title ?? '', count: marks.length },
        link: item?.link ?? '/clarity',
      },
    ]);
  }
  return getReview(db, actor, id);
}
