/**
 * Delegation and autonomy (Délégation) — every route and its policy. Denied reads answer 404, denied
 * writes on a visible subject 403. Cards are read by the delegator, the assignee, both manager chains
 * and admin; only the two people act on them.
 *
 *   GET    /api/delegation/cards                                  delegation.list      mine / assigned / delegated / a person's
 *   POST   /api/delegation/cards                                  delegation.create    to someone below me
 *   GET    /api/delegation/cards/:id                              delegation.read
 *   PATCH  /api/delegation/cards/:id                              delegation.manage    delegator, open cards
 *   POST   /api/delegation/cards/:id/{accept,decline,start,complete}  delegation.act   assignee
 *   POST   /api/delegation/cards/:id/debrief                      delegation.discuss   either of the two, once
 *   POST   /api/delegation/cards/:id/messages                     delegation.discuss   questions and answers
 *   POST   /api/delegation/cards/:id/checkpoints                  delegation.manage
 *   POST   /api/delegation/cards/:id/checkpoints/:checkpointId/status  delegation.act
 *   POST   /api/delegation/cards/:id/{indicator,condition-met}    delegation.act       may raise the alert (once)
 *   POST   /api/delegation/cards/:id/validations                  delegation.act
 *   POST   /api/delegation/cards/:id/validations/:validationId/answer  delegation.manage
 *   POST   /api/delegation/cards/:id/bravo                        delegation.manage    done cards
 *   GET    /api/delegation/suggestions                            delegation.create    among people below me
 *   GET    /api/delegation/domains                                delegation.readTeam  team, its chain, admin
 *   POST   /api/delegation/domains, PATCH /api/delegation/domains/:id  delegation.manageTeam  lead, admin
 *   PUT    /api/delegation/teams/:id/settings                     delegation.manageTeam
 *   GET    /api/delegation/samples                                delegation.readSamples  manager, chain, admin
 *   POST   /api/delegation/samples/:id/items/:cardId/review       delegation.reviewSample the manager
 *   GET    /api/delegation/handovers                              handover.list        mine, or a manager's (chain)
 *   POST   /api/delegation/handovers                              handover.create      to someone below me
 *   GET    /api/delegation/handovers/:id                          handover.read
 *   PATCH  /api/delegation/handovers/:id/stages/:stage            handover.write       manager or member
 *   GET    /api/delegation/learning                               delegation.readTeam  private entries: author only
 *   POST   /api/delegation/learning                               learning.write       in a team I belong to
 *   GET    /api/autonomy/matrix                                   autonomy.read        manager, chain, admin
 *   GET    /api/autonomy/people/:id                               autonomy.read        self, chain, admin
 *   PUT    /api/autonomy/people/:id/levels/:domainId              autonomy.setLevel    manager chain
 *   POST   /api/autonomy/initiatives                              autonomy.logInitiative  my own
 *   GET    /api/notifications, POST /api/notifications/read       notification.list    my own
 */
