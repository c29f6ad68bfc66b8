/**
 * Clarity tools (Clarté) — every route and its policy. Denied reads answer 404, denied writes on a visible
 * subject 403. Pitches and offers: the author writes; people they are shared with and requested reviewers
 * read. Review marks and comments: the person who asked and the reviewer only (admin included: 404).
 *
 *   GET    /api/clarity                              clarity.list        my pitches, offers, shares, reviews to do
 *   POST   /api/clarity/pitches                      clarity.create
 *   GET    /api/clarity/pitches/:id                  clarity.read        author, shared with, reviewer
 *   PATCH  /api/clarity/pitches/:id                  clarity.write       author (text, budget, share list)
 *   DELETE /api/clarity/pitches/:id                  clarity.write       with its shares and reviews
 *   POST   /api/clarity/offers                       clarity.create      Good–Better–Best, at most 3 tiers
 *   GET    /api/clarity/offers/:id                   clarity.read
 *   PATCH  /api/clarity/offers/:id                   clarity.write
 *   DELETE /api/clarity/offers/:id                   clarity.write
 *   GET    /api/clarity/reviews?itemType&itemId      clarity.list        those I asked for or do (scoped in SQL)
 *   POST   /api/clarity/reviews                      clarity.requestReview  pitch/offer author; objective: team
 *   GET    /api/clarity/reviews/:id                  clarity.readReview  the reading view with the item's text
 *   DELETE /api/clarity/reviews/:id                  clarity.withdrawReview  the requester
 *   POST   /api/clarity/reviews/:id/marks            clarity.answerReview   the reviewer
 *   DELETE /api/clarity/reviews/:id/marks/:markId    clarity.answerReview
 *   POST   /api/clarity/reviews/:id/answer           clarity.answerReview   tells the requester, once
 *   GET    /api/clarity/jargon                       clarity.readJargon  the organisation's lists (or defaults)
 *   PUT    /api/clarity/jargon/:locale               clarity.updateJargon   admin; terms null = default list
 */
import { z } from 'zod';
import * as c from '../../../../core/api/clarity.schemas.ts';
import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import type { RoutePolicy } from '../../http/policy.ts';
import type { App, AppDeps } from '../../http/types.ts';
import * as clarity from './clarity.service.ts';
import { getJargon, saveJargon } from './jargon.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const empty = { 204: z.null(), ...errors };

