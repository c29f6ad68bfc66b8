/**
 * One-to-ones (Tête-à-tête) — every route and its policy (denied reads answer 404, denied writes on a
 * visible subject 403; only the two participants ever see content, the author alone their private note):
 *
 *   GET    /api/one-on-ones/series                       oneOnOne.list        the caller's series
 *   POST   /api/one-on-ones/series                       oneOnOne.create      with a direct report or own manager
 *   GET    /api/one-on-ones/series/:id                   oneOnOne.read        participants
 *   PATCH  /api/one-on-ones/series/:id                   oneOnOne.write       participants
 *   GET    /api/one-on-ones/meetings/:id                 oneOnOne.read        participants (own private note only)
 *   POST   /api/one-on-ones/meetings/:id/topics          oneOnOne.write
 *   PATCH  /api/one-on-ones/topics/:id                   oneOnOne.write
 *   DELETE /api/one-on-ones/topics/:id                   oneOnOne.write
 *   PUT    /api/one-on-ones/meetings/:id/notes/:step     oneOnOne.write
 *   PUT    /api/one-on-ones/meetings/:id/private-note    oneOnOne.write       stored under the caller (author)
 *   PUT    /api/one-on-ones/meetings/:id/mood            oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/actions         oneOnOne.write
 *   PATCH  /api/one-on-ones/actions/:id                  oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/move            oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/cancel          oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/start           oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/steps           oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/close           oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/talk            oneOnOne.write
 *   POST   /api/one-on-ones/meetings/:id/rating          oneOnOne.rate        the report, once, held meetings
 *   GET    /api/one-on-ones/ratings/summary              oneOnOne.readRatingSummary  self; averages from k raters
 *   GET    /api/one-on-ones/cadence?managerId=           oneOnOne.readCadence self, manager chain, admin
 *   GET    /api/people/:id/one-on-one-cadence            oneOnOne.readCadence self, manager chain, admin
 */
import { z } from 'zod';
import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import {
  actionItem,
  addActionBody,
  addTopicBody,
  cancelBody,
  closeBody,
  meetingDetail,
  mood,
  moodBody,
  moveBody,
  noteBody,
  ratingBody,
  ratingResult,
  ratingSummary,
  stepBody,
  stepParam,
  talkBody,
  topic,
  updateActionBody,
  updateTopicBody,
} from '../../../../core/api/one-on-ones.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { sendJsonBytes } from '../../http/json-bytes.ts';
import type { App, AppDeps } from '../../http/types.ts';
import * as meetings from './meeting.service.ts';
import { seriesRoutes } from './series.routes.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const noteResult = z.object({ step: z.number().int(), body: z.string() });
const privateNoteResult = z.object({ body: z.string() });

/** Registers every route of the module (series, meetings, metrics). */
export function oneOnOneRoutes(app: App, deps: AppDeps) {
  seriesRoutes(app, deps);
  meetingRoutes(app, deps);
}

function meetingRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['one-on-ones'];
  const base = '/api/one-on-ones/meetings/:id';

  app.get(base, {
    config: { policy: 'oneOnOne.read' },
    schema: {
      tags,
      summary: 'Open a meeting: agenda, notes, carried-over actions, moods, talk time',
      params: idParam,
      response: { 200: meetingDetail, ...errors },
    },
    // Sent as JSON bytes of the same shape (validated once when built, see getMeetingBytes).
    handler: async (req, reply) =>
      sendJsonBytes(reply, await meetings.getMeetingBytes(db, actorOf(req), req.params.id)),
  });

  app.post(`${base}/topics`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Add a topic to the shared agenda',
      params: idParam,
      body: addTopicBody,
      response: { 201: topic, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await meetings.addTopic(db, actorOf(req), req.params.id, req.body)),
  });

  app.patch('/api/one-on-ones/topics/:id', {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Edit a topic, or tick it off',
      params: idParam,
      body: updateTopicBody,
      response: { 200: topic, ...errors },
    },
    handler: (req) => meetings.updateTopic(db, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/one-on-ones/topics/:id', {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Remove a topic from the agenda',
      params: idParam,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await meetings.deleteTopic(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.put(`${base}/notes/:step`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Save the shared notes of one step (1–6)',
      params: stepParam,
      body: noteBody,
      response: { 200: noteResult, ...errors },
    },
    handler: (req) => meetings.putNote(db, actorOf(req), req.params.id, req.params.step, req.body.body),
  });

  app.put(`${base}/private-note`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Save my private note (only I can ever read it)',
      params: idParam,
      body: noteBody,
      response: { 200: privateNoteResult, ...errors },
    },
    handler: (req) => meetings.putPrivateNote(db, actorOf(req), req.params.id, req.body.body),
  });

  app.put(`${base}/mood`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Record my personal and professional mood (1–5)',
      params: idParam,
      body: moodBody,
      response: { 200: mood, ...errors },
    },
    handler: (req) => meetings.putMood(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/actions`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Decide an action: owner, due date, kind',
      params: idParam,
      body: addActionBody,
      response: { 201: actionItem, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await meetings.addAction(db, actorOf(req), req.params.id, req.body)),
  });

  app.patch('/api/one-on-ones/actions/:id', {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Edit an action or mark it done (also from a later meeting)',
      params: idParam,
      body: updateActionBody,
      response: { 200: actionItem, ...errors },
    },
    handler: (req) => meetings.updateAction(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/move`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Move the meeting to another date, with a reason',
      params: idParam,
      body: moveBody,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.moveMeeting(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/cancel`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Cancel the meeting, with a reason',
      params: idParam,
      body: cancelBody,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.cancelMeeting(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/steps`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Enter or skip a step of the guided meeting (recorded with its time)',
      params: idParam,
      body: stepBody,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.logStep(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/close`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Close the meeting (without a next step, asks for confirmation)',
      params: idParam,
      body: closeBody,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.closeMeeting(db, actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/start`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Start the meeting',
      params: idParam,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.startMeeting(db, actorOf(req), req.params.id),
  });

  app.post(`${base}/talk`, {
    config: { policy: 'oneOnOne.write' },
    schema: {
      tags,
      summary: 'Who is speaking now (null: nobody); the server adds up the time',
      params: idParam,
      body: talkBody,
      response: { 200: meetingDetail, ...errors },
    },
    handler: (req) => meetings.setSpeaker(db, actorOf(req), req.params.id, req.body.speaker),
  });

  app.post(`${base}/rating`, {
    config: { policy: 'oneOnOne.rate' },
    schema: {
      tags,
      summary: 'The report rates a held meeting, once (anonymous: stored without meeting or rater)',
      params: idParam,
      body: ratingBody,
      response: { 201: ratingResult, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await meetings.rateMeeting(db, actorOf(req), req.params.id, req.body)),
  });

  app.get('/api/one-on-ones/ratings/summary', {
    config: { policy: 'oneOnOne.readRatingSummary' },
    schema: {
      tags,
      summary: 'My ratings as a manager: averages only once k different people rated',
      response: { 200: ratingSummary, ...errors },
    },
    handler: (req) => meetings.ratingSummary(db, actorOf(req)),
  });
}