import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import * as c from '../../../../core/api/delegation.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { sendJsonBytes } from '../../http/json-bytes.ts';
import type { RoutePolicy } from '../../http/policy.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { listNotifications, markRead } from '../notifications/inbox.ts';
import * as autonomy from './autonomy.service.ts';
import { cardsChanged } from './card.cache.ts';
import * as cards from './card.service.ts';
import * as team from './team.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function delegationRoutes(app: App, { database, mailer, config }: AppDeps) {
  const db = database.db;
  const deps: cards.DelegationDeps = { db, mailer, publicUrl: config.publicUrl };
  const tags = ['delegation'];
  const cfg = (policy: RoutePolicy) => ({ policy });

  // Stored cards (card.cache.ts): a card's own writes forget or patch it; any other delegation or autonomy
  // write (domains, levels, hand-overs…), and a card write that failed midway, forgets them all once answered.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.includes('GET') || !/^\/api\/(delegation|autonomy)\//.test(route.url)) return;
    const cardRoute = route.url.startsWith('/api/delegation/cards/');
    const forget = async (_req: unknown, reply: { statusCode: number }, payload: unknown) => {
      if (!cardRoute || reply.statusCode >= 400) cardsChanged();
      return payload;
    };
    route.onSend = [...[route.onSend ?? []].flat(), forget] as typeof route.onSend;
  });

  // ── Cards ──
  app.get('/api/delegation/cards', {
    config: cfg('delegation.list'),
    schema: {
      tags,
      summary: 'Delegation cards: mine, assigned to me, delegated by me, or a person’s',
      querystring: c.cardListQuery,
      response: { 200: c.cardList, ...errors },
    },
    handler: (req) => cards.listCards(db, actorOf(req), req.query),
  });
  app.post('/api/delegation/cards', {
    config: cfg('delegation.create'),
    schema: {
      tags,
      summary: 'Delegate an outcome to someone below me, with a level, checkpoints and an alert threshold',
      body: c.createCardBody,
      response: { 201: c.cardDetail, ...errors },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const id = await cards.createCard(deps, actor, req.body);
      return reply.status(201).send(await cards.getCard(db, actor, id));
    },
  });
  app.get('/api/delegation/cards/:id', {
    config: cfg('delegation.read'),
    schema: {
      tags,
      summary: 'One card with its checkpoints, questions, validations and indicator values',
      params: idParam,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.getCard(db, actorOf(req), req.params.id),
  });
  app.patch('/api/delegation/cards/:id', {
    config: cfg('delegation.manage'),
    schema: {
      tags,
      summary: 'Edit an open card (delegator)',
      params: idParam,
      body: c.updateCardBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.updateCard(deps, actorOf(req), req.params.id, req.body),
  });
  app.post('/api/delegation/cards/:id/accept', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Accept a proposed card (assignee)',
      params: idParam,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.acceptCard(deps, actorOf(req), req.params.id),
  });
  app.post('/api/delegation/cards/:id/decline', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Decline a proposed card with a reason (assignee)',
      params: idParam,
      body: c.declineBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.declineCard(deps, actorOf(req), req.params.id, req.body.reason),
  });
  app.post('/api/delegation/cards/:id/start', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Start the work (assignee)',
      params: idParam,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.startCard(deps, actorOf(req), req.params.id),
  });
  app.post('/api/delegation/cards/:id/complete', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Mark done (assignee); counts for the autonomy indicator',
      params: idParam,
      body: c.completeBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.completeCard(deps, actorOf(req), req.params.id, req.body),
  });
  app.post('/api/delegation/cards/:id/debrief', {
    config: cfg('delegation.discuss'),
    schema: {
      tags,
      summary: 'Short debrief of a done card (once); also written to the learning log',
      params: idParam,
      body: c.debriefBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.debriefCard(deps, actorOf(req), req.params.id, req.body),
  });
  app.post('/api/delegation/cards/:id/messages', {
    config: cfg('delegation.discuss'),
    schema: {
      tags,
      summary: 'Ask a question (assignee) or answer it (delegator) on the card',
      params: idParam,
      body: c.messageBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.postMessage(deps, actorOf(req), req.params.id, req.body.body),
  });
  app.post('/api/delegation/cards/:id/checkpoints', {
    config: cfg('delegation.manage'),
    schema: {
      tags,
      summary: 'Add a checkpoint date (delegator)',
      params: idParam,
      body: c.addCheckpointBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.addCheckpoint(deps, actorOf(req), req.params.id, req.body.dueOn),
  });
  app.post('/api/delegation/cards/:id/checkpoints/:checkpointId/status', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Post the status of a checkpoint (assignee); posting again replaces it',
      params: c.checkpointParam,
      body: c.checkpointStatusBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) =>
      cards.checkpointStatusDetail(deps, actorOf(req), req.params.id, req.params.checkpointId, req.body),
  });
  app.post('/api/delegation/cards/:id/indicator', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Record a value of the alert indicator; beyond the limit, the named person is told once',
      params: idParam,
      body: c.indicatorBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.recordIndicator(deps, actorOf(req), req.params.id, req.body),
  });
  app.post('/api/delegation/cards/:id/condition-met', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Say the alert condition is met; the named person is told once',
      params: idParam,
      body: c.conditionMetBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.conditionMet(deps, actorOf(req), req.params.id, req.body.note),
  });
  app.post('/api/delegation/cards/:id/validations', {
    config: cfg('delegation.act'),
    schema: {
      tags,
      summary: 'Ask the delegator to validate a step',
      params: idParam,
      body: c.validationBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.requestValidation(deps, actorOf(req), req.params.id, req.body.step),
  });
  app.post('/api/delegation/cards/:id/validations/:validationId/answer', {
    config: cfg('delegation.manage'),
    schema: {
      tags,
      summary: 'Answer a validation request (delegator)',
      params: c.validationParam,
      body: c.validationAnswerBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) =>
      cards.answerValidation(deps, actorOf(req), req.params.id, req.params.validationId, req.body),
  });
  app.post('/api/delegation/cards/:id/bravo', {
    config: cfg('delegation.manage'),
    schema: {
      tags,
      summary: 'Credit the assignee publicly (visible to the team)',
      params: idParam,
      body: c.bravoBody,
      response: { 200: c.cardDetail, ...errors },
    },
    handler: (req) => cards.giveBravo(deps, actorOf(req), req.params.id, req.body.message),
  });
  app.get('/api/delegation/suggestions', {
    config: cfg('delegation.create'),
    schema: {
      tags,
      summary: 'Who could take it: people below me ranked by skills, level in the domain and open load',
      querystring: c.suggestionQuery,
      response: { 200: c.suggestionList, ...errors },
    },
    handler: (req) => autonomy.suggest(db, actorOf(req), req.query),
  });

  // ── Team: domains, settings, samples, handovers, learning ──
  app.get('/api/delegation/domains', {
    config: cfg('delegation.readTeam'),
    schema: {
      tags,
      summary: "A team's decision domains and review share",
      querystring: c.teamQuery,
      response: { 200: c.domainList, ...errors },
    },
    handler: (req) => team.listDomains(db, actorOf(req), req.query.teamLeadId),
  });
  app.post('/api/delegation/domains', {
    config: cfg('delegation.manageTeam'),
    schema: {
      tags,
      summary: 'Add a decision domain to my team',
      body: c.createDomainBody,
      response: { 201: c.domain, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await team.createDomain(db, actorOf(req), req.body)),
  });
  app.patch('/api/delegation/domains/:id', {
    config: cfg('delegation.manageTeam'),
    schema: {
      tags,
      summary: 'Rename, describe or archive a decision domain',
      params: idParam,
      body: c.updateDomainBody,
      response: { 200: c.domain, ...errors },
    },
    handler: (req) => team.updateDomain(db, actorOf(req), req.params.id, req.body),
  });
  app.put('/api/delegation/teams/:id/settings', {
    config: cfg('delegation.manageTeam'),
    schema: {
      tags,
      summary: 'Share of finished delegations drawn each week for review',
      params: idParam,
      body: c.teamSettingsBody,
      response: { 200: c.domainList, ...errors },
    },
    handler: (req) => team.setTeamSettings(db, actorOf(req), req.params.id, req.body.sampleShare),
  });
  app.get('/api/delegation/samples', {
    config: cfg('delegation.readSamples'),
    schema: {
      tags,
      summary: "A manager's weekly review draws (this week's is drawn on the manager's first visit)",
      querystring: c.sampleQuery,
      response: { 200: c.sampleList, ...errors },
    },
    handler: (req) => team.listSamples(db, actorOf(req), req.query.managerId),
  });
  app.post('/api/delegation/samples/:id/items/:cardId/review', {
    config: cfg('delegation.reviewSample'),
    schema: {
      tags,
      summary: 'Mark a drawn card as reviewed, with a note',
      params: c.sampleItemParam,
      body: c.sampleReviewBody,
      response: { 200: c.sample, ...errors },
    },
    handler: (req) =>
      team.reviewSampleItem(db, actorOf(req), req.params.id, req.params.cardId, req.body.note),
  });
  app.get('/api/delegation/handovers', {
    config: cfg('handover.list'),
    schema: {
      tags,
      summary: 'Client handovers: mine (as manager or member) or a manager’s',
      querystring: c.handoverQuery,
      response: { 200: c.handoverList, ...errors },
    },
    handler: (req) => team.listHandovers(db, actorOf(req), req.query.managerId),
  });
  app.post('/api/delegation/handovers', {
    config: cfg('handover.create'),
    schema: {
      tags,
      summary: 'Plan the handover of a client account to someone below me',
      body: c.createHandoverBody,
      response: { 201: c.handover, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await team.createHandover(db, actorOf(req), req.body)),
  });
  app.get('/api/delegation/handovers/:id', {
    config: cfg('handover.read'),
    schema: {
      tags,
      summary: 'One handover and its four stages',
      params: idParam,
      response: { 200: c.handover, ...errors },
    },
    handler: (req) => team.getHandover(db, actorOf(req), req.params.id),
  });
  app.patch('/api/delegation/handovers/:id/stages/:stage', {
    config: cfg('handover.write'),
    schema: {
      tags,
      summary: 'Date, note or completion of one stage',
      params: c.stageParam,
      body: c.updateStageBody,
      response: { 200: c.handover, ...errors },
    },
    handler: (req) => team.updateStage(db, actorOf(req), req.params.id, req.params.stage, req.body),
  });
  app.get('/api/delegation/learning', {
    config: cfg('delegation.readTeam'),
    schema: {
      tags,
      summary: "A team's learning log (searchable) and recent bravos",
      querystring: c.learningQuery,
      response: { 200: c.learningList, ...errors },
    },
    handler: (req) => team.listLearning(db, actorOf(req), req.query),
  });
  app.post('/api/delegation/learning', {
    config: cfg('learning.write'),
    schema: {
      tags,
      summary: 'Write a lesson, an error or a debrief in my team’s log (optionally private)',
      body: c.learningBody,
      response: { 201: c.learningEntry, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await team.addLearning(db, actorOf(req), req.body)),
  });

  // ── Autonomy ──
  const atags = ['autonomy'];
  app.get('/api/autonomy/matrix', {
    config: cfg('autonomy.read'),
    schema: {
      tags: atags,
      summary: 'Person × domain levels and the autonomy indicator of a team or subtree',
      querystring: c.matrixQuery,
      response: { 200: c.matrix, ...errors },
    },
    // Sent as cached JSON bytes of the same shape (built and validated once, see getMatrixBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await autonomy.getMatrixBytes(db, actorOf(req), req.query)),
  });
  app.get('/api/autonomy/people/:id', {
    config: cfg('autonomy.read'),
    schema: {
      tags: atags,
      summary: "One person's levels, their history, indicator and initiatives",
      params: idParam,
      querystring: c.periodQuery,
      response: { 200: c.personAutonomy, ...errors },
    },
    handler: (req) => autonomy.getPersonAutonomy(db, actorOf(req), req.params.id, req.query.periodDays),
  });
  app.put('/api/autonomy/people/:id/levels/:domainId', {
    config: cfg('autonomy.setLevel'),
    schema: {
      tags: atags,
      summary: 'Set a level in a domain, with the reason (kept in the history)',
      params: c.levelParam,
      body: c.setLevelBody,
      response: { 200: c.personAutonomy, ...errors },
    },
    handler: (req) => autonomy.setLevel(db, actorOf(req), req.params.id, req.params.domainId, req.body),
  });
  app.post('/api/autonomy/initiatives', {
    config: cfg('autonomy.logInitiative'),
    schema: {
      tags: atags,
      summary: 'Log something I started and concluded on my own',
      body: c.initiativeBody,
      response: { 201: c.personAutonomy, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await autonomy.logInitiative(db, actorOf(req), req.body)),
  });

  // ── Notifications ──
  app.get('/api/notifications', {
    config: cfg('notification.list'),
    schema: {
      tags: ['notifications'],
      summary: 'My in-app notifications (latest 50) and the unread count',
      response: { 200: c.notificationList, ...errors },
    },
    handler: (req) => listNotifications(db, actorOf(req)),
  });
  app.post('/api/notifications/read', {
    config: cfg('notification.list'),
    schema: {
      tags: ['notifications'],
      summary: 'Mark some (or all) of my notifications as read',
      body: c.readNotificationsBody,
      response: { 200: c.notificationList, ...errors },
    },
    handler: (req) => markRead(db, actorOf(req), req.body.ids),
  });
}
