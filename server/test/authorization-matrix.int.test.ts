import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, makePerson, type TestPerson } from './factories.ts';
import { OKR_TIME_ZONE, addDays, todayIn, weekdayOf } from '../src/features/okr/period.ts';

/**
 * Every registered route, every kind of actor, the exact expected status.
 * A new route that is not listed here (or in `publicRoutes`) makes this test fail: add its row.
 */
type ActorKind =
  'anonymous' | 'outsider' | 'colleague' | 'directReport' | 'manager' | 'grandManager' | 'admin' | 'self';
const ACTORS: ActorKind[] = [
  'anonymous',
  'outsider',
  'colleague',
  'directReport',
  'manager',
  'grandManager',
  'admin',
  'self',
];

/** One-to-ones between `manager` (as manager) and `subject` (as report), built in beforeAll. */
interface OneOnOneCast {
  seriesId: string;
  /** Planned meeting for the content routes. */
  meetingId: string;
  /** Meeting that is started, stepped and timed. */
  runningId: string;
  /** Closed (held) meeting, for the rating. */
  heldId: string;
  topicId: string;
  actionId: string;
  /** Fresh meetings or topics per participant, for writes that can happen only once. */
  once: Record<'cancel' | 'close' | 'deleteTopic', Partial<Record<ActorKind, string>>>;
}
type Cast = Awaited<ReturnType<typeof makeCast>> & { invited: TestPerson; oo: OneOnOneCast };
interface Row {
  request: (cast: Cast, actor: ActorKind) => { url: string; payload?: unknown };
  expect: Record<ActorKind, number>;
  /** An endless response (Server-Sent Events): only its status and headers are awaited. */
  stream?: boolean;
}

const all = (
  status: number,
  overrides: Partial<Record<ActorKind, number>> = {},
): Record<ActorKind, number> => ({
  anonymous: 401,
  outsider: status,
  colleague: status,
  directReport: status,
  manager: status,
  grandManager: status,
  admin: status,
  self: status,
  ...overrides,
});

/** Content of a one-to-one: the two participants only, 404 for everyone else. */
const pair = (status: number) => all(404, { manager: status, self: status });
const cadenceReaders = all(404, { self: 200, manager: 200, grandManager: 200, admin: 200 });
const once = (c: Cast, what: keyof OneOnOneCast['once'], actor: ActorKind) =>
  c.oo.once[what][actor] ?? (what === 'deleteTopic' ? c.oo.topicId : c.oo.meetingId);
const futureIso = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/** OKR light: the team (subject leads, direct report belongs), its chain and admin read; others get 404. */
interface OkrCast {
  objectiveId: string;
  /** An objective without key results, for the "add a key result" row. */
  emptyObjectiveId: string;
  keyResultId: string;
  /** A key result only the delete row removes. */
  spareKeyResultId: string;
  /** The current review week of `objectiveId`. */
  week: string;
}
const okrCasts = new Map<string, OkrCast>();
const okrOf = (c: { orgId: string }) => okrCasts.get(c.orgId)!;
const okrReaders = (status: number) =>
  all(404, { self: status, directReport: status, manager: status, grandManager: status, admin: status });
const okrWriters = (status: number) => all(403, { outsider: 404, colleague: 404, self: status });
let okrPeriods = 0;
const okrFuturePeriod = () => new Date(Date.UTC(2040 + okrPeriods++, 0, 1)).toISOString().slice(0, 10);

/** Delegation: `manager` delegates to `subject` (chain: manager, grandManager). */
interface DelegationCast {
  managerDomainId: string;
  subjectDomainId: string;
  /** In progress, with a checkpoint, an indicator (limit 10, above) and an open validation request. */
  cardId: string;
  checkpointId: string;
  validationId: string;
  proposedId: string;
  declinableId: string;
  acceptedId: string;
  completableId: string;
  doneId: string;
  /** A done card per person who may debrief (a debrief happens once). */
  debrief: Partial<Record<ActorKind, string>>;
  sampleId: string;
  sampleCardId: string;
  handoverId: string;
}
const dlCasts = new Map<string, DelegationCast>();
const dlOf = (c: { orgId: string }) => dlCasts.get(c.orgId)!;
const dlDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const cardReaders = (status: number) =>
  all(404, { manager: status, self: status, grandManager: status, admin: status });
const cardManager = (status: number) =>
  all(404, { manager: status, self: 403, grandManager: 403, admin: 403 });
const cardAssignee = (status: number) =>
  all(404, { self: status, manager: 403, grandManager: 403, admin: 403 });
const cardPair = (status: number) =>
  all(404, { manager: status, self: status, grandManager: 403, admin: 403 });
/** The subject's team: the subject leads it, the direct report belongs; the chain and admin read it. */
const teamReaders = (status: number) =>
  all(404, { self: status, directReport: status, manager: status, grandManager: status, admin: status });
