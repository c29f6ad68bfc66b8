import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import {
  cadenceQuery,
  cadenceReport,
  cadenceStats,
  createSeriesBody,
  seriesDetail,
  seriesDetailQuery,
  seriesList,
  updateSeriesBody,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import type { App, AppDeps } from '../../http/types.ts';
import * as series from './series.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function seriesRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['one-on-ones'];

  app.get('/api/one-on-ones/series', {
    config: { policy: 'oneOnOne.list' },
    schema: {
      tags,
      summary: "The caller's one-to-one series (as manager or report), with the next meeting",
      response: { 200: seriesList, ...errors },
    },
    handler: (req) => series.listSeries(db, actorOf(req)),
  });

  app.post('/api/one-on-ones/series', {
    config: { policy: 'oneOnOne.create' },
    schema: {
      tags,
      summary: 'Set up a recurring one-to-one with a direct report or with my manager',
      body: createSeriesBody,
      response: { 201: seriesDetail, ...errors },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const id = await series.createSeries(db, actor, req.body);
      return reply.status(201).send(await series.getSeries(db, actor, id));
    },
  });

  app.get('/api/one-on-ones/series/:id', {
    config: { policy: 'oneOnOne.read' },
    schema: {
      tags,
      summary: 'One series: its meetings (most recent first) and how well the slot is kept',
      params: idParam,
      querystring: seriesDetailQuery,
      response: { 200: seriesDetail, ...errors },
    },
    handler: (req) => series.getSeries(db, actorOf(req), req.params.id, req.query),
  });

  app.patch('/api/one-on-ones/series/:id', {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Change duration, place, video link, or switch the series off',
      params: idParam,
      body: updateSeriesBody,
      response: { 200: seriesDetail, ...errors },
    },
    handler: (req) => series.updateSeries(db, actorOf(req), req.params.id, req.body),
  });

  app.get('/api/one-on-ones/cadence', {
    config: { policy: 'oneOnOne.readCadence' },
    schema: {
      tags,
      summary: "One manager's cadence over all their pairs (numbers only)",
      querystring: cadenceQuery,
      response: { 200: cadenceStats, ...errors },
    },
    handler: (req) => series.cadenceOfManager(db, actorOf(req), req.query.managerId),
  });

  app.get('/api/people/:id/one-on-one-cadence', {
    config: { policy: 'oneOnOne.readCadence' },
    schema: {
      tags,
      summary: "Cadence of every manager in a person's subtree, the person included (numbers only)",
      params: idParam,
      response: { 200: cadenceReport, ...errors },
    },
    handler: (req) => series.cadenceReport(db, actorOf(req), req.params.id),
  });
}
