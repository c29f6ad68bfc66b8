import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { loadPg } from '../db/connection.ts';

/**
 * Topic-based fan-out of "something changed" signals. In-process on SQLite (one process serves everything);
 * on PostgreSQL each instance LISTENs on one channel with a dedicated connection and NOTIFYs every local
 * publish, so subscribers connected to any instance hear it. Payloads carry the publishing instance's id
 * so that an instance ignores the echo of its own notifications (it already delivered them locally).
 */
export interface Fanout {
  readonly instanceId: string;
  /** Signals every topic given, in this order, here and (PostgreSQL) on every other instance in one notification. */
  publish(...topics: string[]): void;
  subscribe(topic: string, listener: () => void): () => void;
  /** Every topic published by another instance, heard before that topic's own subscribers. */
  onRemote(listener: (topic: string) => void): () => void;
  /** Local subscribers of a topic (open streams on this instance). */
  subscriberCount(topic: string): number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface FanoutOptions {
  /** PostgreSQL connection string; null for in-process only (SQLite). */
  connectionString: string | null;
  /** Sends NOTIFY (any pooled connection will do): `select pg_notify($1, $2)`. */
  notify?: (channel: string, payload: string) => Promise<unknown>;
  channel?: string;
  onError?: (err: Error) => void;
}

const RECONNECT_MS = 1000;

export function createFanout(opts: FanoutOptions): Fanout {
  const instanceId = crypto.randomUUID();
  const channel = opts.channel ?? 'relais_events';
  const onError = opts.onError ?? (() => {});
  const local = new EventEmitter();
  // Hundreds of open event streams may watch the same topic.
  local.setMaxListeners(0);
  const remote = new EventEmitter();
  let client: pg.Client | null = null;
  let stopped = false;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const deliver = (topic: string) => local.emit(topic);

  const connect = async (): Promise<void> => {
    if (!opts.connectionString) return;
    const pg = await loadPg();
    const c = new pg.Client({ connectionString: opts.connectionString });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const { i, t } = JSON.parse(msg.payload) as { i: string; t: unknown };
        if (i === instanceId || !Array.isArray(t)) return;
        for (const topic of t)
          if (typeof topic === 'string') {
            remote.emit('topic', topic);
            deliver(topic);
          }
      } catch {
        // Not one of ours: ignore.
      }
    });
    c.on('error', (err) => {
      onError(err);
      reconnect(c);
    });
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
  };

  // A lost listening connection (server restart, failover) is replaced, retrying every second.
  const reconnect = (c: pg.Client) => {
    if (stopped || client !== c) return;
    client = null;
    c.removeAllListeners('end');
    void c.end().catch(() => {});
    const attempt = () => {
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        if (stopped) return;
        connect().catch((err: Error) => {
          onError(err);
          attempt();
        });
      }, RECONNECT_MS);
    };
    attempt();
  };

  return {
    instanceId,
    publish(...topics) {
      for (const topic of topics) deliver(topic);
      if (!opts.connectionString || stopped || topics.length === 0) return;
      const payload = JSON.stringify({ i: instanceId, t: topics });
      const send =
        opts.notify ?? ((ch: string, p: string) => client?.query('select pg_notify($1, $2)', [ch, p]));
      void Promise.resolve()
        .then(() => send(channel, payload))
        .catch((err: Error) => onError(err));
    },
    subscribe(topic, listener) {
      local.on(topic, listener);
      return () => local.off(topic, listener);
    },
    onRemote(listener) {
      remote.on('topic', listener);
      return () => remote.off('topic', listener);
    },
    subscriberCount: (topic) => local.listenerCount(topic),
    async start() {
      stopped = false;
      await connect();
    },
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      local.removeAllListeners();
      remote.removeAllListeners();
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