const teamLead = (status: number) => all(403, { outsider: 404, colleague: 404, self: status, admin: status });

let n = 0;
const matrix: Record<string, Row> = {
  'GET /api/me': { request: () => ({ url: '/api/me' }), expect: all(200) },
  'GET /api/organisation': { request: () => ({ url: '/api/organisation' }), expect: all(200) },
  'PATCH /api/organisation': {
    request: () => ({ url: '/api/organisation', payload: { kThreshold: 5 } }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/people': { request: () => ({ url: '/api/people' }), expect: all(200) },
  'GET /api/people/org-chart': { request: () => ({ url: '/api/people/org-chart' }), expect: all(200) },
  'POST /api/people': {
    request: () => ({
      url: '/api/people',
      payload: {
        firstName: 'Nina',
        lastName: 'Nouvelle',
        email: `nina${n++}-${Date.now()}@example.com`,
        sendInvitation: false,
      },
    }),
    expect: all(403, { admin: 201 }),
  },
  'POST /api/people/import': {
    request: () => ({
      url: '/api/people/import',
      payload: { csv: 'first name,last name,email\nA,B,ab@example.com\n', confirm: false },
    }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/people/:id': {
    request: (c) => ({ url: `/api/people/${c.subject.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  'PATCH /api/people/:id': {
    request: (c) => ({ url: `/api/people/${c.subject.id}`, payload: { jobTitle: 'Responsable de secteur' } }),
    expect: all(403, { outsider: 404, self: 200, admin: 200 }),
  },
  'GET /api/people/:id/team': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/team?scope=subtree` }),
    expect: all(404, { self: 200, manager: 200, grandManager: 200, admin: 200 }),
  },
  'POST /api/people/:id/invitation': {
    request: (c) => ({ url: `/api/people/${c.invited.id}/invitation`, payload: {} }),
    expect: all(403, { outsider: 404, admin: 200 }),
  },
  'GET /api/people/:id/export': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/export` }),
    expect: all(404, { self: 200 }),
  },
  'GET /api/outbox': { request: () => ({ url: '/api/outbox' }), expect: all(403, { admin: 200 }) },
  'GET /api/audit': { request: () => ({ url: '/api/audit' }), expect: all(403, { admin: 200 }) },
  'GET /api/one-on-ones/series': { request: () => ({ url: '/api/one-on-ones/series' }), expect: all(200) },
  'POST /api/one-on-ones/series': {
    // Only a manager and their direct report form a pair: the subject's manager and the subject's report.
    // The manager passes the check but already has the fixture's active series with the subject: one per pair.
    request: (c) => ({
      url: '/api/one-on-ones/series',
      payload: { withPersonId: c.subject.id, firstAt: futureIso() },
    }),
    expect: all(400, { manager: 409, directReport: 201 }),
  },
  'GET /api/one-on-ones/series/:id': {
    request: (c) => ({ url: `/api/one-on-ones/series/${c.oo.seriesId}` }),
    expect: pair(200),
  },
  'PATCH /api/one-on-ones/series/:id': {
    request: (c) => ({
      url: `/api/one-on-ones/series/${c.oo.seriesId}`,
      payload: { location: 'Salle Vercors' },
    }),
    expect: pair(200),
  },
  'GET /api/one-on-ones/meetings/:id': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.meetingId}` }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/topics': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/topics`,
      payload: { title: 'Salon de Lyon' },
    }),
    expect: pair(201),
  },
  'PATCH /api/one-on-ones/topics/:id': {
    request: (c) => ({ url: `/api/one-on-ones/topics/${c.oo.topicId}`, payload: { done: true } }),
    expect: pair(200),
  },
  'DELETE /api/one-on-ones/topics/:id': {
    request: (c, a) => ({ url: `/api/one-on-ones/topics/${once(c, 'deleteTopic', a)}` }),
    expect: pair(204),
  },
  'PUT /api/one-on-ones/meetings/:id/notes/:step': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/notes/1`,
      payload: { body: 'Bonne semaine' },
    }),
    expect: pair(200),
  },
  'PUT /api/one-on-ones/meetings/:id/private-note': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/private-note`,
      payload: { body: 'À suivre' },
    }),
    expect: pair(200),
  },
  'PUT /api/one-on-ones/meetings/:id/mood': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/mood`,
      payload: { personal: 4, professional: 3 },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/actions': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/actions`,
      payload: { title: 'Relancer le client', ownerId: c.subject.id },
    }),
    expect: pair(201),
  },
  'PATCH /api/one-on-ones/actions/:id': {
    request: (c) => ({ url: `/api/one-on-ones/actions/${c.oo.actionId}`, payload: { dueOn: '2030-01-15' } }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/move': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.meetingId}/move`,
      payload: { scheduledAt: futureIso(), reason: 'Séminaire' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/cancel': {
    request: (c, a) => ({
      url: `/api/one-on-ones/meetings/${once(c, 'cancel', a)}/cancel`,
      payload: { reason: 'Congés' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/start': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.runningId}/start`, payload: {} }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/steps': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.runningId}/steps`,
      payload: { step: 1, event: 'enter' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/talk': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.runningId}/talk`,
      payload: { speaker: 'report' },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/close': {
    request: (c, a) => ({
      url: `/api/one-on-ones/meetings/${once(c, 'close', a)}/close`,
      payload: { confirmWithoutNextStep: true },
    }),
    expect: pair(200),
  },
  'POST /api/one-on-ones/meetings/:id/rating': {
    request: (c) => ({
      url: `/api/one-on-ones/meetings/${c.oo.heldId}/rating`,
      payload: { structured: 4, useful: 5, couldSpeak: 4 },
    }),
    // Only the report rates; the manager sees the meeting but may not rate it.
    expect: all(404, { manager: 403, self: 201 }),
  },
  'GET /api/one-on-ones/ratings/summary': {
    request: () => ({ url: '/api/one-on-ones/ratings/summary' }),
    expect: all(200),
  },
  'GET /api/one-on-ones/cadence': {
    request: (c) => ({ url: `/api/one-on-ones/cadence?managerId=${c.subject.id}` }),
    expect: cadenceReaders,
  },
  'GET /api/one-on-ones/meetings/:id/events': {
    request: (c) => ({ url: `/api/one-on-ones/meetings/${c.oo.meetingId}/events` }),
    expect: pair(200),
    stream: true,
  },
  'POST /api/me/calendar-feed': { request: () => ({ url: '/api/me/calendar-feed' }), expect: all(200) },
  'DELETE /api/me/calendar-feed': { request: () => ({ url: '/api/me/calendar-feed' }), expect: all(200) },
  'GET /api/people/:id/one-on-one-cadence': {
    request: (c) => ({ url: `/api/people/${c.subject.id}/one-on-one-cadence` }),
    expect: cadenceReaders,
  },
  // ── OKR light (Cap): the subject leads the team (subject + direct report); chain and admin read ──
  // The organisation's jargon list: every member reads it (their clarity check uses it), the admin edits it.
  'GET /api/clarity/jargon': { request: () => ({ url: '/api/clarity/jargon' }), expect: all(200) },
  'PUT /api/clarity/jargon/:locale': {
    request: () => ({ url: '/api/clarity/jargon/fr', payload: { terms: null } }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/okr/overview': { request: () => ({ url: '/api/okr/overview' }), expect: all(200) },
  'GET /api/okr/settings': { request: () => ({ url: '/api/okr/settings' }), expect: all(200) },
  'PUT /api/okr/settings': {
    request: () => ({ url: '/api/okr/settings', payload: { periodKind: 'days90' } }),
    expect: all(403, { admin: 200 }),
  },
  'GET /api/okr/teams/:id': {
    request: (c) => ({ url: `/api/okr/teams/${c.subject.id}` }),
    expect: okrReaders(200),
  },
  'POST /api/okr/teams/:id/objectives': {
    // Each call takes a period of its own, far ahead, so that a success never meets the one-per-period rule.
    request: (c) => ({
      url: `/api/okr/teams/${c.subject.id}/objectives`,
      payload: { title: 'Chaque client livré sous 48 h', periodStart: okrFuturePeriod() },
    }),
    expect: okrWriters(201),
  },
  'GET /api/okr/objectives/:id': {
    request: (c) => ({ url: `/api/okr/objectives/${okrOf(c).objectiveId}` }),
    expect: okrReaders(200),
  },
  'PATCH /api/okr/objectives/:id': {
    request: (c) => ({
      url: `/api/okr/objectives/${okrOf(c).objectiveId}`,
      payload: { scope: 'Région Ouest' },
    }),
    expect: okrWriters(200),
  },
  'POST /api/okr/objectives/:id/key-results': {
    request: (c) => ({
      url: `/api/okr/objectives/${okrOf(c).emptyObjectiveId}/key-results`,
      payload: { metric: 'Livraisons à l’heure', unit: '%', start: 80, target: 95, ownerId: c.subject.id },
    }),
    expect: okrWriters(201),
  },
  'PATCH /api/okr/key-results/:id': {
    request: (c) => ({ url: `/api/okr/key-results/${okrOf(c).keyResultId}`, payload: { confidence: 7 } }),
    expect: okrWriters(200),
  },
  'DELETE /api/okr/key-results/:id': {
    request: (c) => ({ url: `/api/okr/key-results/${okrOf(c).spareKeyResultId}` }),
    expect: okrWriters(204),
  },
  'PUT /api/okr/objectives/:id/reviews/:weekStart': {
    request: (c) => ({
      url: `/api/okr/objectives/${okrOf(c).objectiveId}/reviews/${okrOf(c).week}`,
      payload: { entries: [{ keyResultId: okrOf(c).keyResultId, value: 85, confidence: 6 }] },
    }),
    // Any team member reviews; the chain and admin read only.
    expect: all(404, { self: 200, directReport: 200, manager: 403, grandManager: 403, admin: 403 }),
  },
  'GET /api/okr/objectives/:id/history.csv': {
    request: (c) => ({ url: `/api/okr/objectives/${okrOf(c).objectiveId}/history.csv` }),
    expect: okrReaders(200),
  },
  // ── Delegation & autonomy: the manager delegates to the subject; both chains and admin read ──
  'GET /api/delegation/cards': { request: () => ({ url: '/api/delegation/cards' }), expect: all(200) },
  'POST /api/delegation/cards': {
    request: (c) => ({
      url: '/api/delegation/cards',
      payload: {
        assigneeId: c.subject.id,
        outcome: 'Relance des devis en attente',
        dueOn: dlDate(20),
        level: 4,
      },
    }),
    // Only someone above the assignee delegates to them; everyone else is told the assignee is out of reach.
    expect: all(400, { manager: 201, grandManager: 201 }),
  },
  'GET /api/delegation/cards/:id': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).cardId}` }),
    expect: cardReaders(200),
  },
  'PATCH /api/delegation/cards/:id': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).cardId}`, payload: { risks: 'Client pressé' } }),
    expect: cardManager(200),
  },
  'POST /api/delegation/cards/:id/accept': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).proposedId}/accept` }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/decline': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).declinableId}/decline`,
      payload: { reason: 'Déjà trois dossiers urgents' },
    }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/start': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).acceptedId}/start` }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/complete': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).completableId}/complete`, payload: {} }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/debrief': {
    request: (c, a) => ({
      url: `/api/delegation/cards/${dlOf(c).debrief[a] ?? dlOf(c).doneId}/debrief`,
      payload: { learned: 'Appeler avant d’écrire', validationAsked: false },
    }),
    expect: cardPair(200),
  },
  'POST /api/delegation/cards/:id/messages': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/messages`,
      payload: { body: 'Quel budget ?' },
    }),
    expect: cardPair(200),
  },
  'POST /api/delegation/cards/:id/checkpoints': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/checkpoints`,
      payload: { dueOn: dlDate(3) },
    }),
    expect: cardManager(200),
  },
  'POST /api/delegation/cards/:id/checkpoints/:checkpointId/status': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/checkpoints/${dlOf(c).checkpointId}/status`,
      payload: { status: 'on_track', note: 'Deux devis relancés' },
    }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/indicator': {
    request: (c) => ({ url: `/api/delegation/cards/${dlOf(c).cardId}/indicator`, payload: { value: 3 } }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/condition-met': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/condition-met`,
      payload: { note: 'Le client menace de partir' },
    }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/validations': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/validations`,
      payload: { step: 'Remise de 8 % au client Ouest' },
    }),
    expect: cardAssignee(200),
  },
  'POST /api/delegation/cards/:id/validations/:validationId/answer': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).cardId}/validations/${dlOf(c).validationId}/answer`,
      payload: { answer: 'approved' },
    }),
    expect: cardManager(200),
  },
  'POST /api/delegation/cards/:id/bravo': {
    request: (c) => ({
      url: `/api/delegation/cards/${dlOf(c).doneId}/bravo`,
      payload: { message: 'Bravo !' },
    }),
    expect: cardManager(200),
  },
  'GET /api/delegation/suggestions': {
    request: () => ({ url: '/api/delegation/suggestions?text=relance' }),
    expect: all(200),
  },
  'GET /api/delegation/domains': {
    request: (c) => ({ url: `/api/delegation/domains?teamLeadId=${c.subject.id}` }),
    expect: teamReaders(200),
  },
  'POST /api/delegation/domains': {
    request: (c) => ({
      url: '/api/delegation/domains',
      payload: { teamLeadId: c.subject.id, name: `Tournées ${n++}` },
    }),
    expect: teamLead(201),
  },
  'PATCH /api/delegation/domains/:id': {
    request: (c) => ({
      url: `/api/delegation/domains/${dlOf(c).subjectDomainId}`,
      payload: { description: 'Ordre des visites' },
    }),
    expect: teamLead(200),
  },
  'PUT /api/delegation/teams/:id/settings': {
    request: (c) => ({
      url: `/api/delegation/teams/${c.subject.id}/settings`,
      payload: { sampleShare: 0.3 },
    }),
    expect: teamLead(200),
  },
  'GET /api/delegation/samples': {
    request: (c) => ({ url: `/api/delegation/samples?managerId=${c.subject.id}` }),
    expect: cadenceReaders,
  },
  'POST /api/delegation/samples/:id/items/:cardId/review': {
    request: (c) => ({
      url: `/api/delegation/samples/${dlOf(c).sampleId}/items/${dlOf(c).sampleCardId}/review`,
      payload: { note: 'Rien à redire' },
    }),
    expect: all(404, { self: 200, manager: 403, grandManager: 403, admin: 403 }),
  },
  'GET /api/delegation/handovers': {
    request: () => ({ url: '/api/delegation/handovers' }),
    expect: all(200),
  },
  'POST /api/delegation/handovers': {
    request: (c) => ({
      url: '/api/delegation/handovers',
      payload: { memberId: c.subject.id, account: 'Boulangeries Morvan' },
    }),
    expect: all(400, { manager: 201, grandManager: 201 }),
  },
  'GET /api/delegation/handovers/:id': {
    request: (c) => ({ url: `/api/delegation/handovers/${dlOf(c).handoverId}` }),
    expect: cardReaders(200),
  },
  'PATCH /api/delegation/handovers/:id/stages/:stage': {
    request: (c) => ({
      url: `/api/delegation/handovers/${dlOf(c).handoverId}/stages/1`,
      payload: { done: true, note: 'Dossier repris' },
    }),
    expect: cardPair(200),
  },
  'GET /api/delegation/learning': {
    request: (c) => ({ url: `/api/delegation/learning?teamLeadId=${c.subject.id}` }),
    expect: teamReaders(200),
  },
  'POST /api/delegation/learning': {
    request: (c) => ({
      url: '/api/delegation/learning',
      payload: { teamLeadId: c.subject.id, title: 'Prévenir avant de promettre un délai' },
    }),
    // One writes only in a team one belongs to.
    expect: all(400, { self: 201, directReport: 201 }),
  },
  'GET /api/autonomy/matrix': {
    request: (c) => ({ url: `/api/autonomy/matrix?managerId=${c.subject.id}` }),
    expect: cadenceReaders,
  },
  'GET /api/autonomy/people/:id': {
    request: (c) => ({ url: `/api/autonomy/people/${c.subject.id}` }),
    expect: cadenceReaders,
  },
  'PUT /api/autonomy/people/:id/levels/:domainId': {
    request: (c) => ({
      url: `/api/autonomy/people/${c.subject.id}/levels/${dlOf(c).managerDomainId}`,
      payload: { level: 5, reason: 'Trois relances menées seule' },
    }),
    expect: all(404, { manager: 200, grandManager: 200, self: 403, admin: 403 }),
  },
  'POST /api/autonomy/initiatives': {
    request: () => ({
      url: '/api/autonomy/initiatives',
      payload: { title: 'Nouveau script d’appel', validationAsked: false, concludedOn: dlDate(-1) },
    }),
    expect: all(201),
  },
  'GET /api/notifications': { request: () => ({ url: '/api/notifications' }), expect: all(200) },
  'POST /api/notifications/read': {
    request: () => ({ url: '/api/notifications/read', payload: {} }),
    expect: all(200),
  },
  // ── Clarté: the subject's pitches and offers, shared with the direct report, reviewed by the colleague ──
  'GET /api/clarity': { request: () => ({ url: '/api/clarity' }), expect: all(200) },
  'POST /api/clarity/pitches': {
    request: () => ({
      url: '/api/clarity/pitches',
      payload: { title: 'Devis en 24 h', body: 'Vos devis en 24 h.' },
    }),
    expect: all(201),
  },
  'GET /api/clarity/pitches/:id': {
    request: (c) => ({ url: `/api/clarity/pitches/${clOf(c).pitchId}` }),
    expect: clarityReaders(200),
  },
  'PATCH /api/clarity/pitches/:id': {
    request: (c) => ({ url: `/api/clarity/pitches/${clOf(c).pitchId}`, payload: { wordBudget: 60 } }),
    expect: clarityAuthor(200),
  },
  'DELETE /api/clarity/pitches/:id': {
    request: (c) => ({ url: `/api/clarity/pitches/${clOf(c).sparePitchId}` }),
    expect: clarityAuthor(204),
  },
  'POST /api/clarity/offers': {
    request: () => ({
      url: '/api/clarity/offers',
      payload: { title: 'Recouvrement', tiers: [{ name: 'Essentiel' }] },
    }),
    expect: all(201),
  },
  'GET /api/clarity/offers/:id': {
    request: (c) => ({ url: `/api/clarity/offers/${clOf(c).offerId}` }),
    expect: clarityReaders(200),
  },
  'PATCH /api/clarity/offers/:id': {
    request: (c) => ({
      url: `/api/clarity/offers/${clOf(c).offerId}`,
      payload: { title: 'Recouvrement serein' },
    }),
    expect: clarityAuthor(200),
  },
  'DELETE /api/clarity/offers/:id': {
    request: (c) => ({ url: `/api/clarity/offers/${clOf(c).spareOfferId}` }),
    expect: clarityAuthor(204),
  },
  'GET /api/clarity/reviews': {
    // Scoped in SQL: everyone gets a list, only the requester and the reviewer find anything in it.
    request: (c) => ({ url: `/api/clarity/reviews?itemType=pitch&itemId=${clOf(c).pitchId}` }),
    expect: all(200),
  },
  'POST /api/clarity/reviews': {
    request: (c) => ({
      url: '/api/clarity/reviews',
      payload: { itemType: 'pitch', itemId: clOf(c).askablePitchId, reviewerId: c.manager.id },
    }),
    expect: clarityAuthor(201),
  },
  'GET /api/clarity/reviews/:id': {
    request: (c) => ({ url: `/api/clarity/reviews/${clOf(c).reviewId}` }),
    expect: all(404, { self: 200, colleague: 200 }),
  },
  'DELETE /api/clarity/reviews/:id': {
    request: (c) => ({ url: `/api/clarity/reviews/${clOf(c).withdrawableId}` }),
    expect: all(404, { self: 204, colleague: 403 }),
  },
  'POST /api/clarity/reviews/:id/marks': {
    request: (c) => ({
      url: `/api/clarity/reviews/${clOf(c).reviewId}/marks`,
      payload: { excerpt: 'signés en ligne', comment: 'Comment ?' },
    }),
    expect: all(404, { colleague: 201, self: 403 }),
  },
  'DELETE /api/clarity/reviews/:id/marks/:markId': {
    request: (c) => ({ url: `/api/clarity/reviews/${clOf(c).reviewId}/marks/${clOf(c).markId}` }),
    expect: all(404, { colleague: 204, self: 403 }),
  },
  'POST /api/clarity/reviews/:id/answer': {
    request: (c) => ({ url: `/api/clarity/reviews/${clOf(c).reviewId}/answer` }),
    expect: all(404, { colleague: 200, self: 403 }),
  },
};

/** Routes anyone may call: they must declare the `public` policy and are tested in their own files. */
const publicRoutes = new Set([
  'GET /healthz',
  'GET /assets/*',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  'GET /api/auth/*',
  'POST /api/auth/*',
  'GET /api/calendar/:token.ics',
]);
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let ctx: TestContext;
  let cast: Cast;
  const cookies = new Map<ActorKind, string>();

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const base = await makeCast(ctx);
    const invited = await makePerson(ctx, base.orgId, { account: false, managerId: base.subject.id });
    cast = { ...base, invited, oo: await makeOneOnOnes(ctx, base) };
    const who: Record<Exclude<ActorKind, 'anonymous'>, TestPerson> = {
      outsider: cast.outsider,
      colleague: cast.colleague,
      directReport: cast.directReport,
      manager: cast.manager,
      grandManager: cast.grandManager,
      admin: cast.admin,
      self: cast.subject,
    };
    for (const [kind, person] of Object.entries(who))
      cookies.set(kind as ActorKind, await loginAs(ctx, person.email));
  });
  beforeAll(async () => {
    okrCasts.set(cast.orgId, await makeOkr(ctx, cast));
  });
  beforeAll(async () => {
    dlCasts.set(cast.orgId, await makeDelegation(ctx, cast));
  });
  beforeAll(async () => {
    clCasts.set(cast.orgId, await makeClarity(ctx, cast));
  });
  afterAll(() => ctx?.close());

  it('every route declares a policy, and every non-public route has a row in this matrix', () => {
    const routes = ctx.app.registeredRoutes.filter((r) => !isDocsRoute(r.url));
    const missingPolicy = routes
      .filter((r) => r.policy === undefined && r.url.startsWith('/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(missingPolicy).toEqual([]);
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    const unlisted = keys.filter((k) => !matrix[k] && !publicRoutes.has(k));
    expect(unlisted).toEqual([]);
    for (const r of routes.filter((x) => publicRoutes.has(`${x.method} ${x.url}`)))
      expect(r.policy).toBe('public');
    for (const r of routes.filter((x) => matrix[`${x.method} ${x.url}`])) expect(r.policy).not.toBe('public');
    const stale = Object.keys(matrix).filter((k) => !keys.includes(k));
    expect(stale).toEqual([]);
  });

  for (const [key, row] of Object.entries(matrix)) {
    for (const actor of ACTORS) {
      it(`${key} as ${actor} → ${row.expect[actor]}`, async () => {
        const [method] = key.split(' ') as [string, string];
        const { url, payload } = row.request(cast, actor);
        const headers: Record<string, string> = { origin: ORIGIN };
        const cookie = cookies.get(actor);
        if (cookie) headers.cookie = cookie;
        const res = await ctx.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(payload !== undefined ? { payload: payload as object } : {}),
          ...(row.stream ? { payloadAsStream: true } : {}),
        });
        if (row.stream) {
          expect(res.statusCode).toBe(row.expect[actor]);
          // An open stream ends when the app closes; a refusal is read like any other body.
          if (res.statusCode === 200) {
            res.stream().destroy();
            return;
          }
          const chunks: Buffer[] = [];
          for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks).toString('utf8');
          if (actor === 'outsider') expect(body).not.toContain(cast.orgId);
          return;
        }
        expect(res.statusCode, res.body).toBe(row.expect[actor]);
        // Nothing of the first organisation ever reaches someone from another organisation.
        if (actor === 'outsider') {
          expect(res.body).not.toContain(cast.orgId);
          expect(res.body).not.toContain(cast.subject.id);
          expect(res.body).not.toContain(cast.subject.email);
        }
      });
    }
  }
});

/** A weekly series between the cast's manager and subject, with meetings in each state the rows need. */
async function makeOneOnOnes(
  ctx: TestContext,
  cast: Awaited<ReturnType<typeof makeCast>>,
): Promise<OneOnOneCast> {
  const asManager = await loginAs(ctx, cast.manager.email);
  const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, cookie: asManager },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const series = await send('POST', '/api/one-on-ones/series', {
    withPersonId: cast.subject.id,
    firstAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const all = await send('GET', `/api/one-on-ones/series/${series.id}?limit=50&offset=0`);
  const ids: string[] = all.meetings.map((m: { id: string }) => m.id).reverse();
  const [meetingId, runningId, heldId, c1, c2, k1, k2] = ids as [string, ...string[]];
  await send('POST', `/api/one-on-ones/meetings/${heldId}/close`, { confirmWithoutNextStep: true });
  const topic = async () =>
    (await send('POST', `/api/one-on-ones/meetings/${meetingId}/topics`, { title: 'Objectifs du trimestre' }))
      .id;
  const action = await send('POST', `/api/one-on-ones/meetings/${meetingId}/actions`, {
    title: 'Préparer la revue',
    ownerId: cast.subject.id,
  });
  return {
    seriesId: series.id,
    meetingId,
    runningId: runningId!,
    heldId: heldId!,
    topicId: await topic(),
    actionId: action.id,
    once: {
      cancel: { manager: c1!, self: c2! },
      close: { manager: k1!, self: k2! },
      deleteTopic: { manager: await topic(), self: await topic() },
    },
  };
}

/** An objective of the subject's team with two key results, reviewed on today's weekday, and an empty one. */
async function makeOkr(ctx: TestContext, cast: Awaited<ReturnType<typeof makeCast>>): Promise<OkrCast> {
  const asSubject = await loginAs(ctx, cast.subject.email);
  const send = async (url: string, payload: object) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, cookie: asSubject },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const today = todayIn(OKR_TIME_ZONE);
  const team = `/api/okr/teams/${cast.subject.id}/objectives`;
  const objective = await send(team, {
    title: 'Chaque commande livrée sous 48 h',
    periodStart: addDays(today, -3),
    reviewWeekday: weekdayOf(today),
  });
  const kr = { unit: '%', start: 80, target: 95, ownerId: cast.directReport.id };
  await send(`/api/okr/objectives/${objective.id}/key-results`, { ...kr, metric: 'Livraisons à l’heure' });
  const full = await send(`/api/okr/objectives/${objective.id}/key-results`, {
    ...kr,
    metric: 'Colis complets',
  });
  const empty = await send(team, {
    title: 'Des clients qui recommandent l’agence',
    periodStart: '2039-01-01',
  });
  return {
    objectiveId: objective.id,
    emptyObjectiveId: empty.id,
    keyResultId: full.keyResults[0].id,
    spareKeyResultId: full.keyResults[1].id,
    week: today,
  };
}

/** Cards from the manager to the subject in every state the rows need, a review sample and a handover. */
async function makeDelegation(
  ctx: TestContext,
  cast: Awaited<ReturnType<typeof makeCast>>,
): Promise<DelegationCast> {
  const cookieOf = {
    manager: await loginAs(ctx, cast.manager.email),
    subject: await loginAs(ctx, cast.subject.email),
    report: await loginAs(ctx, cast.directReport.email),
  };
  const send = async (who: keyof typeof cookieOf, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, cookie: cookieOf[who] },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const managerDomain = await send('manager', 'POST', '/api/delegation/domains', {
    name: 'Relances clients',
  });
  const subjectDomain = await send('subject', 'POST', '/api/delegation/domains', {
    name: 'Planning des tournées',
  });
  const card = (outcome: string, extra: object = {}) =>
    send('manager', 'POST', '/api/delegation/cards', {
      assigneeId: cast.subject.id,
      outcome,
      dueOn: dlDate(30),
      level: 4,
      domainId: managerDomain.id,
      ...extra,
    }).then((c: { id: string }) => c.id);
  const accepted = async (outcome: string) => {
    const id = await card(outcome);
    await send('subject', 'POST', `/api/delegation/cards/${id}/accept`);
    return id;
  };
  const done = async (outcome: string) => {
    const id = await accepted(outcome);
    await send('subject', 'POST', `/api/delegation/cards/${id}/complete`, {});
    return id;
  };
  const main = await card('Devis en attente relancés sous 48 h', {
    checkpoints: [dlDate(5)],
    alertCondition: 'Un client menace de partir',
    alertMetric: 'Devis perdus',
    alertDirection: 'above',
    alertLimit: 10,
  });
  await send('subject', 'POST', `/api/delegation/cards/${main}/accept`);
  const withValidation = await send('subject', 'POST', `/api/delegation/cards/${main}/validations`, {
    step: 'Remise de 5 %',
  });
  // The subject's own sample: a card they delegated, finished last week.
  const sampled = await send('subject', 'POST', '/api/delegation/cards', {
    assigneeId: cast.directReport.id,
    outcome: 'Tournée du jeudi réorganisée',
    dueOn: dlDate(10),
    level: 5,
  });
  await send('report', 'POST', `/api/delegation/cards/${sampled.id}/accept`);
  await send('report', 'POST', `/api/delegation/cards/${sampled.id}/complete`, {});
  await ctx.deps.database.db
    .updateTable('dl_card')
    .set({ done_at: new Date(Date.now() - 7 * 86_400_000).toISOString() })
    .where('id', '=', sampled.id)
    .execute();
  const samples = await send('subject', 'GET', '/api/delegation/samples');
  const handover = await send('manager', 'POST', '/api/delegation/handovers', {
    memberId: cast.subject.id,
    account: 'Conserverie Le Goff',
  });
  return {
    managerDomainId: managerDomain.id,
    subjectDomainId: subjectDomain.id,
    cardId: main,
    checkpointId: withValidation.checkpoints[0].id,
    validationId: withValidation.validations[0].id,
    proposedId: await card('Salon de Nantes préparé'),
    declinableId: await card('Fichier prospects nettoyé'),
    acceptedId: await accepted('Stock de démonstration recompté'),
    completableId: await accepted('Réclamation Dupuis close'),
    doneId: await done('Tarifs 2027 envoyés'),
    debrief: { manager: await done('Relance des impayés'), self: await done('Visite client Brest') },
    sampleId: samples.items[0].id,
    sampleCardId: samples.items[0].items[0].card.id,
    handoverId: handover.id,
  };
}

/** Clarté: pitches and offers by the subject, shared with the direct report, each under review by the colleague. */
interface ClarityCast {
  pitchId: string;
  sparePitchId: string;
  askablePitchId: string;
  offerId: string;
  spareOfferId: string;
  reviewId: string;
  withdrawableId: string;
  markId: string;
}
const clCasts = new Map<string, ClarityCast>();
const clOf = (c: { orgId: string }) => clCasts.get(c.orgId)!;
// Function declarations: the matrix above calls them while the module loads.
/** The author, the people it is shared with (the direct report) and a requested reviewer (the colleague). */
function clarityReaders(status: number) {
  return all(404, { self: status, directReport: status, colleague: status });
}
function clarityAuthor(status: number) {
  return all(404, { self: status, directReport: 403, colleague: 403 });
}

async function makeClarity(
  ctx: TestContext,
  cast: Awaited<ReturnType<typeof makeCast>>,
): Promise<ClarityCast> {
  const cookieOf = {
    subject: await loginAs(ctx, cast.subject.email),
    colleague: await loginAs(ctx, cast.colleague.email),
  };
  const send = async (who: keyof typeof cookieOf, url: string, payload: object) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { origin: ORIGIN, cookie: cookieOf[who] },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const reviewed = async (itemType: 'pitch' | 'offer', payload: object) => {
    const item = await send('subject', `/api/clarity/${itemType === 'pitch' ? 'pitches' : 'offers'}`, {
      ...payload,
      sharedWith: [cast.directReport.id],
    });
    const review = await send('subject', '/api/clarity/reviews', {
      itemType,
      itemId: item.id,
      reviewerId: cast.colleague.id,
    });
    return { itemId: item.id as string, reviewId: review.id as string };
  };
  const pitch = { title: 'Devis signés', body: 'Vos devis chiffrés en 24 h et signés en ligne.' };
  const offer = { title: 'Recouvrement', tiers: [{ name: 'Essentiel', benefits: ['Payé en 10 jours'] }] };
  const main = await reviewed('pitch', pitch);
  const askable = await reviewed('pitch', pitch);
  const mainOffer = await reviewed('offer', offer);
  const marked = await send('colleague', `/api/clarity/reviews/${main.reviewId}/marks`, {
    excerpt: 'chiffrés',
  });
  return {
    pitchId: main.itemId,
    sparePitchId: (await reviewed('pitch', pitch)).itemId,
    askablePitchId: askable.itemId,
    offerId: mainOffer.itemId,
    spareOfferId: (await reviewed('offer', offer)).itemId,
    reviewId: main.reviewId,
    withdrawableId: askable.reviewId,
    markId: marked.marks[0].id,
  };
}
