/**
 * OKR light (Cap) — every route and its policy. A team is a manager and their direct reports; its objective,
 * key results and reviews are read by the team, its manager chain and admin; everyone else gets 404.
 * Writes on a visible team by someone not allowed answer 403.
 *
 *   GET    /api/okr/overview                              okr.list            the caller's teams
 *   GET    /api/okr/settings                              okr.readSettings    period kind of the organisation
 *   PUT    /api/okr/settings                              okr.updateSettings  admin
 *   GET    /api/okr/teams/:id                             okr.read            team page (id = team manager)
 *   POST   /api/okr/teams/:id/objectives                  okr.write           the team manager
 *   GET    /api/okr/objectives/:id                        okr.read            objective, KRs, every week
 *   PATCH  /api/okr/objectives/:id                        okr.write
 *   POST   /api/okr/objectives/:id/key-results            okr.write           at most three
 *   PATCH  /api/okr/key-results/:id                       okr.write
 *   DELETE /api/okr/key-results/:id                       okr.write
 *   PUT    /api/okr/objectives/:id/reviews/:weekStart     okr.review          any team member, this week only
 *   GET    /api/okr/objectives/:id/history.csv            okr.read            value and confidence per week
 */
import { z } from 'zod';
import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import {
  createKeyResultBody,
  createObjectiveBody,
  objectiveDetail,
  okrOverview,
  okrSettings,
  reviewParams,
  saveReviewBody,
  teamPage,
  updateKeyResultBody,
  updateObjectiveBody,
  updateOkrSettingsBody,
} from '../../../../core/api/okr.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { sendJsonBytes } from '../../http/json-bytes.ts';
import type { App, AppDeps } from '../../http/types.ts';
import * as okr from './okr.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function okrRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['okr'];

  app.get('/api/okr/overview', {
    config: { policy: 'okr.list' },
    schema: {
      tags,
      summary: "The caller's teams (led, belonged to, led by a direct report) with their current objective",
      response: { 200: okrOverview, ...errors },
    },
    handler: (req) => okr.overview(db, actorOf(req)),
  });

  app.get('/api/okr/settings', {
    config: { policy: 'okr.readSettings' },
    schema: {
      tags,
      summary: 'How the organisation cuts periods: 90 days from a chosen date, or calendar quarters',
      response: { 200: okrSettings, ...errors },
    },
    handler: (req) => okr.getSettings(db, actorOf(req)),
  });

  app.put('/api/okr/settings', {
    config: { policy: 'okr.updateSettings' },
    schema: {
      tags,
      summary: 'Choose the period kind for new objectives (admin)',
      body: updateOkrSettingsBody,
      response: { 200: okrSettings, ...errors },
    },
    handler: (req) => okr.updateSettings(db, actorOf(req), req.body.periodKind),
  });

  app.get('/api/okr/teams/:id', {
    config: { policy: 'okr.read' },
    schema: {
      tags,
      summary:
        "A team's page (id = the team manager): current objective in full, every objective, in one call",
      params: idParam,
      response: { 200: teamPage, ...errors },
    },
    // Sent as cached JSON bytes of the same shape (built and validated once, see getTeamPageBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await okr.getTeamPageBytes(db, actorOf(req), req.params.id)),
  });

  app.post('/api/okr/teams/:id/objectives', {
    config: { policy: 'okr.write' },
    schema: {
      tags,
      summary: 'Write the team objective of a period (one active objective per team and period)',
      params: idParam,
      body: createObjectiveBody,
      response: { 201: objectiveDetail, ...errors },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const id = await okr.createObjective(db, actor, req.params.id, req.body);
      return reply.status(201).send(await okr.getObjective(db, actor, id));
    },
  });

  app.get('/api/okr/objectives/:id', {
    config: { policy: 'okr.read' },
    schema: {
      tags,
      summary: 'One objective: key results with progress, every review week of the period, alignment',
      params: idParam,
      response: { 200: objectiveDetail, ...errors },
    },
    handler: (req) => okr.getObjective(db, actorOf(req), req.params.id),
  });

  app.patch('/api/okr/objectives/:id', {
    config: { policy: 'okr.write' },
    schema: {
      tags,
      summary: 'Edit the objective, its review day or alignment, or archive it',
      params: idParam,
      body: updateObjectiveBody,
      response: { 200: objectiveDetail, ...errors },
    },
    handler: (req) => okr.updateObjective(db, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/okr/objectives/:id/key-results', {
    config: { policy: 'okr.write' },
    schema: {
      tags,
      summary: 'Add a key result (at most three per objective)',
      params: idParam,
      body: createKeyResultBody,
      response: { 201: objectiveDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await okr.addKeyResult(db, actorOf(req), req.params.id, req.body)),
  });

  app.patch('/api/okr/key-results/:id', {
    config: { policy: 'okr.write' },
    schema: {
      tags,
      summary: 'Edit a key result',
      params: idParam,
      body: updateKeyResultBody,
      response: { 200: objectiveDetail, ...errors },
    },
    handler: (req) => okr.updateKeyResult(db, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/okr/key-results/:id', {
    config: { policy: 'okr.write' },
    schema: {
      tags,
      summary: 'Remove a key result (its values leave the history with it)',
      params: idParam,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await okr.deleteKeyResult(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.put('/api/okr/objectives/:id/reviews/:weekStart', {
    config: { policy: 'okr.review' },
    schema: {
      tags,
      summary: "Record this week's review: each key result's new value, confidence and blockers",
      params: reviewParams,
      body: saveReviewBody,
      response: { 200: objectiveDetail, ...errors },
    },
    handler: (req) => okr.saveReview(db, actorOf(req), req.params.id, req.params.weekStart, req.body),
  });

  app.get('/api/okr/objectives/:id/history.csv', {
    config: { policy: 'okr.read' },
    schema: {
      tags,
      summary: 'The review history as CSV: value and confidence per key result per week',
      params: idParam,
      response: { 200: z.string(), ...errors },
    },
    handler: async (req, reply) => {
      const csv = await okr.historyCsv(db, actorOf(req), req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .header('cache-control', 'private, no-cache')
        .send(csv.body);
    },
  });
}
