import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CardDetail,
  CardStatus,
  CardSummary,
  cardListQuery,
  completeBody,
  createCardBody,
  debriefBody,
  updateCardBody,
  validationAnswerBody,
} from '../../../../core/api/delegation.schemas.ts';
import { fromFlag, nowIso, toFlag } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { authorize, can, type Actor, type CardSubject } from '../../http/policy.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { notify, notifyByMail, type Notice } from '../notifications/inbox.ts';
import { fullName } from '../people/person.presenter.ts';
import { findManagerChain } from '../people/person.repository.ts';
import { loadPersonSubject } from '../people/person.service.ts';
import { autonomyChanged } from './autonomy.cache.ts';
import { cachedCardRows, cardChanged, patchCard, withCardLock } from './card.cache.ts';
import * as repo from './delegation.repository.ts';

type Db = Kysely<DB>;
export interface DelegationDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
const cardLink = (id: string) => `/delegation/cards/${id}`;
const ref = (names: ReadonlyMap<string, repo.PersonName>, id: string | null) =>
  id ? { id, name: names.get(id) ? fullName(names.get(id)!) : '' } : null;

// ── Loading and presenting ─────────────────────────────────────────────────────────────────────

/**
 * Loads a card and its policy subject. The two people on the card pass their rules without the manager
 * chains, so those two recursive lookups run only for someone else (a manager above, an admin, a stranger).
 */
async function loadCard(db: Db, id: string, actor?: Actor) {
  const card = await repo.findCard(db, id);
  if (!card) throw notFound();
  return cardAndSubject(db, card, actor);
}

async function cardAndSubject(db: Db, card: repo.CardRow, actor?: Actor) {
  const own = actor && (actor.personId === card.delegator_id || actor.personId === card.assignee_id);
  const subject: CardSubject = own
    ? { orgId: card.org_id, delegatorId: card.delegator_id, assigneeId: card.assignee_id, chain: [] }
    : await repo.cardSubject(db, card);
  return { card, subject, chainLoaded: !own };
}

export function presentSummary(r: repo.CardSummaryRow, today: string): CardSummary {
  const status = r.status as CardStatus;
  return {
    id: r.id,
    outcome: r.outcome,
    delegator: { id: r.delegator_id, name: `${r.d_first} ${r.d_last}` },
    assignee: { id: r.assignee_id, name: `${r.a_first} ${r.a_last}` },
    domain: r.domain_id && r.domain_name ? { id: r.domain_id, name: r.domain_name } : null,
    level: r.level,
    dueOn: r.due_on,
    status,
    overdue: r.due_on < today && (repo.OPEN_STATUSES as readonly string[]).includes(status),
    alertRaised: r.alert_raised_at !== null,
    nextCheckpoint: (r.next_checkpoint as string | null) ?? null,
    missedCheckpoints: Number(r.missed_checkpoints ?? 0),
    openValidations: Number(r.open_validations ?? 0),
    debriefed: r.debriefed_at !== null,
  };
}

/** Rows as stored (card.cache.ts), read when missing. */
const cardRows = (db: Db, id: string) => cachedCardRows(id, () => repo.readCardRows(db, id));

/** The card as it is after a write by this request: forgotten, read afresh, then presented. */
export async function cardDetail(
  db: Db,
  actor: Actor,
  id: string,
  subject: CardSubject,
): Promise<CardDetail> {
  cardChanged(id);
  const rows = await cardRows(db, id);
  if (!rows) throw notFound();
  return presentCard(db, actor, subject, rows);
}