export function clarityRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['clarity'];
  const cfg = (policy: RoutePolicy) => ({ policy });

  app.get('/api/clarity', {
    config: cfg('clarity.list'),
    schema: {
      tags,
      summary: 'My pitches and offers, what is shared with me, and the reviews I was asked to do',
      response: { 200: c.clarityOverview, ...errors },
    },
    handler: (req) => clarity.overview(db, actorOf(req)),
  });

  // ── Pitches ──
  app.post('/api/clarity/pitches', {
    config: cfg('clarity.create'),
    schema: {
      tags,
      summary: 'Write a 30-second pitch (its word count is stored)',
      body: c.createPitchBody,
      response: { 201: c.pitchDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await clarity.createPitch(db, actorOf(req), req.body)),
  });
  app.get('/api/clarity/pitches/:id', {
    config: cfg('clarity.read'),
    schema: { tags, summary: 'One pitch', params: idParam, response: { 200: c.pitchDetail, ...errors } },
    handler: (req) => clarity.getPitch(db, actorOf(req), req.params.id),
  });
  app.patch('/api/clarity/pitches/:id', {
    config: cfg('clarity.write'),
    schema: {
      tags,
      summary: 'Edit a pitch or its share list (author)',
      params: idParam,
      body: c.updatePitchBody,
      response: { 200: c.pitchDetail, ...errors },
    },
    handler: (req) => clarity.updatePitch(db, actorOf(req), req.params.id, req.body),
  });
  app.delete('/api/clarity/pitches/:id', {
    config: cfg('clarity.write'),
    schema: { tags, summary: 'Delete a pitch with its reviews (author)', params: idParam, response: empty },
    handler: async (req, reply) => {
      await clarity.deletePitch(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  // ── Offers ──
  app.post('/api/clarity/offers', {
    config: cfg('clarity.create'),
    schema: {
      tags,
      summary: 'Frame an offer as Good–Better–Best (at most three tiers)',
      body: c.createOfferBody,
      response: { 201: c.offerDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await clarity.createOffer(db, actorOf(req), req.body)),
  });
  app.get('/api/clarity/offers/:id', {
    config: cfg('clarity.read'),
    schema: { tags, summary: 'One offer', params: idParam, response: { 200: c.offerDetail, ...errors } },
    handler: (req) => clarity.getOffer(db, actorOf(req), req.params.id),
  });
  app.patch('/api/clarity/offers/:id', {
    config: cfg('clarity.write'),
    schema: {
      tags,
      summary: 'Edit an offer or its share list (author)',
      params: idParam,
      body: c.updateOfferBody,
      response: { 200: c.offerDetail, ...errors },
    },
    handler: (req) => clarity.updateOffer(db, actorOf(req), req.params.id, req.body),
  });
  app.delete('/api/clarity/offers/:id', {
    config: cfg('clarity.write'),
    schema: { tags, summary: 'Delete an offer with its reviews (author)', params: idParam, response: empty },
    handler: async (req, reply) => {
      await clarity.deleteOffer(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  // ── Review by a non-expert peer ──
  app.get('/api/clarity/reviews', {
    config: cfg('clarity.list'),
    schema: {
      tags,
      summary: 'Reviews of one item that I asked for or was asked to do, with their marks',
      querystring: c.reviewListQuery,
      response: { 200: c.reviewList, ...errors },
    },
    handler: (req) => clarity.listReviews(db, actorOf(req), req.query),
  });
  app.post('/api/clarity/reviews', {
    config: cfg('clarity.requestReview'),
    schema: {
      tags,
      summary: 'Ask a colleague outside the domain to read an objective, a pitch or an offer',
      body: c.createReviewBody,
      response: { 201: c.reviewDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await clarity.createReview(db, actorOf(req), req.body)),
  });
  app.get('/api/clarity/reviews/:id', {
    config: cfg('clarity.readReview'),
    schema: {
      tags,
      summary: 'The reading view: the item’s text, the marks and comments (requester and reviewer)',
      params: idParam,
      response: { 200: c.reviewDetail, ...errors },
    },
    handler: (req) => clarity.getReview(db, actorOf(req), req.params.id),
  });
  app.delete('/api/clarity/reviews/:id', {
    config: cfg('clarity.withdrawReview'),
    schema: { tags, summary: 'Withdraw a review request (requester)', params: idParam, response: empty },
    handler: async (req, reply) => {
      await clarity.withdrawReview(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post('/api/clarity/reviews/:id/marks', {
    config: cfg('clarity.answerReview'),
    schema: {
      tags,
      summary: 'Mark a passage not understood (quoted excerpt) or leave a comment (reviewer)',
      params: idParam,
      body: c.markBody,
      response: { 201: c.reviewDetail, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await clarity.addMark(db, actorOf(req), req.params.id, req.body)),
  });
  app.delete('/api/clarity/reviews/:id/marks/:markId', {
    config: cfg('clarity.answerReview'),
    schema: { tags, summary: 'Remove one of my marks (reviewer)', params: c.markParams, response: empty },
    handler: async (req, reply) => {
      await clarity.deleteMark(db, actorOf(req), req.params.id, req.params.markId);
      return reply.status(204).send(null);
    },
  });
  app.post('/api/clarity/reviews/:id/answer', {
    config: cfg('clarity.answerReview'),
    schema: {
      tags,
      summary: 'Send the review to the person who asked (notified once)',
      params: idParam,
      response: { 200: c.reviewDetail, ...errors },
    },
    handler: (req) => clarity.answerReview(db, actorOf(req), req.params.id),
  });

  // ── Jargon list ──
  app.get('/api/clarity/jargon', {
    config: cfg('clarity.readJargon'),
    schema: {
      tags,
      summary:
        "The jargon list of each language the clarity check uses: the organisation's own or the default",
      response: { 200: c.jargonLists, ...errors },
    },
    handler: (req) => getJargon(db, actorOf(req)),
  });
  app.put('/api/clarity/jargon/:locale', {
    config: cfg('clarity.updateJargon'),
    schema: {
      tags,
      summary: "Replace the organisation's jargon list of one language (null: back to the default list)",
      params: c.jargonLocaleParam,
      body: c.jargonBody,
      response: { 200: c.jargonLists, ...errors },
    },
    handler: (req) => saveJargon(db, actorOf(req), req.params.locale, req.body.terms),
  });
}
