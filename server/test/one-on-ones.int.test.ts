import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, setLocale, makePerson, type TestPerson } from './factories.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const DAY = 86_400_000;
/** Tomorrow at 10:00 UTC, plus `days`. */
const at = (days: number) => {
  const d = new Date(Date.now() + DAY * (1 + days));
  d.setUTCHours(10, 0, 0, 0);
  return d.toISOString();
};

describe.each(DIALECTS)('one-to-ones on %s', (dialect) => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof makeCast>>;
  const cookie: Record<string, string> = {};

  const call = (method: Method, url: string, who?: string, payload?: object) =>
    ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, 'accept-language': 'fr', ...(who ? { cookie: cookie[who] } : {}) },
      ...(payload ? { payload } : {}),
    });
  const ok = async (method: Method, url: string, who: string, payload?: object) => {
    const res = await call(method, url, who, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  /** Switches off `who`'s active series with `withPersonId`: a pair has one active series at a time. */
  const retirePair = async (who: string, withPersonId: string) => {
    const { items } = (await ok('GET', '/api/one-on-ones/series', who)) as {
      items: { id: string; active: boolean; manager: { id: string }; report: { id: string } }[];
    };
    for (const s of items)
      if (s.active && (s.manager.id === withPersonId || s.report.id === withPersonId))
        await ok('PATCH', `/api/one-on-ones/series/${s.id}`, who, { active: false });
  };
  /** A series and its meetings, earliest first (the pair's earlier series, if any, switched off first). */
  const makeSeries = async (who: string, withPersonId: string, firstAt = at(0)) => {
    await retirePair(who, withPersonId);
    const s = await ok('POST', '/api/one-on-ones/series', who, { withPersonId, firstAt });
    const all = await ok('GET', `/api/one-on-ones/series/${s.id}?limit=100&offset=0`, who);
    return { id: s.id as string, meetings: (all.meetings as { id: string }[]).map((m) => m.id).reverse() };
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    cast = await makeCast(ctx);
    const people: Record<string, TestPerson> = {
      admin: cast.admin,
      grandManager: cast.grandManager,
      manager: cast.manager,
      self: cast.subject,
      directReport: cast.directReport,
      colleague: cast.colleague,
      outsider: cast.outsider,
    };
    for (const [k, p] of Object.entries(people)) cookie[k] = await loginAs(ctx, p.email);
  });
  afterAll(() => ctx?.close());

  describe('POST /api/one-on-ones/series', () => {
    it('401 → 400 (each field named) → 201', async () => {
      expect((await call('POST', '/api/one-on-ones/series', undefined, {})).statusCode).toBe(401);

      const past = await call('POST', '/api/one-on-ones/series', 'manager', {
        withPersonId: cast.subject.id,
        firstAt: new Date(Date.now() - DAY).toISOString(),
      });
      expect(past.statusCode).toBe(400);
      expect(past.json()).toEqual({
        error: 'in_past',
        message: '« Premier rendez-vous » doit être dans le futur.',
        issues: [
          { field: 'firstAt', code: 'in_past', message: '« Premier rendez-vous » doit être dans le futur.' },
        ],
      });

      for (const [durationMinutes, code, message] of [
        [14, 'too_small', '« Durée (minutes) » doit être au moins 15.'],
        [121, 'too_big', '« Durée (minutes) » doit être au plus 120.'],
      ] as const) {
        const res = await call('POST', '/api/one-on-ones/series', 'manager', {
          withPersonId: cast.subject.id,
          firstAt: at(0),
          durationMinutes,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().issues).toEqual([{ field: 'durationMinutes', code, message }]);
      }

      // Not a direct line: a colleague, the manager's manager seen from the report, someone of another organisation.
      for (const [who, other] of [
        ['colleague', cast.subject.id],
        ['self', cast.grandManager.id],
        ['manager', cast.outsider.id],
        ['manager', 'no-such-person'],
      ] as const) {
        const res = await call('POST', '/api/one-on-ones/series', who, {
          withPersonId: other,
          firstAt: at(0),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().issues).toEqual([
          {
            field: 'withPersonId',
            code: 'not_a_pair',
            message:
              "« Avec » : un tête-à-tête réunit un manager et l'un de ses collaborateurs directs. Choisissez votre manager ou l'une des personnes de votre équipe.",
          },
        ]);
      }

      // Either side may set it up; the roles follow the hierarchy.
      const res = await call('POST', '/api/one-on-ones/series', 'directReport', {
        withPersonId: cast.subject.id,
        firstAt: at(0),
        cadenceWeeks: 2,
        durationMinutes: 30,
        location: 'Bureau 3',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.manager).toEqual({ id: cast.subject.id, name: 'Sophie Sujet' });
      expect(body.report).toEqual({ id: cast.directReport.id, name: cast.directReport.name });
      expect(body).toMatchObject({
        cadenceWeeks: 2,
        durationMinutes: 30,
        location: 'Bureau 3',
        active: true,
      });
      expect(body.permissions).toEqual({ update: true });
      // Materialised ahead: at least 8 future occurrences, two weeks apart, same time of day.
      expect(body.meetings.length).toBe(8);
      const times = (body.meetings as { plannedAt: string }[]).map((m) => Date.parse(m.plannedAt)).reverse();
      expect(times[0]).toBe(Date.parse(at(0)));
      for (let i = 1; i < times.length; i++) {
        const gap = (times[i]! - times[i - 1]!) / DAY;
        expect(Math.abs(gap - 14)).toBeLessThanOrEqual(1 / 24); // an hour at most, across a DST change
      }
      expect(body.nextMeeting.plannedAt).toBe(at(0));
    });
  });

  describe('one active series per pair', () => {
    const exists = (name: string) =>
      `Un tête-à-tête régulier avec ${name} est déjà en place : il n'y en a qu'un par binôme. Ouvrez-le pour en changer la durée ou le lieu, ou désactivez-le avant d'en planifier un nouveau.`;
    const pairRows = () =>
      ctx.deps.database.db
        .selectFrom('oo_series')
        .select(['id', 'active'])
        .where('manager_id', '=', cast.manager.id)
        .where('report_id', '=', cast.subject.id)
        .execute();

    it('a second active series for the same pair → 409 with a translated message; the first is intact', async () => {
      const first = await makeSeries('manager', cast.subject.id);
      const detail = () => ok('GET', `/api/one-on-ones/series/${first.id}?limit=100&offset=0`, 'manager');
      const before = await detail();
      const rowsBefore = await pairRows();

      const again = await call('POST', '/api/one-on-ones/series', 'manager', {
        withPersonId: cast.subject.id,
        firstAt: at(3),
        durationMinutes: 30,
        location: 'Autre salle',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({
        error: 'series_exists',
        message: exists('Sophie Sujet'),
        issues: [{ field: 'withPersonId', code: 'series_exists', message: exists('Sophie Sujet') }],
      });

      // From the report's side, in English: the same rule, naming the manager.
      await setLocale(ctx, cast.subject.id, 'en');
      try {
        const en = await call('POST', '/api/one-on-ones/series', 'self', {
          withPersonId: cast.manager.id,
          firstAt: at(4),
        });
        expect(en.statusCode).toBe(409);
        const message =
          'A recurring one-to-one with Marc Manager is already in place: there is only one per pair. Open it to change its duration or place, or switch it off before planning a new one.';
        expect(en.json()).toEqual({
          error: 'series_exists',
          message,
          issues: [{ field: 'withPersonId', code: 'series_exists', message }],
        });
      } finally {
        await setLocale(ctx, cast.subject.id, 'fr');
      }

      // Nothing written: same series rows, and the first series unchanged, meetings included.
      expect(await pairRows()).toEqual(rowsBefore);
      expect(await detail()).toEqual(before);
      expect(before).toMatchObject({ active: true, durationMinutes: 45, location: '' });
    });

    it('switching an old series back on while another is active → 409; two concurrent creations → one 201, one 409', async () => {
      const old = await makeSeries('manager', cast.subject.id);
      const current = await makeSeries('manager', cast.subject.id);
      const currentBefore = await ok('GET', `/api/one-on-ones/series/${current.id}`, 'manager');
      const on = await call('PATCH', `/api/one-on-ones/series/${old.id}`, 'self', { active: true });
      expect(on.statusCode).toBe(409);
      expect(on.json()).toEqual({ error: 'series_exists', message: exists('Marc Manager') });
      expect((await ok('GET', `/api/one-on-ones/series/${old.id}`, 'manager')).active).toBe(false);
      expect(await ok('GET', `/api/one-on-ones/series/${current.id}`, 'manager')).toEqual(currentBefore);

      await retirePair('manager', cast.subject.id);
      const both = await Promise.all([
        call('POST', '/api/one-on-ones/series', 'manager', { withPersonId: cast.subject.id, firstAt: at(1) }),
        call('POST', '/api/one-on-ones/series', 'self', { withPersonId: cast.manager.id, firstAt: at(2) }),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect((await pairRows()).filter((r) => Number(r.active) === 1)).toHaveLength(1);
    });
  });

  describe('carry-over of actions across three meetings', () => {
    it('open actions follow every meeting until done; overdue ones are flagged; recognition suggests done ones', async () => {
      const { meetings } = await makeSeries('manager', cast.subject.id);
      const [m1, m2, m3] = meetings as [string, string, string];

      const a = await ok('POST', `/api/one-on-ones/meetings/${m1}/actions`, 'manager', {
        title: 'Rappeler le client Dubois',
        ownerId: cast.subject.id,
        dueOn: '2020-01-31',
        kind: 'report_plan',
      });
      expect(a).toMatchObject({ done: false, overdue: true, dueOn: '2020-01-31', originMeetingId: m1 });
      expect(a.owner).toEqual({ id: cast.subject.id, name: 'Sophie Sujet' });
      const b = await ok('POST', `/api/one-on-ones/meetings/${m1}/actions`, 'self', {
        title: 'Envoyer le devis',
        ownerId: cast.manager.id,
        kind: 'next_step',
      });
      // An action belongs to one of the two participants.
      const stranger = await call('POST', `/api/one-on-ones/meetings/${m1}/actions`, 'manager', {
        title: 'X',
        ownerId: cast.colleague.id,
      });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().issues[0]).toMatchObject({ field: 'ownerId', code: 'not_participant' });
      await ok('POST', `/api/one-on-ones/meetings/${m1}/close`, 'manager', {});

      const d2 = await ok('GET', `/api/one-on-ones/meetings/${m2}`, 'self');
      expect(d2.actions.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
      expect(d2.actions[0]).toMatchObject({ overdue: true, originPlannedAt: expect.any(String) });
      expect(d2.recognitionSuggestions).toEqual([]);

      // Done during the second meeting (its origin meeting is closed: still allowed).
      const doneB = await ok('PATCH', `/api/one-on-ones/actions/${b.id}`, 'manager', { done: true });
      expect(doneB).toMatchObject({ done: true, overdue: false });
      const c = await ok('POST', `/api/one-on-ones/meetings/${m2}/actions`, 'manager', {
        title: 'Point sur le salon',
        ownerId: cast.manager.id,
        kind: 'next_step',
        dueOn: '2099-12-31',
      });
      const d2b = await ok('GET', `/api/one-on-ones/meetings/${m2}`, 'manager');
      expect(d2b.recognitionSuggestions.map((x: { id: string }) => x.id)).toEqual([b.id]);
      expect(d2b.actions.map((x: { id: string }) => x.id)).toEqual([a.id, b.id, c.id]);
      await ok('POST', `/api/one-on-ones/meetings/${m2}/close`, 'self', {});

      const d3 = await ok('GET', `/api/one-on-ones/meetings/${m3}`, 'manager');
      expect(d3.actions.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue])).toEqual([
        [a.id, true],
        [c.id, false],
      ]);
      // The first meeting still shows what was open when it closed.
      const d1 = await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'manager');
      expect(d1.actions.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);

      // Series summary counts the open ones.
      const list = await ok('GET', '/api/one-on-ones/series', 'self');
      const mine = list.items.find((s: { nextMeeting: { id: string } | null }) => s.nextMeeting?.id === m3);
      expect(mine.openActions).toBe(2);

      // Closing without a next step asks for confirmation first.
      const refused = await call('POST', `/api/one-on-ones/meetings/${m3}/close`, 'manager', {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        error: 'next_step_missing',
        message:
          'Aucune prochaine étape n’a été notée. Ajoutez-en une, ou confirmez que vous clôturez sans prochaine étape.'.replace(
            '’',
            "'",
          ),
      });
      const closed = await ok('POST', `/api/one-on-ones/meetings/${m3}/close`, 'manager', {
        confirmWithoutNextStep: true,
      });
      expect(closed).toMatchObject({
        status: 'held',
        permissions: { edit: false, move: false, cancel: false, run: false },
      });
      expect(closed.closedAt).toEqual(expect.any(String));

      // A closed meeting cannot be edited; nothing is written.
      const late = await call('POST', `/api/one-on-ones/meetings/${m3}/topics`, 'self', { title: 'Oubli' });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toEqual({
        error: 'meeting_closed',
        message:
          "Ce tête-à-tête est clos ou annulé : il ne peut plus être modifié. Vos saisies n'ont pas été enregistrées ; reportez-les sur le prochain tête-à-tête.",
      });
      for (const [method, url, payload] of [
        ['PUT', `/api/one-on-ones/meetings/${m3}/notes/2`, { body: 'x' }],
        ['PUT', `/api/one-on-ones/meetings/${m3}/mood`, { personal: 3, professional: 3 }],
        ['POST', `/api/one-on-ones/meetings/${m3}/move`, { scheduledAt: at(30), reason: 'x' }],
        ['POST', `/api/one-on-ones/meetings/${m3}/close`, { confirmWithoutNextStep: true }],
      ] as const)
        expect((await call(method, url, 'manager', payload)).json().error).toBe('meeting_closed');
      expect((await ok('GET', `/api/one-on-ones/meetings/${m3}`, 'self')).topics).toEqual([]);
      // …but a carried-over action can still be ticked off from a later meeting.
      const doneA = await ok('PATCH', `/api/one-on-ones/actions/${a.id}`, 'self', { done: true });
      expect(doneA.done).toBe(true);
    });
  });

  describe('GET /api/one-on-ones/meetings/:id and the agenda', () => {
    it('401 → 404 → 200; report topics first; steps and talk time recorded', async () => {
      const { meetings } = await makeSeries('manager', cast.subject.id);
      const m = meetings[0]!;
      expect((await call('GET', `/api/one-on-ones/meetings/${m}`)).statusCode).toBe(401);
      expect((await call('GET', `/api/one-on-ones/meetings/nope`, 'manager')).statusCode).toBe(404);
      for (const who of ['colleague', 'grandManager', 'admin', 'directReport', 'outsider']) {
        const res = await call('GET', `/api/one-on-ones/meetings/${m}`, who);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: 'not_found', message: 'Introuvable.' });
      }

      const empty = await call('POST', `/api/one-on-ones/meetings/${m}/topics`, 'self', { title: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().issues).toEqual([
        { field: 'title', code: 'required', message: '« Intitulé » est obligatoire.' },
      ]);
      expect(
        (await call('POST', `/api/one-on-ones/meetings/${m}/topics`, 'colleague', { title: 'A' })).statusCode,
      ).toBe(404);
      const t1 = await ok('POST', `/api/one-on-ones/meetings/${m}/topics`, 'manager', {
        title: 'Budget 2027',
      });
      const t2 = await ok('POST', `/api/one-on-ones/meetings/${m}/topics`, 'self', {
        title: 'Mon déménagement',
        kind: 'personal',
      });
      expect(t2).toMatchObject({
        byReport: true,
        kind: 'personal',
        done: false,
        author: { id: cast.subject.id },
      });
      await ok('PATCH', `/api/one-on-ones/topics/${t1.id}`, 'self', { done: true });

      await ok('PUT', `/api/one-on-ones/meetings/${m}/mood`, 'self', { personal: 2, professional: 4 });
      await ok('PUT', `/api/one-on-ones/meetings/${m}/notes/1`, 'manager', { body: 'Semaine chargée' });
      const badMood = await call('PUT', `/api/one-on-ones/meetings/${m}/mood`, 'self', {
        personal: 6,
        professional: 4,
      });
      expect(badMood.json().issues[0]).toMatchObject({ field: 'personal', code: 'too_big' });

      await ok('POST', `/api/one-on-ones/meetings/${m}/steps`, 'manager', { step: 1, event: 'enter' });
      await ok('POST', `/api/one-on-ones/meetings/${m}/steps`, 'manager', { step: 2, event: 'skip' });
      await ok('POST', `/api/one-on-ones/meetings/${m}/talk`, 'self', { speaker: 'report' });
      await new Promise((r) => setTimeout(r, 60));
      await ok('POST', `/api/one-on-ones/meetings/${m}/talk`, 'manager', { speaker: 'manager' });
      await ok('POST', `/api/one-on-ones/meetings/${m}/steps`, 'self', { step: 3, event: 'enter' });
      const d = await ok('POST', `/api/one-on-ones/meetings/${m}/talk`, 'manager', { speaker: null });

      expect(d.status).toBe('in_progress');
      expect(d.startedAt).toEqual(expect.any(String));
      expect(d.currentStep).toBe(3);
      expect(d.stepLog.map((e: { step: number; event: string }) => [e.step, e.event])).toEqual([
        [1, 'enter'],
        [2, 'skip'],
        [3, 'enter'],
      ]);
      expect(d.talkTime.speaking).toBeNull();
      expect(d.talkTime.reportMs).toBeGreaterThanOrEqual(50);
      expect(d.talkTime.managerMs).toBeGreaterThanOrEqual(0);
      expect(d.topics.map((t: { id: string }) => t.id)).toEqual([t2.id, t1.id]);
      expect(d.topics[1].done).toBe(true);
      expect(d.notes).toEqual({ '1': 'Semaine chargée' });
      expect(d.moods).toEqual({ manager: null, report: { personal: 2, professional: 4 } });
      expect(d.myRole).toBe('manager');
      expect(d.permissions).toEqual({ edit: true, move: false, cancel: false, run: true });

      // Started meetings are no longer moved or cancelled.
      const move = await call('POST', `/api/one-on-ones/meetings/${m}/move`, 'manager', {
        scheduledAt: at(2),
        reason: 'Imprévu',
      });
      expect(move.statusCode).toBe(409);
      expect(move.json().error).toBe('meeting_started');

      await ok('DELETE', `/api/one-on-ones/topics/${t1.id}`, 'manager');
      expect((await ok('GET', `/api/one-on-ones/meetings/${m}`, 'self')).topics.length).toBe(1);
    });
  });

  // An opened meeting is kept as bytes until its series changes (meeting.cache.ts): every kind of change shows at once.
  describe('an opened meeting is never served stale', () => {
    it('private note, topic, action done in another occurrence, series settings, rating and names show on the next open', async () => {
      const { id: seriesId, meetings } = await makeSeries('manager', cast.subject.id);
      const [m1, m2] = meetings as [string, string];
      /** Opened three times: the first read learns the series, the second stores, the third is served stored. */
      const open = async (m: string, who: string) => {
        await ok('GET', `/api/one-on-ones/meetings/${m}`, who);
        await ok('GET', `/api/one-on-ones/meetings/${m}`, who);
        return ok('GET', `/api/one-on-ones/meetings/${m}`, who);
      };
      for (const who of ['manager', 'self']) expect((await open(m1, who)).myPrivateNote).toBe('');
      await ok('PUT', `/api/one-on-ones/meetings/${m1}/private-note`, 'manager', { body: 'Penser au bilan' });
      expect((await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'manager')).myPrivateNote).toBe(
        'Penser au bilan',
      );
      expect((await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'self')).myPrivateNote).toBe('');

      await ok('POST', `/api/one-on-ones/meetings/${m1}/topics`, 'self', {
        title: 'Mon planning',
        kind: 'personal',
      });
      expect(
        (await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'manager')).topics.map(
          (t: { title: string }) => t.title,
        ),
      ).toEqual(['Mon planning']);

      const action = await ok('POST', `/api/one-on-ones/meetings/${m1}/actions`, 'manager', {
        title: 'Relire la proposition',
        ownerId: cast.subject.id,
        kind: 'report_plan',
      });
      const carried = await open(m2, 'self');
      expect(carried.actions.map((a: { id: string; done: boolean }) => [a.id, a.done])).toEqual([
        [action.id, false],
      ]);
      await ok('PATCH', `/api/one-on-ones/actions/${action.id}`, 'self', { done: true });
      // Done today, it belongs to the current occurrence (m1): m2 no longer carries it.
      const after = await ok('GET', `/api/one-on-ones/meetings/${m2}`, 'self');
      expect(after.actions).toEqual([]);

      await open(m1, 'self');
      await ok('PATCH', `/api/one-on-ones/series/${seriesId}`, 'manager', { location: 'Salle Rhône' });
      expect((await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'self')).series.location).toBe(
        'Salle Rhône',
      );

      await ok('POST', `/api/one-on-ones/meetings/${m1}/close`, 'manager', { confirmWithoutNextStep: true });
      expect((await open(m1, 'self')).canRate).toBe(true);
      await ok('POST', `/api/one-on-ones/meetings/${m1}/rating`, 'self', {
        structured: 4,
        useful: 4,
        couldSpeak: 5,
      });
      expect((await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'self')).canRate).toBe(false);

      expect((await open(m1, 'manager')).series.report.name).toBe('Sophie Sujet');
      await ok('PATCH', `/api/people/${cast.subject.id}`, 'admin', { lastName: 'Sujet-Martin' });
      try {
        expect((await ok('GET', `/api/one-on-ones/meetings/${m1}`, 'manager')).series.report.name).toBe(
          'Sophie Sujet-Martin',
        );
      } finally {
        await ok('PATCH', `/api/people/${cast.subject.id}`, 'admin', { lastName: 'Sujet' });
      }
    });

    it('a meeting in progress is read afresh each time (talk time runs)', async () => {
      const { meetings } = await makeSeries('manager', cast.subject.id);
      const m = meetings[0]!;
      await ok('POST', `/api/one-on-ones/meetings/${m}/talk`, 'manager', { speaker: 'report' });
      const first = await ok('GET', `/api/one-on-ones/meetings/${m}`, 'manager');
      await ok('GET', `/api/one-on-ones/meetings/${m}`, 'manager');
      await new Promise((r) => setTimeout(r, 30));
      const later = await ok('GET', `/api/one-on-ones/meetings/${m}`, 'manager');
      expect(first.status).toBe('in_progress');
      expect(later.talkTime.reportMs).toBeGreaterThan(first.talkTime.reportMs);
    });
  });

  describe('moving and cancelling', () => {
    it('ask for a reason, show it, and count in the cadence of the series, the manager and the hierarchy', async () => {
      // Colleague is another direct report of the manager: a second pair.
      const s2 = await makeSeries('colleague', cast.manager.id);
      const [c1, c2, c3] = s2.meetings as [string, string, string];

      const noReason = await call('POST', `/api/one-on-ones/meetings/${c1}/move`, 'manager', {
        scheduledAt: at(1),
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().issues).toEqual([
        { field: 'reason', code: 'required', message: '« Motif » est obligatoire.' },
      ]);
      const emptyCancel = await call('POST', `/api/one-on-ones/meetings/${c2}/cancel`, 'manager', {
        reason: '',
      });
      expect(emptyCancel.json().issues[0]).toMatchObject({ field: 'reason', code: 'required' });

      const moved = await ok('POST', `/api/one-on-ones/meetings/${c1}/move`, 'manager', {
        scheduledAt: at(1),
        reason: 'Déplacement client à Lyon',
      });
      expect(moved).toMatchObject({
        moved: true,
        moveReason: 'Déplacement client à Lyon',
        scheduledAt: at(1),
        plannedAt: at(0),
      });
      const cancelled = await ok('POST', `/api/one-on-ones/meetings/${c2}/cancel`, 'colleague', {
        reason: 'Congés',
      });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Congés' });
      expect(
        (
          await call('POST', `/api/one-on-ones/meetings/${c2}/cancel`, 'colleague', { reason: 'Encore' })
        ).json().error,
      ).toBe('meeting_closed');
      await ok('POST', `/api/one-on-ones/meetings/${c1}/close`, 'manager', { confirmWithoutNextStep: true });
      await ok('POST', `/api/one-on-ones/meetings/${c3}/close`, 'manager', { confirmWithoutNextStep: true });

      const detail = await ok('GET', `/api/one-on-ones/series/${s2.id}`, 'colleague');
      expect(detail.cadence).toEqual({
        due: 3,
        heldOnPlannedDate: 1,
        heldAfterMove: 1,
        moved: 1,
        cancelled: 1,
        keptRate: 0.333,
        averageIntervalDays: 13,
      });
      const summaries = detail.meetings.filter((m: { id: string }) => m.id === c1 || m.id === c2);
      expect(
        summaries.map((m: { moveReason: string | null; cancelReason: string | null }) => [
          m.moveReason,
          m.cancelReason,
        ]),
      ).toEqual([
        [null, 'Congés'],
        ['Déplacement client à Lyon', null],
      ]);

      const mine = await ok('GET', `/api/one-on-ones/cadence?managerId=${cast.manager.id}`, 'grandManager');
      expect(mine).toMatchObject({ moved: 1, cancelled: 1, heldAfterMove: 1 });
      expect(await ok('GET', `/api/one-on-ones/cadence?managerId=${cast.manager.id}`, 'admin')).toEqual(mine);
      expect(
        (await call('GET', `/api/one-on-ones/cadence?managerId=${cast.manager.id}`, 'colleague')).statusCode,
      ).toBe(404);
      expect(
        (await call('GET', `/api/one-on-ones/cadence?managerId=${cast.manager.id}`, 'self')).statusCode,
      ).toBe(404);

      const report = await call(
        'GET',
        `/api/people/${cast.grandManager.id}/one-on-one-cadence`,
        'grandManager',
      );
      expect(report.statusCode).toBe(200);
      const items = report.json().items as { managerId: string; managerName: string }[];
      expect(items.map((i) => i.managerName)).toEqual(['Gaelle Directrice', 'Marc Manager', 'Sophie Sujet']);
      expect(items.find((i) => i.managerId === cast.manager.id)).toEqual({
        managerId: cast.manager.id,
        managerName: 'Marc Manager',
        cadence: mine,
      });
      // Numbers only: no reason, title or note reaches the hierarchy.
      expect(report.body).not.toContain('Congés');
      expect(report.body).not.toContain('Lyon');
      expect(
        (await call('GET', `/api/people/${cast.grandManager.id}/one-on-one-cadence`, 'manager')).statusCode,
      ).toBe(404);
    });
  });

  describe('ratings', () => {
    it('only the report rates a held meeting, once; averages hidden below k, exact from k raters', async () => {
      const org = await call('PATCH', '/api/organisation', 'admin', { kThreshold: 3 });
      expect(org.statusCode).toBe(200);
      const boss = await makePerson(ctx, cast.orgId, { firstName: 'Rita', lastName: 'Responsable' });
      cookie.boss = await loginAs(ctx, boss.email);
      const scores = [
        { structured: 5, useful: 4, couldSpeak: 3 },
        { structured: 4, useful: 4, couldSpeak: 4 },
        { structured: 3, useful: 2, couldSpeak: 5 },
      ];
      const summary = async () => ok('GET', '/api/one-on-ones/ratings/summary', 'boss');
      expect(await summary()).toEqual({ raters: 0, k: 3, averages: null });
      // Averages only cover finished months: this moves what was rated this month into a past month.
      const db = ctx.deps.database.db;
      const thisMonth = new Date().toISOString().slice(0, 7);
      const monthEnds = async () => {
        await db
          .updateTable('oo_rating_marker')
          .set({ month: '2000-01' })
          .where('month', '=', thisMonth)
          .execute();
        const cur = await db.selectFrom('oo_rating').selectAll().where('month', '=', thisMonth).execute();
        for (const r of cur) {
          await db
            .deleteFrom('oo_rating')
            .where('manager_id', '=', r.manager_id)
            .where('month', '=', thisMonth)
            .execute();
          const past = await db
            .selectFrom('oo_rating')
            .selectAll()
            .where('manager_id', '=', r.manager_id)
            .where('month', '=', '2000-01')
            .executeTakeFirst();
          if (past) {
            await db
              .updateTable('oo_rating')
              .set({
                answers: Number(past.answers) + Number(r.answers),
                structured: Number(past.structured) + Number(r.structured),
                useful: Number(past.useful) + Number(r.useful),
                could_speak: Number(past.could_speak) + Number(r.could_speak),
              })
              .where('manager_id', '=', r.manager_id)
              .where('month', '=', '2000-01')
              .execute();
          } else
            await db
              .insertInto('oo_rating')
              .values({ ...r, month: '2000-01' })
              .execute();
        }
      };

      for (const [i, score] of scores.entries()) {
        const r = await makePerson(ctx, cast.orgId, { firstName: `R${i}`, managerId: boss.id });
        cookie[`r${i}`] = await loginAs(ctx, r.email);
        const { meetings } = await makeSeries('boss', r.id);
        const [held, later] = meetings as [string, string];
        const notHeld = await call('POST', `/api/one-on-ones/meetings/${held}/rating`, `r${i}`, score);
        expect(notHeld.statusCode).toBe(409);
        expect(notHeld.json().error).toBe('meeting_not_held');
        await ok('POST', `/api/one-on-ones/meetings/${held}/close`, 'boss', { confirmWithoutNextStep: true });
        expect((await ok('GET', `/api/one-on-ones/meetings/${held}`, `r${i}`)).canRate).toBe(true);
        expect((await ok('GET', `/api/one-on-ones/meetings/${held}`, 'boss')).canRate).toBe(false);
        expect(
          (await call('POST', `/api/one-on-ones/meetings/${held}/rating`, 'boss', score)).statusCode,
        ).toBe(403);
        expect(
          (await call('POST', `/api/one-on-ones/meetings/${held}/rating`, 'colleague', score)).statusCode,
        ).toBe(404);
        const bad = await call('POST', `/api/one-on-ones/meetings/${held}/rating`, `r${i}`, {
          ...score,
          useful: 0,
        });
        expect(bad.json().issues[0]).toMatchObject({ field: 'useful', code: 'too_small' });
        expect(
          (await call('POST', `/api/one-on-ones/meetings/${held}/rating`, `r${i}`, score)).statusCode,
        ).toBe(201);
        const twice = await call('POST', `/api/one-on-ones/meetings/${held}/rating`, `r${i}`, score);
        expect(twice.statusCode).toBe(409);
        expect(twice.json()).toEqual({
          error: 'already_rated',
          message: 'Vous avez déjà évalué ce tête-à-tête.',
        });
        expect((await ok('GET', `/api/one-on-ones/meetings/${held}`, `r${i}`)).canRate).toBe(false);
        if (i === 0) {
          // A second meeting rated by the same person does not make a second rater.
          await ok('POST', `/api/one-on-ones/meetings/${later}/close`, 'boss', {
            confirmWithoutNextStep: true,
          });
          await ok('POST', `/api/one-on-ones/meetings/${later}/rating`, 'r0', score);
          // Rated this month: not counted before the month is over.
          expect(await summary()).toEqual({ raters: 0, k: 3, averages: null });
          await monthEnds();
          expect(await summary()).toEqual({ raters: 1, k: 3, averages: null });
        }
        await monthEnds();
        if (i === 1) expect(await summary()).toEqual({ raters: 2, k: 3, averages: null });
      }
      // Four scores: (5,4,3) twice, (4,4,4), (3,2,5).
      expect(await summary()).toEqual({
        raters: 3,
        k: 3,
        averages: { structured: 4.25, useful: 3.5, couldSpeak: 3.75 },
      });
      // Nobody else sees these averages: each caller gets their own (here: none).
      expect(await ok('GET', '/api/one-on-ones/ratings/summary', 'grandManager')).toEqual({
        raters: 0,
        k: 3,
        averages: null,
      });
      // The stored scores are monthly sums: no meeting, no rater, no row per answer.
      const row = await ctx.deps.database.db.selectFrom('oo_rating').selectAll().executeTakeFirstOrThrow();
      expect(Object.keys(row).sort()).toEqual([
        'answers',
        'could_speak',
        'manager_id',
        'month',
        'org_id',
        'structured',
        'useful',
      ]);
      expect(row.month).toMatch(/^\d{4}-\d{2}$/);
    });
  });

  describe('private notes', () => {
    it('only their author ever reads them: not the other participant, the hierarchy, an admin, nor an export', async () => {
      const { meetings } = await makeSeries('self', cast.manager.id);
      const m = meetings[0]!;
      const mine = 'Sophie : envie de changer d’équipe';
      const his = 'Marc : inquiet pour le budget';
      expect(
        (await call('PUT', `/api/one-on-ones/meetings/${m}/private-note`, undefined, { body: mine }))
          .statusCode,
      ).toBe(401);
      const tooLong = await call('PUT', `/api/one-on-ones/meetings/${m}/private-note`, 'self', {
        body: 'x'.repeat(20_001),
      });
      expect(tooLong.json().issues[0]).toMatchObject({ field: 'body', code: 'too_long' });
      expect(
        (await call('PUT', `/api/one-on-ones/meetings/${m}/private-note`, 'admin', { body: 'x' })).statusCode,
      ).toBe(404);
      expect(await ok('PUT', `/api/one-on-ones/meetings/${m}/private-note`, 'self', { body: mine })).toEqual({
        body: mine,
      });
      await ok('PUT', `/api/one-on-ones/meetings/${m}/private-note`, 'manager', { body: his });

      const asSelf = await call('GET', `/api/one-on-ones/meetings/${m}`, 'self');
      expect(asSelf.json().myPrivateNote).toBe(mine);
      expect(asSelf.body).not.toContain(his);
      const asManager = await call('GET', `/api/one-on-ones/meetings/${m}`, 'manager');
      expect(asManager.json().myPrivateNote).toBe(his);
      expect(asManager.body).not.toContain(mine);

      const urls = (id: string) => [
        `/api/one-on-ones/meetings/${m}`,
        `/api/one-on-ones/series`,
        `/api/people/${id}/export`,
        `/api/people/${id}/one-on-one-cadence`,
        `/api/one-on-ones/cadence?managerId=${cast.manager.id}`,
        `/api/one-on-ones/ratings/summary`,
      ];
      for (const who of [
        'colleague',
        'directReport',
        'grandManager',
        'admin',
        'outsider',
        'manager',
        'self',
      ]) {
        const ownId =
          who === 'self' ? cast.subject.id : who === 'manager' ? cast.manager.id : cast.subject.id;
        for (const url of urls(ownId)) {
          const res = await call('GET', url, who);
          if (url.endsWith(m)) expect(res.statusCode).toBe(who === 'self' || who === 'manager' ? 200 : 404);
          if (who !== 'self') expect(res.body, `${who} ${url}`).not.toContain(mine);
          if (who !== 'manager') expect(res.body, `${who} ${url}`).not.toContain(his);
        }
      }
      // The other participant's export does not hold it either.
      const exportSelf = await call('GET', `/api/people/${cast.subject.id}/export`, 'self');
      expect(exportSelf.statusCode).toBe(200);
      expect(exportSelf.body).not.toContain(his);
      // …while each author finds their own note in their own export.
      const ownMeeting = (body: { oneOnOnes: { meetings: { myPrivateNote: string | null }[] }[] }) =>
        body.oneOnOnes.flatMap((s) => s.meetings).map((x) => x.myPrivateNote);
      expect(ownMeeting(exportSelf.json())).toContain(mine);
      const exportManager = await call('GET', `/api/people/${cast.manager.id}/export`, 'manager');
      expect(exportManager.statusCode).toBe(200);
      expect(exportManager.body).not.toContain(mine);
      expect(ownMeeting(exportManager.json())).toContain(his);
    });
  });

  describe('PATCH /api/one-on-ones/series/:id', () => {
    it('401 → 400 → 404 → 200; switching off drops untouched future slots', async () => {
      const s = await makeSeries('manager', cast.subject.id);
      expect((await call('PATCH', `/api/one-on-ones/series/${s.id}`, undefined, {})).statusCode).toBe(401);
      const bad = await call('PATCH', `/api/one-on-ones/series/${s.id}`, 'manager', { durationMinutes: 121 });
      expect(bad.json().issues).toEqual([
        { field: 'durationMinutes', code: 'too_big', message: '« Durée (minutes) » doit être au plus 120.' },
      ]);
      expect(
        (await call('PATCH', `/api/one-on-ones/series/${s.id}`, 'grandManager', { location: 'A' }))
          .statusCode,
      ).toBe(404);
      const off = await ok('PATCH', `/api/one-on-ones/series/${s.id}`, 'self', {
        active: false,
        durationMinutes: 60,
      });
      expect(off).toMatchObject({ active: false, durationMinutes: 60, meetings: [], nextMeeting: null });
      const on = await ok('PATCH', `/api/one-on-ones/series/${s.id}`, 'self', { active: true });
      expect(on.nextMeeting.plannedAt).toBe(on.meetings[on.meetings.length - 1].plannedAt);
      expect(on.meetings.length).toBe(8);
    });
  });
});