async function presentCard(
  db: Db,
  actor: Actor,
  subject: CardSubject,
  { card, parts, domain, names }: repo.CardRows,
): Promise<CardDetail> {
  const today = todayIso();
  const { checkpoints, messages, validations, values, bravos } = parts;
  const level = domain?.level != null ? { level: domain.level } : undefined;
  const status = card.status as CardStatus;
  const isDelegator = actor.personId === card.delegator_id;
  const isAssignee = actor.personId === card.assignee_id;
  const open = (repo.OPEN_STATUSES as readonly string[]).includes(status);
  const mayRaise = status === 'done' && card.domain_id !== null && !isAssignee;
  const assigneeChain =
    mayRaise && subject.chain.length === 0 ? await findManagerChain(db, card.assignee_id) : subject.chain;
  const assigneeSubject = { id: card.assignee_id, orgId: card.org_id, managerId: null, chain: assigneeChain };
  // One literal, never `{ ...summary, more }` on a hot path (ARCHITECTURE.md, "Hot paths").
  return {
    id: card.id,
    outcome: card.outcome,
    delegator: ref(names, card.delegator_id)!,
    assignee: ref(names, card.assignee_id)!,
    domain: domain ? { id: domain.id, name: domain.name } : null,
    level: card.level,
    dueOn: card.due_on,
    status,
    overdue: card.due_on < today && (repo.OPEN_STATUSES as readonly string[]).includes(status),
    alertRaised: card.alert_raised_at !== null,
    nextCheckpoint: checkpoints.find((k) => k.posted_at === null && k.due_on >= today)?.due_on ?? null,
    missedCheckpoints: checkpoints.filter((k) => k.posted_at === null && k.due_on < today).length,
    openValidations: validations.filter((v) => v.answer === null).length,
    debriefed: card.debriefed_at !== null,
    risks: card.risks,
    support: card.support,
    successIndicators: card.success_indicators,
    resultFormat: card.result_format,
    alert: {
      condition: card.alert_condition,
      metric: card.alert_metric,
      direction: card.alert_direction as 'above' | 'below' | null,
      limit: card.alert_limit,
      notify: ref(names, card.alert_notify_id ?? card.delegator_id),
      raisedAt: card.alert_raised_at,
      raisedValue: card.alert_raised_value,
      raisedByCondition: fromFlag(card.alert_raised_by_condition),
    },
    declineReason: card.decline_reason,
    acceptedAt: card.accepted_at,
    startedAt: card.started_at,
    doneAt: card.done_at,
    resultNote: card.result_note,
    debrief: card.debriefed_at
      ? {
          learned: card.debrief_learned ?? '',
          differently: card.debrief_differently ?? '',
          validationAsked: fromFlag(card.debrief_validation_asked),
          validationWhy: card.debrief_validation_why ?? '',
          at: card.debriefed_at,
        }
      : null,
    checkpoints: checkpoints.map((k) => ({
      id: k.id,
      dueOn: k.due_on,
      status: k.status as 'on_track' | 'at_risk' | 'off_track' | null,
      note: k.note,
      postedAt: k.posted_at,
      postedBy: ref(names, k.posted_by),
      missed: k.posted_at === null && k.due_on < today,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind as 'question' | 'answer' | 'note',
      author: ref(names, m.author_id)!,
      body: m.body,
      createdAt: m.created_at,
    })),
    validations: validations.map((v) => ({
      id: v.id,
      step: v.step,
      askedBy: ref(names, v.asked_by)!,
      askedAt: v.asked_at,
      answer: v.answer as 'approved' | 'changes_requested' | null,
      answerNote: v.answer_note,
      answeredBy: ref(names, v.answered_by),
      answeredAt: v.answered_at,
    })),
    indicatorValues: values.map((v) => ({
      id: v.id,
      value: v.value,
      note: v.note,
      beyondLimit: fromFlag(v.beyond_limit),
      recordedBy: ref(names, v.recorded_by)!,
      recordedAt: v.recorded_at,
    })),
    bravos: bravos.map((b) => ({
      id: b.id,
      from: ref(names, b.from_id)!,
      to: ref(names, b.to_id)!,
      message: b.message,
      createdAt: b.created_at,
      card: { id: card.id, outcome: card.outcome },
    })),
    assigneeDomainLevel: level ? level.level : null,
    createdAt: card.created_at,
    myRole: isDelegator ? 'delegator' : isAssignee ? 'assignee' : 'viewer',
    permissions: {
      edit: isDelegator && open,
      respond: (isDelegator || isAssignee) && status !== 'declined',
      act: isAssignee && (status === 'accepted' || status === 'in_progress'),
      answer: isDelegator && open,
      debrief: (isDelegator || isAssignee) && status === 'done' && card.debriefed_at === null,
      raiseLevel: mayRaise && can(actor, 'autonomy.setLevel', assigneeSubject),
      bravo: isDelegator && status === 'done',
    },
  };
}

/** Opening a card: from the stored rows when this process has them. */
export async function getCard(db: Db, actor: Actor, id: string) {
  const rows = await cardRows(db, id);
  if (!rows) throw notFound();
  const { subject } = await cardAndSubject(db, rows.card, actor);
  authorize(actor, 'delegation.read', subject);
  return presentCard(db, actor, subject, rows);
}

