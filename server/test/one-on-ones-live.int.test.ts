import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';
import { freePort } from './pg-cluster.ts';
import { createSeriesVia, eventually, hoursFromNow, openSse, probe } from './one-on-ones-helpers.ts';

const CHANGED = '{"type":"changed"}';

describe.each(DIALECTS)('live updates of a meeting on %s', (dialect) => {
  let ctx: TestContext;
  let base: string;
  let manager: TestPerson;
  let report: TestPerson;
  let colleague: TestPerson;
  const cookie: Record<string, string> = {};
  let meetingId: string;
  let otherMeetingId: string;

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    const { orgId } = await makeOrg(ctx);
    manager = await makePerson(ctx, orgId, { firstName: 'Marc', lastName: 'Manager' });
    report = await makePerson(ctx, orgId, { firstName: 'Rémi', lastName: 'Rapport', managerId: manager.id });
    const second = await makePerson(ctx, orgId, {
      firstName: 'Sara',
      lastName: 'Second',
      managerId: manager.id,
    });
    colleague = await makePerson(ctx, orgId, {
      firstName: 'Claire',
      lastName: 'Collègue',
      managerId: manager.id,
    });
    for (const p of [manager, report, colleague]) cookie[p.id] = await loginAs(ctx, p.email);
    meetingId = (
      await createSeriesVia(ctx, cookie[manager.id]!, { withPersonId: report.id, firstAt: hoursFromNow(30) })
    ).nextMeetingId;
    otherMeetingId = (
      await createSeriesVia(ctx, cookie[manager.id]!, { withPersonId: second.id, firstAt: hoursFromNow(50) })
    ).nextMeetingId;
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => ctx?.close());

  const addTopic = (id: string, who: TestPerson, title: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/one-on-ones/meetings/${id}/topics`,
      headers: { origin: ORIGIN, cookie: cookie[who.id]! },
      payload: { title },
    });

  it('streams a change to the manager within a second of the report adding a topic, and only for that meeting', async () => {
    const stream = await openSse(`${base}/api/one-on-ones/meetings/${meetingId}/events`, cookie[manager.id]!);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
      await eventually(() => ctx.app.liveFanout.subscriberCount(`meeting:${meetingId}`) === 1);
      // A change to another meeting of the same manager is not sent on this stream.
      expect((await addTopic(otherMeetingId, manager, 'Autre réunion')).statusCode).toBe(201);
      expect((await addTopic(meetingId, report, 'Mon organisation cette semaine')).statusCode).toBe(201);
      expect(await stream.waitFor(1, 1000)).toEqual([CHANGED]);
      expect((await addTopic(meetingId, manager, 'Le salon de Nantes')).statusCode).toBe(201);
      expect(await stream.waitFor(2, 1000)).toEqual([CHANGED, CHANGED]);
      // No echo: a later change, seen on another stream, arrives after any late duplicate would have.
      const marker = await openSse(
        `${base}/api/one-on-ones/meetings/${otherMeetingId}/events`,
        cookie[manager.id]!,
      );
      try {
        await eventually(() => ctx.app.liveFanout.subscriberCount(`meeting:${otherMeetingId}`) === 1);
        expect((await addTopic(otherMeetingId, manager, 'Marqueur')).statusCode).toBe(201);
        expect(await marker.waitFor(1, 1000)).toEqual([CHANGED]);
      } finally {
        marker.close();
      }
      expect(stream.events).toEqual([CHANGED, CHANGED]);
    } finally {
      stream.close();
    }
    // Closing the stream removes its subscription on the server.
    await eventually(() => ctx.app.liveFanout.subscriberCount(`meeting:${meetingId}`) === 0);
  });

  it('streams to the report too, and refuses everyone else with 404 (401 signed out)', async () => {
    const stream = await openSse(`${base}/api/one-on-ones/meetings/${meetingId}/events`, cookie[report.id]!);
    try {
      expect(stream.status).toBe(200);
      expect((await addTopic(meetingId, manager, 'Point pipeline')).statusCode).toBe(201);
      expect(await stream.waitFor(1, 1000)).toEqual([CHANGED]);
    } finally {
      stream.close();
    }
    const denied = await ctx.app.inject({
      method: 'GET',
      url: `/api/one-on-ones/meetings/${meetingId}/events`,
      headers: { cookie: cookie[colleague.id]! },
    });
    expect(denied.statusCode).toBe(404);
    const unknown = await ctx.app.inject({
      method: 'GET',
      url: `/api/one-on-ones/meetings/nope/events`,
      headers: { cookie: cookie[manager.id]! },
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await ctx.app.inject({
      method: 'GET',
      url: `/api/one-on-ones/meetings/${meetingId}/events`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  // Only PostgreSQL runs several instances (SQLite is one process by design): registered on that dialect only.
  if (dialect === 'postgres')
    it('fans out across instances: a change through instance A reaches a subscriber on instance B', async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-live-b-'));
      let child: ChildProcess | null = null;
      try {
        child = spawn(
          process.execPath,
          ['--import', 'tsx', '-e', "import('./server/src/main.ts').then((m) => m.serve())"],
          {
            env: {
              ...process.env,
              DATA_DIR: dataDir,
              DATABASE_URL: ctx.deps.config.databaseUrl!,
              AUTH_SECRET: ctx.deps.config.secret,
              PUBLIC_URL: ORIGIN,
              PORT: String(port),
              HOST: '127.0.0.1',
              LOG_LEVEL: 'silent',
            },
            stdio: 'ignore',
          },
        );
        const b = `http://127.0.0.1:${port}`;
        const deadline = Date.now() + 30_000;
        for (;;) {
          if ((await probe(`${b}/healthz`)) === 200) break;
          if (Date.now() > deadline) throw new Error('instance B never became healthy');
          await new Promise((r) => setTimeout(r, 100));
        }
        // B keeps the opened meeting as bytes (the first read learns its series, the second stores it).
        const openOnB = async () => {
          const res = await fetch(`${b}/api/one-on-ones/meetings/${meetingId}`, {
            headers: { cookie: cookie[manager.id]! },
          });
          expect(res.status).toBe(200);
          return (await res.json()) as { topics: { title: string }[] };
        };
        await openOnB();
        const before = (await openOnB()).topics.map((t) => t.title);
        const stream = await openSse(
          `${b}/api/one-on-ones/meetings/${meetingId}/events`,
          cookie[manager.id]!,
        );
        try {
          expect(stream.status).toBe(200);
          // The subscriber is on B; the change goes through A (in this process), then NOTIFY → B.
          expect((await addTopic(meetingId, report, 'Vu depuis l’autre instance')).statusCode).toBe(201);
          expect(await stream.waitFor(1, 1000)).toEqual([CHANGED]);
          // By the time B pushes the change, its stored copy is gone: the page asking again sees the topic.
          const after = (await openOnB()).topics.map((t) => t.title);
          expect(after.filter((t) => !before.includes(t))).toEqual(['Vu depuis l’autre instance']);
        } finally {
          stream.close();
        }
      } finally {
        if (child && child.exitCode === null) {
          const exited = new Promise((r) => child!.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
});
