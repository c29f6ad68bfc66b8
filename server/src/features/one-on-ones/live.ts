import type { OutgoingHttpHeaders } from 'node:http';
import { errorBody, idParam } from '../../../../core/api/common.schemas.ts';
import { actorOf } from '../../http/auth-hook.ts';
import { notFound } from '../../http/errors.ts';
import { authorize } from '../../http/policy.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { createFanout, type Fanout } from '../../lib/fanout.ts';
import { meetingEvents, type MeetingChanged } from './meeting.events.ts';
import { meetingCache, seriesTopic, seriesOfTopic } from './meeting.cache.ts';
import { findMeeting } from './meeting.repository.ts';
import { pairOf } from './series.presenter.ts';

/** A comment line keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;
const CHANGED = 'data: {"type":"changed"}\n\n';
const topicOf = (meetingId: string) => `meeting:${meetingId}`;

/**
 * Live updates of a meeting: `GET /api/one-on-ones/meetings/:id/events` streams Server-Sent Events to the
 * two participants. Every local change (meetingEvents) is published on the fan-out, which on PostgreSQL
 * also reaches the subscribers connected to the other instances (LISTEN/NOTIFY). Started and stopped with
 * the app; open streams are ended before the server closes.
 */
export function liveRoutes(app: App, { database, config }: AppDeps): Fanout {
  const db = database.db;
  const fanout = createFanout({
    connectionString: database.dialect === 'postgres' ? config.databaseUrl : null,
    notify: (channel, payload) => database.pool!.query('select pg_notify($1, $2)', [channel, payload]),
    onError: (err) => app.log.warn({ err }, 'live updates: PostgreSQL fan-out error'),
  });
  // The series first: another instance forgets its stored copies before its open pages ask again.
  const onChange = (change: MeetingChanged) =>
    fanout.publish(seriesTopic(change.seriesId), topicOf(change.meetingId));
  const onSeries = (seriesId: string) => fanout.publish(seriesTopic(seriesId));
  const onRemote = (topic: string) => {
    const seriesId = seriesOfTopic(topic);
    if (seriesId) meetingCache.changed(seriesId);
  };
  let stopRemote = () => {};
  const open = new Set<() => void>();
  app.decorate('liveFanout', fanout);

  app.addHook('onReady', async () => {
    await fanout.start();
    stopRemote = fanout.onRemote(onRemote);
    meetingEvents.on('changed', onChange);
    meetingEvents.on('series', onSeries);
  });
  // Streams never end by themselves: end them first, or closing the server would wait for them.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => {
    meetingEvents.off('changed', onChange);
    meetingEvents.off('series', onSeries);
    stopRemote();
    await fanout.stop();
  });

  app.get('/api/one-on-ones/meetings/:id/events', {
    config: { policy: 'oneOnOne.read' },
    schema: {
      tags: ['one-on-ones'],
      summary:
        'Live updates of a meeting (Server-Sent Events: `data: {"type":"changed"}`), participants only',
      params: idParam,
      response: { 401: errorBody, 404: errorBody },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const meeting = await findMeeting(db, req.params.id);
      if (!meeting) throw notFound();
      authorize(actor, 'oneOnOne.read', pairOf(meeting));

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // nginx and similar proxies buffer responses unless told not to.
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const unsubscribe = fanout.subscribe(topicOf(meeting.id), () => res.write(CHANGED));
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(heartbeat);
        unsubscribe();
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      // The response closes when the client goes away (or after end()).
      res.on('close', end);
    },
  });
  return fanout;
}

declare module 'fastify' {
  interface FastifyInstance {
    liveFanout: Fanout;
  }
}