export async function listCards(db: Db, actor: Actor, query: z.infer<typeof cardListQuery>) {
  const today = todayIso();
  let q = repo.cardSummaryQuery(db, today).where('c.org_id', '=', actor.orgId);
  if (query.view === 'person') {
    if (!query.personId) throw invalid('personId', 'required');
    const loaded = await loadPersonSubject(db, query.personId);
    if (!loaded) throw notFound();
    authorize(actor, 'autonomy.read', loaded.subject);
    q = q.where('c.assignee_id', '=', query.personId);
  } else if (query.view === 'assigned') q = q.where('c.assignee_id', '=', actor.personId);
  else if (query.view === 'delegated') q = q.where('c.delegator_id', '=', actor.personId);
  else
    q = q.where((eb) =>
      eb.or([eb('c.assignee_id', '=', actor.personId), eb('c.delegator_id', '=', actor.personId)]),
    );
  if (query.status === 'open') q = q.where('c.status', 'in', repo.OPEN_STATUSES);
  else if (query.status === 'closed') q = q.where('c.status', 'in', ['done', 'declined']);
  else if (query.status) q = q.where('c.status', '=', query.status);
  const [rows, total] = await Promise.all([
    q.orderBy('c.due_on', 'desc').orderBy('c.id').limit(query.limit).offset(query.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => presentSummary(r, today)),
    total: Number(total.n),
    limit: query.limit,
    offset: query.offset,
  };
}

// ── Creating and editing ───────────────────────────────────────────────────────────────────────

interface AlertInput {
  alertMetric?: string | null;
  alertDirection?: 'above' | 'below' | null;
  alertLimit?: number | null;
}

function checkAlert(a: AlertInput) {
  const metric = a.alertMetric?.trim() || null;
  if (metric && a.alertLimit == null) throw invalid('alertLimit', 'limit_required');
  if (metric && !a.alertDirection) throw invalid('alertDirection', 'required');
  if (!metric && a.alertLimit != null) throw invalid('alertMetric', 'required');
}

async function checkDomain(db: Db, orgId: string, domainId: string | null | undefined) {
  if (!domainId) return;
  const d = await db
    .selectFrom('dl_domain')
    .select(['org_id', 'archived'])
    .where('id', '=', domainId)
    .executeTakeFirst();
  if (!d || d.org_id !== orgId || fromFlag(d.archived)) throw invalid('domainId', 'domain_unknown');
}

/** Who must be told first: the delegator or someone in the assignee's manager chain. */
function checkNotify(notifyId: string | null | undefined, delegatorId: string, assigneeChain: string[]) {
  if (!notifyId || notifyId === delegatorId) return;
  if (!assigneeChain.includes(notifyId)) throw invalid('alertNotifyId', 'not_in_chain');
}

export async function createCard(deps: DelegationDeps, actor: Actor, body: z.infer<typeof createCardBody>) {
  const { db } = deps;
  authorize(actor, 'delegation.create', { orgId: actor.orgId });
  const today = todayIso();
  const assignee = await db
    .selectFrom('person')
    .select(['id', 'org_id', 'status'])
    .where('id', '=', body.assigneeId)
    .executeTakeFirst();
  if (!assignee || assignee.org_id !== actor.orgId || assignee.status === 'inactive')
    throw invalid('assigneeId', 'not_in_team');
  const chain = await findManagerChain(db, assignee.id);
  // One delegates down one's own reporting line, never sideways or up.
  if (!chain.includes(actor.personId)) throw invalid('assigneeId', 'not_in_team');
  if (body.dueOn < today) throw invalid('dueOn', 'before_today');
  body.checkpoints.forEach((d, i) => {
    if (d < today) throw invalid(`checkpoints.${i}`, 'before_today');
    if (d > body.dueOn) throw invalid(`checkpoints.${i}`, 'after_due');
  });
  checkAlert(body);
  checkNotify(body.alertNotifyId, actor.personId, chain);
  await checkDomain(db, actor.orgId, body.domainId);
  const id = crypto.randomUUID();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dl_card')
      .values({
        id,
        org_id: actor.orgId,
        delegator_id: actor.personId,
        assignee_id: assignee.id,
        domain_id: body.domainId,
        outcome: body.outcome,
        due_on: body.dueOn,
        risks: body.risks,
        support: body.support,
        success_indicators: body.successIndicators,
        result_format: body.resultFormat,
        level: body.level,
        alert_condition: body.alertCondition,
        alert_metric: body.alertMetric?.trim() || null,
        alert_direction: body.alertMetric?.trim() ? body.alertDirection : null,
        alert_limit: body.alertMetric?.trim() ? body.alertLimit : null,
        alert_notify_id: body.alertNotifyId,
        alert_raised_at: null,
        alert_raised_value: null,
        alert_raised_by_condition: 0,
        status: 'proposed',
        decline_reason: null,
        accepted_at: null,
        started_at: null,
        done_at: null,
        result_note: '',
        debrief_learned: null,
        debrief_differently: null,
        debrief_validation_asked: null,
        debrief_validation_why: null,
        debriefed_at: null,
        validation_requests: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const dates = [...new Set(body.checkpoints)].sort();
    if (dates.length > 0)
      await trx
        .insertInto('dl_checkpoint')
        .values(
          dates.map((d) => ({
            id: crypto.randomUUID(),
            org_id: actor.orgId,
            card_id: id,
            due_on: d,
            status: null,
            note: '',
            posted_at: null,
            posted_by: null,
          })),
        )
        .execute();
    await notify(trx, [notice(actor, assignee.id, 'delegation.proposed', id, body.outcome)]);
  });
  return id;
}

function notice(actor: Actor, to: string, kind: string, cardId: string, outcome: string, extra = {}): Notice {
  return {
    orgId: actor.orgId,
    personId: to,
    kind,
    params: { name: '', outcome, ...extra },
    link: cardLink(cardId),
  };
}

/** Fills the actor's name into notices (one small lookup, only when something is sent). */
async function send(db: Db, actor: Actor, notices: Notice[]) {
  if (notices.length === 0) return;
  const me = await db
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('id', '=', actor.personId)
    .executeTakeFirst();
  const name = me ? fullName(me) : '';
  await notify(
    db,
    notices.map((n) => ({ ...n, params: { ...n.params, name } })),
  );
}

export async function updateCard(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateCardBody>,
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.manage', subject);
  if (!(repo.OPEN_STATUSES as readonly string[]).includes(card.status)) throw conflict('card_closed');
  const today = todayIso();
  if (body.dueOn !== undefined && body.dueOn !== card.due_on) {
    if (body.dueOn < today) throw invalid('dueOn', 'before_today');
    const late = await db
      .selectFrom('dl_checkpoint')
      .select('id')
      .where('card_id', '=', id)
      .where('due_on', '>', body.dueOn)
      .executeTakeFirst();
    if (late) throw invalid('dueOn', 'before_checkpoint');
  }
  const merged: AlertInput = {
    alertMetric: body.alertMetric !== undefined ? body.alertMetric : card.alert_metric,
    alertDirection:
      body.alertDirection !== undefined
        ? body.alertDirection
        : (card.alert_direction as 'above' | 'below' | null),
    alertLimit: body.alertLimit !== undefined ? body.alertLimit : card.alert_limit,
  };
  checkAlert(merged);
  if (body.alertNotifyId !== undefined)
    checkNotify(body.alertNotifyId, card.delegator_id, await findManagerChain(db, card.assignee_id));
  if (body.domainId !== undefined) await checkDomain(db, actor.orgId, body.domainId);
  const metric = merged.alertMetric?.trim() || null;
  await db
    .updateTable('dl_card')
    .set({
      ...(body.outcome !== undefined && { outcome: body.outcome }),
      ...(body.dueOn !== undefined && { due_on: body.dueOn }),
      ...(body.domainId !== undefined && { domain_id: body.domainId }),
      ...(body.level !== undefined && { level: body.level }),
      ...(body.risks !== undefined && { risks: body.risks }),
      ...(body.support !== undefined && { support: body.support }),
      ...(body.successIndicators !== undefined && { success_indicators: body.successIndicators }),
      ...(body.resultFormat !== undefined && { result_format: body.resultFormat }),
      ...(body.alertCondition !== undefined && { alert_condition: body.alertCondition }),
      ...(body.alertNotifyId !== undefined && { alert_notify_id: body.alertNotifyId }),
      alert_metric: metric,
      alert_direction: metric ? merged.alertDirection : null,
      alert_limit: metric ? merged.alertLimit : null,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  return cardDetail(db, actor, id, subject);
}

// ── The flow ───────────────────────────────────────────────────────────────────────────────────

/** Refuses (409) an action the card's current stage does not allow. */
function requireStatus(card: repo.CardRow, allowed: readonly string[]) {
  if (!allowed.includes(card.status)) throw conflict('card_wrong_status', undefined, { status: card.status });
}
/** Checkpoints, indicator values, validation requests: only while the work is accepted or under way. */
const requireWorking = (card: repo.CardRow) => requireStatus(card, ['accepted', 'in_progress']);

/** Moves a card from one of `from` to `to`; a concurrent change makes the conditional update a no-op → 409. */
async function transition(
  db: Db,
  card: repo.CardRow,
  from: readonly string[],
  to: CardStatus,
  extra: Partial<repo.CardRow> = {},
) {
  requireStatus(card, from);
  const r = await db
    .updateTable('dl_card')
    .set({ status: to, updated_at: nowIso(), ...extra })
    .where('id', '=', card.id)
    .where('status', '=', card.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('card_wrong_status', undefined, { status: card.status });
}

export async function acceptCard(deps: DelegationDeps, actor: Actor, id: string) {
  const { card, subject } = await loadCard(deps.db, id, actor);
  authorize(actor, 'delegation.act', subject);
  await transition(deps.db, card, ['proposed'], 'accepted', { accepted_at: nowIso() });
  await send(deps.db, actor, [notice(actor, card.delegator_id, 'delegation.accepted', id, card.outcome)]);
  return cardDetail(deps.db, actor, id, subject);
}

export async function declineCard(deps: DelegationDeps, actor: Actor, id: string, reason: string) {
  const { card, subject } = await loadCard(deps.db, id, actor);
  authorize(actor, 'delegation.act', subject);
  await transition(deps.db, card, ['proposed'], 'declined', { decline_reason: reason });
  await send(deps.db, actor, [notice(actor, card.delegator_id, 'delegation.declined', id, card.outcome)]);
  return cardDetail(deps.db, actor, id, subject);
}

export async function startCard(deps: DelegationDeps, actor: Actor, id: string) {
  const { card, subject } = await loadCard(deps.db, id, actor);
  authorize(actor, 'delegation.act', subject);
  await transition(deps.db, card, ['accepted'], 'in_progress', { started_at: nowIso() });
  await send(deps.db, actor, [notice(actor, card.delegator_id, 'delegation.started', id, card.outcome)]);
  return cardDetail(deps.db, actor, id, subject);
}

export async function completeCard(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof completeBody>,
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.act', subject);
  const now = nowIso();
  await transition(db, card, ['accepted', 'in_progress'], 'done', {
    done_at: now,
    started_at: card.started_at ?? now,
    result_note: body.resultNote,
  });
  // What the autonomy indicator counts: a delegation concluded, with or without a validation request.
  const fresh = await repo.findCard(db, id);
  await db
    .insertInto('dl_concluded')
    .values({
      org_id: card.org_id,
      person_id: card.assignee_id,
      source: 'card',
      source_id: id,
      concluded_at: now,
      without_validation: toFlag((fresh?.validation_requests ?? 0) === 0),
    })
    .onConflict((oc) => oc.columns(['source', 'source_id']).doNothing())
    .execute();
  autonomyChanged(card.org_id);
  await send(db, actor, [notice(actor, card.delegator_id, 'delegation.done', id, card.outcome)]);
  return cardDetail(db, actor, id, subject);
}

export async function debriefCard(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof debriefBody>,
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.discuss', subject);
  requireStatus(card, ['done']);
  const now = nowIso();
  const r = await db
    .updateTable('dl_card')
    .set({
      debrief_learned: body.learned,
      debrief_differently: body.differently,
      debrief_validation_asked: toFlag(body.validationAsked),
      debrief_validation_why: body.validationWhy,
      debriefed_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('debriefed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('already_debriefed');
  const title = card.outcome;
  const text = [body.learned, body.differently, body.validationWhy].filter(Boolean).join('\n\n');
  await db
    .insertInto('dl_learning')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      author_id: actor.personId,
      team_lead_id: card.delegator_id,
      card_id: id,
      domain_id: card.domain_id,
      kind: 'debrief',
      title,
      body: text,
      private: toFlag(!body.shareInLearningLog),
      search_text: foldForSearch(`${title} ${text}`),
      created_at: now,
    })
    .execute();
  const other = actor.personId === card.delegator_id ? card.assignee_id : card.delegator_id;
  await send(db, actor, [notice(actor, other, 'delegation.debriefed', id, card.outcome)]);
  return cardDetail(db, actor, id, subject);
}

// ── Conversation, checkpoints, alert, validations, bravo ───────────────────────────────────────

export async function postMessage(deps: DelegationDeps, actor: Actor, id: string, body: string) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.discuss', subject);
  if (card.status === 'declined') throw conflict('card_closed');
  const isAssignee = actor.personId === card.assignee_id;
  const kind = isAssignee ? 'question' : 'answer';
  await db
    .insertInto('dl_message')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      card_id: id,
      author_id: actor.personId,
      kind,
      body,
      created_at: nowIso(),
    })
    .execute();
  const to = isAssignee ? card.delegator_id : card.assignee_id;
  await send(db, actor, [notice(actor, to, `delegation.${kind}`, id, card.outcome)]);
  return cardDetail(db, actor, id, subject);
}

export async function addCheckpoint(deps: DelegationDeps, actor: Actor, id: string, dueOn: string) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.manage', subject);
  if (!(repo.OPEN_STATUSES as readonly string[]).includes(card.status)) throw conflict('card_closed');
  if (dueOn < todayIso()) throw invalid('dueOn', 'before_today');
  if (dueOn > card.due_on) throw invalid('dueOn', 'after_due');
  await db
    .insertInto('dl_checkpoint')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      card_id: id,
      due_on: dueOn,
      status: null,
      note: '',
      posted_at: null,
      posted_by: null,
    })
    .execute();
  return cardDetail(db, actor, id, subject);
}

