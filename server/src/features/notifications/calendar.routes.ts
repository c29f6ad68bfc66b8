import { z } from 'zod';
import { errorBody, okBody } from '../../../../core/api/common.schemas.ts';
import { calendarFeed } from '../../../../core/api/one-on-ones.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { notFound } from '../../http/errors.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { regenerateFeed, renderFeed, revokeFeed } from './calendar.service.ts';

const errors = { 401: errorBody, 404: errorBody };

/** The caller's personal iCalendar feed: secret URL, regenerated or revoked by its owner only. */
export function calendarRoutes(app: App, { database, config }: AppDeps) {
  const db = database.db;
  const tags = ['calendar'];

  app.post('/api/me/calendar-feed', {
    config: { policy: 'authenticated' },
    schema: {
      tags,
      summary: 'Create or regenerate my calendar feed URL (the previous URL stops working)',
      response: { 200: calendarFeed, ...errors },
    },
    handler: (req) => regenerateFeed(db, actorOf(req), config.publicUrl),
  });

  app.delete('/api/me/calendar-feed', {
    config: { policy: 'authenticated' },
    schema: {
      tags,
      summary: 'Revoke my calendar feed URL',
      response: { 200: okBody, ...errors },
    },
    handler: async (req) => {
      await revokeFeed(db, actorOf(req));
      return { ok: true as const };
    },
  });

  // The secret token in the path is the credential: calendar apps cannot sign in.
  app.get('/api/calendar/:token.ics', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'My upcoming one-to-ones as an iCalendar feed (text/calendar), by secret token',
      params: z.object({ token: z.string().max(200) }),
      response: { 200: z.string(), 404: errorBody },
    },
    handler: async (req, reply) => {
      const text = await renderFeed(db, req.params.token, config.publicUrl);
      if (text === null) throw notFound();
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="relais.ics"')
        .header('cache-control', 'private, no-cache')
        .send(text);
    },
  });
}