/**
 * The assignee's status on a checkpoint (posting again overwrites it); a first status starts the work. The
 * answer is the card as it now is: the checkpoint is applied to the card's stored rows rather than all of them
 * read again (the card's own row is read afresh above, so stored rows older than it are dropped first).
 */
export async function checkpointStatusDetail(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  checkpointId: string,
  body: { status: 'on_track' | 'at_risk' | 'off_track'; note: string },
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.act', subject);
  requireWorking(card);
  const now = nowIso();
  // Saved (committed with the turn's other writes, db/group-commit.ts) before the stored rows are touched.
  const r = await db
    .updateTable('dl_checkpoint')
    .set({ status: body.status, note: body.note, posted_at: now, posted_by: actor.personId })
    .where('id', '=', checkpointId)
    .where('card_id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw notFound();
  // Under the card's lock, the stored rows take the checkpoint as the database has it now: whatever order
  // concurrent statuses reach this point in, the last one applied was read after every status written before
  // it. The rows read when none are stored are kept: a status landing meanwhile patches them afterwards.
  const rows = await withCardLock(id, async () => {
    if (card.status === 'accepted') {
      await db
        .updateTable('dl_card')
        .set({ status: 'in_progress', started_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'accepted')
        .execute();
      cardChanged(id);
      return cardRows(db, id);
    }
    const saved = await repo.findCheckpoint(db, checkpointId);
    patchCard(id, (rows) => {
      const at = rows.parts.checkpoints.findIndex((k) => k.id === checkpointId);
      const known = !saved?.posted_by || rows.names.has(saved.posted_by);
      if (!saved || at < 0 || rows.card.updated_at !== card.updated_at || !known) return null;
      const checkpoints = [...rows.parts.checkpoints];
      checkpoints[at] = saved;
      return { ...rows, parts: { ...rows.parts, checkpoints } };
    });
    return cardRows(db, id);
  });
  if (!rows) throw notFound();
  return presentCard(db, actor, subject, rows);
}

/**
 * Raises the alert once: the conditional update lets exactly one request (on any instance) flip
 * `alert_raised_at`, and only that one notifies the named person, in the app and by e-mail.
 */
async function raiseAlert(
  deps: DelegationDeps,
  actor: Actor,
  card: repo.CardRow,
  value: number | null,
  byCondition: boolean,
) {
  const now = nowIso();
  const r = await deps.db
    .updateTable('dl_card')
    .set({
      alert_raised_at: now,
      alert_raised_value: value,
      alert_raised_by_condition: toFlag(byCondition),
      updated_at: now,
    })
    .where('id', '=', card.id)
    .where('alert_raised_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return;
  const me = await deps.db
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('id', '=', actor.personId)
    .executeTakeFirst();
  await notifyByMail(deps.db, deps.mailer, deps.publicUrl, {
    orgId: card.org_id,
    personId: card.alert_notify_id ?? card.delegator_id,
    kind: 'delegation.alert',
    params: {
      name: me ? fullName(me) : '',
      outcome: card.outcome,
      condition: card.alert_condition,
      metric: card.alert_metric ?? '',
      value: value ?? '',
      limit: card.alert_limit ?? '',
    },
    link: cardLink(card.id),
  });
}

export async function recordIndicator(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  body: { value: number; note: string },
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.act', subject);
  requireWorking(card);
  if (!card.alert_metric || card.alert_limit === null) throw conflict('no_indicator');
  const beyond =
    card.alert_direction === 'below' ? body.value < card.alert_limit : body.value > card.alert_limit;
  await db
    .insertInto('dl_indicator_value')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      card_id: id,
      value: body.value,
      note: body.note,
      beyond_limit: toFlag(beyond),
      recorded_by: actor.personId,
      recorded_at: nowIso(),
    })
    .execute();
  if (beyond) await raiseAlert(deps, actor, card, body.value, false);
  return cardDetail(db, actor, id, subject);
}

export async function conditionMet(deps: DelegationDeps, actor: Actor, id: string, note: string) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.act', subject);
  requireWorking(card);
  await db
    .insertInto('dl_message')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      card_id: id,
      author_id: actor.personId,
      kind: 'note',
      body: note,
      created_at: nowIso(),
    })
    .execute();
  await raiseAlert(deps, actor, card, null, true);
  return cardDetail(db, actor, id, subject);
}

export async function requestValidation(deps: DelegationDeps, actor: Actor, id: string, step: string) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.act', subject);
  requireWorking(card);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dl_validation')
      .values({
        id: crypto.randomUUID(),
        org_id: card.org_id,
        card_id: id,
        step,
        asked_by: actor.personId,
        asked_at: now,
        answer: null,
        answer_note: '',
        answered_by: null,
        answered_at: null,
      })
      .execute();
    await trx
      .updateTable('dl_card')
      .set((eb) => ({ validation_requests: eb('validation_requests', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  });
  await send(db, actor, [
    notice(actor, card.delegator_id, 'delegation.validationRequested', id, card.outcome, { step }),
  ]);
  return cardDetail(db, actor, id, subject);
}

export async function answerValidation(
  deps: DelegationDeps,
  actor: Actor,
  id: string,
  validationId: string,
  body: z.infer<typeof validationAnswerBody>,
) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.manage', subject);
  const v = await db
    .selectFrom('dl_validation')
    .select(['id', 'answer'])
    .where('id', '=', validationId)
    .where('card_id', '=', id)
    .executeTakeFirst();
  if (!v) throw notFound();
  const r = await db
    .updateTable('dl_validation')
    .set({ answer: body.answer, answer_note: body.note, answered_by: actor.personId, answered_at: nowIso() })
    .where('id', '=', validationId)
    .where('answer', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('already_answered');
  await send(db, actor, [
    notice(actor, card.assignee_id, 'delegation.validationAnswered', id, card.outcome, {
      answer: body.answer,
    }),
  ]);
  return cardDetail(db, actor, id, subject);
}

export async function giveBravo(deps: DelegationDeps, actor: Actor, id: string, message: string) {
  const { db } = deps;
  const { card, subject } = await loadCard(db, id, actor);
  authorize(actor, 'delegation.manage', subject);
  requireStatus(card, ['done']);
  const assignee = await db
    .selectFrom('person')
    .select('manager_id')
    .where('id', '=', card.assignee_id)
    .executeTakeFirst();
  await db
    .insertInto('dl_bravo')
    .values({
      id: crypto.randomUUID(),
      org_id: card.org_id,
      card_id: id,
      from_id: actor.personId,
      to_id: card.assignee_id,
      team_lead_id: assignee?.manager_id ?? card.delegator_id,
      message,
      created_at: nowIso(),
    })
    .execute();
  await send(db, actor, [notice(actor, card.assignee_id, 'delegation.bravo', id, card.outcome)]);
  return cardDetail(db, actor, id, subject);
}
