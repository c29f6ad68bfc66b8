import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../src/services.ts';
import type { AppDeps } from '../src/http/types.ts';
import type { Mailer, OutgoingMail } from '../src/features/mail/mail.service.ts';
import { upsertReview } from '../src/features/okr/okr.repository.ts';
import { runOkrReminderPass } from '../src/features/okr/okr.reminders.ts';
import {
  OKR_TIME_ZONE,
  addDays,
  periodOf,
  reviewWeeks,
  todayIn,
  weekSlotOf,
  weekdayOf,
} from '../src/features/okr/period.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeCast, setLocale, makeOrg, makePerson, type TestPerson } from './factories.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Who = 'admin' | 'grandManager' | 'manager' | 'self' | 'directReport' | 'colleague' | 'outsider';

const today = () => todayIn(OKR_TIME_ZONE);
const kr = (ownerId: string, over: object = {}) => ({
  metric: 'Commandes livrées sous 48 h',
  unit: '%',
  start: 60,
  target: 90,
  direction: 'increase',
  ownerId,
  confidence: 6,
  ...over,
});

describe.each(DIALECTS)('OKR light on %s', (dialect) => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof makeCast>>;
  const cookie = {} as Record<Who, string>;

  const call = (method: Method, url: string, who?: Who, payload?: object, lang = 'fr') =>
    ctx.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, 'accept-language': lang, ...(who ? { cookie: cookie[who] } : {}) },
      ...(payload ? { payload } : {}),
    });
  const ok = async (method: Method, url: string, who: Who, payload?: object) => {
    const res = await call(method, url, who, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    cast = await makeCast(ctx);
    const people: Record<Who, TestPerson> = {
      admin: cast.admin,
      grandManager: cast.grandManager,
      manager: cast.manager,
      self: cast.subject,
      directReport: cast.directReport,
      colleague: cast.colleague,
      outsider: cast.outsider,
    };
    for (const [k, p] of Object.entries(people)) cookie[k as Who] = await loginAs(ctx, p.email);
  });
  afterAll(() => ctx?.close());

  describe('limits', () => {
    let objectiveId: string;
    const start = addDays(today(), -3);
    const period = periodOf('days90', start);

    it('one active objective per team and period: a second is refused with an explanation', async () => {
      const res = await call('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Clients livrés sous 48 h dans toute la région',
        rules: 'On ne promet pas de délai sans vérifier le stock',
        periodStart: start,
      });
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json();
      objectiveId = o.id;
      expect(o).toMatchObject({
        periodKind: 'days90',
        periodStart: period.start,
        periodEnd: period.end,
        reviewWeekday: 1,
        status: 'active',
        teamManager: { id: cast.subject.id },
        permissions: { edit: true, review: true },
      });
      expect(o.members.map((m: { id: string }) => m.id)).toEqual([cast.subject.id, cast.directReport.id]);

      const second = await call('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Doubler le nombre de rendez-vous',
        periodStart: addDays(start, 20),
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toEqual({
        error: 'okr.objective_exists',
        message: `Cette équipe a déjà un objectif actif sur cette période : « Clients livrés sous 48 h dans toute la région » (du ${period.start} au ${period.end}). Le cap tient en un seul objectif : modifiez celui-ci, ou archivez-le avant d'en écrire un autre.`,
      });
      const en = await call(
        'POST',
        `/api/okr/teams/${cast.subject.id}/objectives`,
        undefined,
        { title: 'x', periodStart: start },
        'en',
      );
      expect(en.statusCode).toBe(401);
    });

    it('at most three key results: a fourth is refused with an explanation, nothing else changes', async () => {
      for (const owner of [cast.subject.id, cast.directReport.id, cast.directReport.id]) {
        const res = await call('POST', `/api/okr/objectives/${objectiveId}/key-results`, 'self', kr(owner));
        expect(res.statusCode, res.body).toBe(201);
      }
      const fourth = await call(
        'POST',
        `/api/okr/objectives/${objectiveId}/key-results`,
        'self',
        kr(cast.subject.id, { metric: 'Taux de réclamation' }),
      );
      expect(fourth.statusCode).toBe(409);
      expect(fourth.json()).toEqual({
        error: 'okr.too_many_key_results',
        message:
          "Un objectif compte au plus 3 résultats clés : au-delà, l'équipe ne sait plus ce qui compte. Retirez-en un avant d'en ajouter un autre.",
      });
      const o = await ok('GET', `/api/okr/objectives/${objectiveId}`, 'self');
      expect(o.keyResults).toHaveLength(3);
      expect(o.keyResults[0]).toMatchObject({ current: null, progress: 0, confidence: 6 });
    });

    it('bad input names the field in a translated message, and nothing saved is lost', async () => {
      const before = await ok('GET', `/api/okr/objectives/${objectiveId}`, 'self');
      const krId = before.keyResults[0].id as string;
      const equal = await call('PATCH', `/api/okr/key-results/${krId}`, 'self', { target: 60 });
      expect(equal.statusCode).toBe(400);
      expect(equal.json().issues).toEqual([
        {
          field: 'target',
          code: 'okr.target_equals_start',
          message:
            "« Cible » : la cible est égale à la valeur de départ, il n'y a donc rien à faire progresser. Choisissez une cible différente, ou le sens « rester au-dessus » / « rester au-dessous » pour un seuil à tenir.",
        },
      ]);
      const confidence = await call('PATCH', `/api/okr/key-results/${krId}`, 'self', { confidence: 11 });
      expect(confidence.statusCode).toBe(400);
      expect(confidence.json().issues).toEqual([
        { field: 'confidence', code: 'too_big', message: '« Confiance » doit être au plus 10.' },
      ]);
      const owner = await call('PATCH', `/api/okr/key-results/${krId}`, 'self', {
        ownerId: cast.colleague.id,
      });
      expect(owner.statusCode).toBe(400);
      expect(owner.json().issues).toEqual([
        {
          field: 'ownerId',
          code: 'okr.owner_not_in_team',
          message:
            "« Responsable » : le porteur d'un résultat clé fait partie de l'équipe, c'est-à-dire le manager ou l'un de ses collaborateurs directs.",
        },
      ]);
      // The same refusal in English for an English speaker.
      await setLocale(ctx, cast.subject.id, 'en');
      const english = await call('PATCH', `/api/okr/key-results/${krId}`, 'self', { start: 90 });
      await setLocale(ctx, cast.subject.id, 'fr');
      expect(english.json().issues[0]).toEqual({
        field: 'target',
        code: 'okr.target_equals_start',
        message:
          '“Target”: the target equals the start value, so there is nothing to move. Choose a different target, or the direction “keep above” / “keep below” for a line to hold.',
      });

      const future = addDays(weekSlotOf(today(), 1), 7);
      const review = await call(
        'PUT',
        `/api/okr/objectives/${objectiveId}/reviews/${future}`,
        'directReport',
        {
          entries: [{ keyResultId: krId, value: 70, confidence: 7 }],
        },
      );
      expect(review.statusCode).toBe(400);
      expect(review.json().issues).toEqual([
        {
          field: 'weekStart',
          code: 'okr.future_week',
          message:
            "« Semaine » : cette semaine n'a pas encore commencé. La revue s'écrit à partir du jour de revue, pendant sept jours.",
        },
      ]);
      const after = await ok('GET', `/api/okr/objectives/${objectiveId}`, 'self');
      const stable = (list: { expected: number }[]) => list.map(({ expected: _, ...k }) => k);
      expect(stable(after.keyResults)).toEqual(stable(before.keyResults));
      expect(after.weeks.filter((w: { state: string }) => w.state === 'done')).toHaveLength(0);
    });

    it('archiving frees the period; reactivating over a newer objective is refused', async () => {
      await ok('PATCH', `/api/okr/objectives/${objectiveId}`, 'self', { status: 'archived' });
      const next = await call('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Un client sur deux recommande l’agence',
        periodStart: start,
      });
      expect(next.statusCode, next.body).toBe(201);
      const back = await call('PATCH', `/api/okr/objectives/${objectiveId}`, 'self', { status: 'active' });
      expect(back.statusCode).toBe(409);
      expect(back.json().error).toBe('okr.objective_exists');
      const closed = await call(
        'POST',
        `/api/okr/objectives/${objectiveId}/key-results`,
        'self',
        kr(cast.subject.id),
      );
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error).toBe('okr.objective_archived');
      await ok('PATCH', `/api/okr/objectives/${next.json().id}`, 'self', { status: 'archived' });
    });
  });

  describe('weekly review and history', () => {
    let objectiveId: string;
    let krIds: string[];
    let weeks: readonly string[];
    const start = addDays(today(), -40);

    beforeAll(async () => {
      const o = await ok('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Neuf devis sur dix envoyés le jour même',
        periodStart: start,
        reviewWeekday: 3,
      });
      objectiveId = o.id;
      await ok('POST', `/api/okr/objectives/${objectiveId}/key-results`, 'self', kr(cast.subject.id));
      const full = await ok(
        'POST',
        `/api/okr/objectives/${objectiveId}/key-results`,
        'self',
        kr(cast.directReport.id, {
          metric: 'Réclamations',
          unit: 'par mois',
          start: 12,
          target: 4,
          direction: 'decrease',
        }),
      );
      krIds = full.keyResults.map((k: { id: string }) => k.id);
      const period = periodOf('days90', start);
      weeks = reviewWeeks(period.start, period.end, 3);
      // Past weeks are written as they were at the time (the API only takes the current week): all but the second.
      const past = weeks.filter((w) => addDays(w, 7) <= today());
      expect(past.length).toBeGreaterThanOrEqual(4);
      for (const [i, w] of past.entries()) {
        if (i === 1) continue;
        await upsertReview(ctx.deps.database.db, {
          objective_id: objectiveId,
          week_start: w,
          org_id: cast.orgId,
          entries: JSON.stringify([
            { k: krIds[0], v: 60 + i * 3, c: 6, b: '' },
            { k: krIds[1], v: 12 - i, c: 5, b: i === 2 ? 'Transporteur en grève' : '' },
          ]),
          author_id: cast.directReport.id,
          created_at: `${w}T09:00:00.000Z`,
          updated_at: `${w}T09:10:00.000Z`,
        });
      }
    });

    it('a team member records this week once; a second save edits it; the history marks the missed week', async () => {
      const week = weekSlotOf(today(), 3);
      const url = `/api/okr/objectives/${objectiveId}/reviews/${week}`;
      const first = await call('PUT', url, 'directReport', {
        entries: [
          { keyResultId: krIds[0], value: 72, confidence: 7, blockers: '' },
          { keyResultId: krIds[1], value: 8, confidence: 4, blockers: 'Deux retards chez le transporteur' },
        ],
      });
      expect(first.statusCode, first.body).toBe(200);
      const edited = await ok('PUT', url, 'self', {
        entries: [
          { keyResultId: krIds[0], value: 75, confidence: 8 },
          { keyResultId: krIds[1], value: 8, confidence: 4, blockers: 'Deux retards chez le transporteur' },
        ],
      });
      const states = edited.weeks.map((w: { state: string }) => w.state);
      const past = weeks.filter((w) => addDays(w, 7) <= today()).length;
      expect(states.slice(0, past)).toEqual(['done', 'missed', ...Array(past - 2).fill('done')]);
      expect(states[past]).toBe('done');
      expect(states.slice(past + 1).every((s: string) => s === 'upcoming')).toBe(true);
      expect(edited.weeks).toHaveLength(weeks.length);
      const thisWeek = edited.weeks[past];
      expect(thisWeek).toMatchObject({ weekStart: week, author: { id: cast.subject.id } });
      expect(thisWeek.entries[0]).toEqual({ keyResultId: krIds[0], value: 75, confidence: 8, blockers: '' });
      expect(edited.keyResults[0]).toMatchObject({ current: 75, confidence: 8, progress: 0.5 });
      expect(edited.keyResults[1]).toMatchObject({ current: 8, progress: 0.5 });
      expect(edited.currentWeek).toBe(week);
      const rows = await ctx.deps.database.db
        .selectFrom('okr_review')
        .select('week_start')
        .where('objective_id', '=', objectiveId)
        .execute();
      expect(rows).toHaveLength(past);
    });

    it('refuses a closed week, and a review from outside the team', async () => {
      const past = weeks[0]!;
      const body = { entries: [{ keyResultId: krIds[0], value: 70, confidence: 6 }] };
      const closed = await call(
        'PUT',
        `/api/okr/objectives/${objectiveId}/reviews/${past}`,
        'directReport',
        body,
      );
      expect(closed.statusCode).toBe(400);
      expect(closed.json().issues[0]).toMatchObject({ field: 'weekStart', code: 'okr.week_closed' });
      const week = weekSlotOf(today(), 3);
      const url = `/api/okr/objectives/${objectiveId}/reviews/${week}`;
      expect((await call('PUT', url, 'manager', body)).statusCode).toBe(403);
      expect((await call('PUT', url, 'admin', body)).statusCode).toBe(403);
      expect((await call('PUT', url, 'colleague', body)).statusCode).toBe(404);
      expect((await call('PUT', url, 'outsider', body)).statusCode).toBe(404);
    });

    it('an objective read again and again follows every change: a renamed manager, an archived objective', async () => {
      const url = `/api/okr/objectives/${objectiveId}`;
      const before = await ok('GET', url, 'self');
      expect(before.teamManager).toEqual({ id: cast.subject.id, name: cast.subject.name });
      const lastName = cast.subject.name.split(' ').slice(1).join(' ');
      // A people change: the team and its names are read again.
      await ok('PATCH', `/api/people/${cast.subject.id}`, 'admin', { lastName: 'Renommée' });
      try {
        expect((await ok('GET', url, 'directReport')).teamManager.name).toMatch(/ Renommée$/);
      } finally {
        await ok('PATCH', `/api/people/${cast.subject.id}`, 'admin', { lastName });
      }
      expect((await ok('GET', url, 'self')).teamManager).toEqual(before.teamManager);
      // An OKR write: a review right after archiving is refused, and accepted again once reactivated.
      const week = weekSlotOf(today(), 3);
      // The review the first test left, saved again as it was (the export below reads it).
      const review = {
        entries: [
          { keyResultId: krIds[0], value: 75, confidence: 8 },
          { keyResultId: krIds[1], value: 8, confidence: 4, blockers: 'Deux retards chez le transporteur' },
        ],
      };
      await ok('PUT', `${url}/reviews/${week}`, 'self', review);
      expect((await ok('PATCH', url, 'self', { status: 'archived' })).status).toBe('archived');
      try {
        const refused = await call('PUT', `${url}/reviews/${week}`, 'self', review);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error).toBe('okr.objective_archived');
      } finally {
        expect((await ok('PATCH', url, 'self', { status: 'active' })).status).toBe('active');
      }
      expect((await call('PUT', `${url}/reviews/${week}`, 'self', review)).statusCode).toBe(200);
    });

    it('exports value and confidence per key result per week as CSV, the missed week named', async () => {
      const res = await call('GET', `/api/okr/objectives/${objectiveId}/history.csv`, 'grandManager');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Semaine,État,Commandes livrées sous 48 h (%),Commandes livrées sous 48 h : confiance,Réclamations (par mois),Réclamations : confiance',
      );
      expect(lines[1]).toBe(`${weeks[0]},Faite,60,6,12,5`);
      expect(lines[2]).toBe(`${weeks[1]},Manquée,,,,`);
      expect(lines.at(-1)).toBe(`${weekSlotOf(today(), 3)},Faite,75,8,8,4`);
    });
  });

  describe('alignment and visibility', () => {
    it('links a team objective to the manager’s own team objective, shown up and down to those who may read it', async () => {
      const start = addDays(today(), -1);
      const parent = await ok('POST', `/api/okr/teams/${cast.manager.id}/objectives`, 'manager', {
        title: 'La région sert chaque client sous 48 h',
        periodStart: start,
      });
      const team = await ok('GET', `/api/okr/teams/${cast.subject.id}`, 'self');
      expect(team.parentCandidates.map((c: { id: string }) => c.id)).toEqual([parent.id]);
      const noParent = await call('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Zéro devis oublié',
        periodStart: addDays(start, 200),
        parentObjectiveId: parent.id,
      });
      expect(noParent.statusCode).toBe(400);
      expect(noParent.json().issues[0]).toMatchObject({
        field: 'parentObjectiveId',
        code: 'okr.parent_not_aligned',
      });
      const child = await ok('POST', `/api/okr/teams/${cast.subject.id}/objectives`, 'self', {
        title: 'Zéro devis oublié',
        periodStart: addDays(start, 200),
      });
      const linked = await ok('PATCH', `/api/okr/objectives/${child.id}`, 'self', {
        parentObjectiveId: null,
      });
      expect(linked.parent).toBeNull();
      const own = await ok('GET', `/api/okr/teams/${cast.manager.id}`, 'manager');
      expect(own.current.id).toBe(parent.id);

      const aligned = await ok('POST', `/api/okr/teams/${cast.colleague.id}/objectives`, 'admin').catch(
        () => null,
      );
      expect(aligned).toBeNull();
      // The subject's current-period objective aligns to the parent: the subject sees it up, the manager down.
      const current = await ok('POST', `/api/okr/teams/${cast.directReport.id}/objectives`, 'directReport', {
        title: 'Tous mes clients relancés sous 24 h',
        periodStart: start,
      });
      expect(current.parent).toBeNull();
      const up = await call('PATCH', `/api/okr/objectives/${current.id}`, 'directReport', {
        parentObjectiveId: parent.id,
      });
      // The direct report's manager is the subject: the parent must be the subject's team objective.
      expect(up.statusCode).toBe(400);
    });

    it('an objective read again shows its alignment, key results and reviews as they are now', async () => {
      // An organisation of its own: a lead, a manager under them, and a member of that manager's team.
      const { orgId } = await makeOrg(ctx);
      const lead = await makePerson(ctx, orgId, { firstName: 'Inès', lastName: 'Haut' });
      const mid = await makePerson(ctx, orgId, { firstName: 'Marc', lastName: 'Milieu', managerId: lead.id });
      const low = await makePerson(ctx, orgId, { firstName: 'Léa', lastName: 'Bas', managerId: mid.id });
      const as: Record<string, string> = {};
      for (const p of [lead, mid, low]) as[p.id] = await loginAs(ctx, p.email);
      const send = async (method: Method, url: string, who: TestPerson, payload?: object) => {
        const res = await ctx.app.inject({
          method,
          url,
          headers: { origin: ORIGIN, cookie: as[who.id]! },
          ...(payload ? { payload } : {}),
        });
        return { status: res.statusCode, body: res.body ? res.json() : null };
      };
      const start = addDays(today(), -1);
      const parent = await send('POST', `/api/okr/teams/${lead.id}/objectives`, lead, {
        title: 'La région sert chaque client sous 48 h',
        periodStart: start,
      });
      expect(parent.status).toBe(201);
      const parentUrl = `/api/okr/objectives/${parent.body.id}`;
      // Read (and kept) before anything aligns with it.
      expect((await send('GET', parentUrl, lead)).body.children).toEqual([]);

      const child = await send('POST', `/api/okr/teams/${mid.id}/objectives`, mid, {
        title: 'Zéro devis oublié',
        periodStart: start,
        parentObjectiveId: parent.body.id,
        reviewWeekday: weekdayOf(today()),
      });
      expect(child.status, JSON.stringify(child.body)).toBe(201);
      expect(child.body.parent).toMatchObject({
        id: parent.body.id,
        title: 'La région sert chaque client sous 48 h',
      });
      const childUrl = `/api/okr/objectives/${child.body.id}`;
      const childRef = {
        id: child.body.id,
        title: 'Zéro devis oublié',
        teamManager: { id: mid.id, name: 'Marc Milieu' },
      };
      expect((await send('GET', parentUrl, lead)).body.children).toEqual([expect.objectContaining(childRef)]);

      // Renamed on either side: the other side shows the new title on its next read.
      expect((await send('PATCH', childUrl, mid, { title: 'Aucun devis oublié' })).status).toBe(200);
      expect((await send('GET', parentUrl, lead)).body.children[0].title).toBe('Aucun devis oublié');
      expect((await send('PATCH', parentUrl, lead, { title: 'Chaque client servi sous 48 h' })).status).toBe(
        200,
      );
      expect((await send('GET', childUrl, mid)).body.parent.title).toBe('Chaque client servi sous 48 h');
      // The team's member reads the child, not the parent: another team, above their own manager.
      const asLow = await send('GET', childUrl, low);
      expect(asLow.status).toBe(200);
      expect(asLow.body.parent).toBeNull();
      expect((await send('GET', parentUrl, low)).status).toBe(404);

      // A key result added after the objective was read is reviewable at once; a removed one is refused.
      const week = weekSlotOf(today(), weekdayOf(today()));
      const first = await send('POST', `${childUrl}/key-results`, mid, kr(low.id));
      expect(first.status).toBe(201);
      const [k1] = first.body.keyResults.map((k: { id: string }) => k.id);
      const entry = (keyResultId: string, value: number) => ({ keyResultId, value, confidence: 7 });
      const reviewed = await send('PUT', `${childUrl}/reviews/${week}`, low, { entries: [entry(k1, 70)] });
      expect(reviewed.status).toBe(200);
      const second = await send('POST', `${childUrl}/key-results`, mid, kr(mid.id, { metric: 'Relances' }));
      const k2 = second.body.keyResults[1].id;
      const both = await send('PUT', `${childUrl}/reviews/${week}`, low, {
        entries: [entry(k1, 72), entry(k2, 80)],
      });
      expect(both.status).toBe(200);
      expect(both.body.keyResults.map((k: { current: number }) => k.current)).toEqual([72, 80]);
      expect(both.body.weeks.find((w: { weekStart: string }) => w.weekStart === week).entries).toHaveLength(
        2,
      );
      expect((await send('DELETE', `/api/okr/key-results/${k2}`, mid)).status).toBe(204);
      const gone = await send('PUT', `${childUrl}/reviews/${week}`, low, {
        entries: [entry(k1, 74), entry(k2, 81)],
      });
      expect(gone.status).toBe(400);
      expect(gone.body.issues[0]).toMatchObject({
        field: 'entries.1.keyResultId',
        code: 'okr.unknown_key_result',
      });
      // Nothing saved was lost by the refusal, and the parent's reader sees the same child.
      const after = await send('GET', childUrl, mid);
      expect(after.body.keyResults.map((k: { current: number }) => k.current)).toEqual([72]);
      expect((await send('GET', parentUrl, lead)).body.children).toHaveLength(1);
    });

    it('the team, its manager chain and admin read; everyone else gets 404; only the manager writes', async () => {
      const team = await ok('GET', `/api/okr/teams/${cast.subject.id}`, 'self');
      const id = team.objectives[0].id as string;
      for (const who of ['self', 'directReport', 'manager', 'grandManager', 'admin'] as Who[]) {
        expect((await call('GET', `/api/okr/objectives/${id}`, who)).statusCode, who).toBe(200);
        expect((await call('GET', `/api/okr/teams/${cast.subject.id}`, who)).statusCode, who).toBe(200);
      }
      for (const who of ['colleague', 'outsider'] as Who[]) {
        expect((await call('GET', `/api/okr/objectives/${id}`, who)).statusCode, who).toBe(404);
        expect((await call('GET', `/api/okr/teams/${cast.subject.id}`, who)).statusCode, who).toBe(404);
      }
      const asReport = await ok('GET', `/api/okr/objectives/${id}`, 'directReport');
      expect(asReport.permissions).toEqual({ edit: false, review: true });
      const asChain = await ok('GET', `/api/okr/objectives/${id}`, 'grandManager');
      expect(asChain.permissions).toEqual({ edit: false, review: false });
      expect((await call('PATCH', `/api/okr/objectives/${id}`, 'admin', { title: 'Autre' })).statusCode).toBe(
        403,
      );
      expect(
        (await call('PATCH', `/api/okr/objectives/${id}`, 'colleague', { title: 'Autre' })).statusCode,
      ).toBe(404);
    });

    it('calendar quarters, when the organisation chooses them, start the period on the quarter', async () => {
      expect((await call('PUT', '/api/okr/settings', 'self', { periodKind: 'quarter' })).statusCode).toBe(
        403,
      );
      expect(await ok('PUT', '/api/okr/settings', 'admin', { periodKind: 'quarter' })).toEqual({
        periodKind: 'quarter',
        permissions: { update: true },
      });
      const o = await ok('POST', `/api/okr/teams/${cast.grandManager.id}/objectives`, 'grandManager', {
        title: 'Trois agences au-dessus de 95 % de livraisons à l’heure',
        periodStart: '2031-05-17',
      });
      expect(o).toMatchObject({ periodKind: 'quarter', periodStart: '2031-04-01', periodEnd: '2031-06-30' });
      await ok('PUT', '/api/okr/settings', 'admin', { periodKind: 'days90' });
    });
  });

  describe('review-day reminder', () => {
    let b: AppDeps;
    const bMails: OutgoingMail[] = [];
    let lead: TestPerson;
    let member: TestPerson;
    let objectiveId: string;
    // 10:00 UTC is 11:00 or 12:00 in Paris: after the morning hour, on the same calendar day.
    const now = new Date();
    now.setUTCHours(10, 0, 0, 0);
    const day = todayIn(OKR_TIME_ZONE, now);

    beforeAll(async () => {
      b = await startServices(ctx.deps.config, {
        wrapMailer: (real): Mailer => ({
          async send(mail) {
            bMails.push(mail);
            await real.send(mail);
          },
        }),
      });
      // An organisation of its own, so that the other tests' objectives never share the review day.
      const { orgId } = await makeOrg(ctx);
      lead = await makePerson(ctx, orgId, { firstName: 'Hugo', lastName: 'Lefèvre' });
      member = await makePerson(ctx, orgId, { firstName: 'Rémi', lastName: 'Rapport', managerId: lead.id });
      await makePerson(ctx, orgId, { managerId: lead.id, account: false });
      const leadCookie = await loginAs(ctx, lead.email);
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/okr/teams/${lead.id}/objectives`,
        headers: { origin: ORIGIN, cookie: leadCookie },
        payload: {
          title: 'Chaque client rappelé sous 24 h',
          periodStart: addDays(day, -10),
          reviewWeekday: weekdayOf(day),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      objectiveId = res.json().id;
    });
    afterAll(async () => {
      await b?.database.close();
    });

    it('sends one mail per active team member on review day, once, with two instances at the same time', async () => {
      const before = ctx.mails.length;
      const ours = (list: OutgoingMail[]) => list.filter((m) => m.to === lead.email || m.to === member.email);
      await Promise.all([runOkrReminderPass(ctx.deps, now), runOkrReminderPass(b, now)]);
      const mails = ours([...ctx.mails.slice(before), ...bMails]);
      expect(mails.map((m) => m.to).sort()).toEqual([lead.email, member.email].sort());
      const toMember = mails.find((m) => m.to === member.email)!;
      expect(toMember.subject).toBe("Revue du cap aujourd'hui : Chaque client rappelé sous 24 h");
      expect(toMember.text).toContain('Bonjour Rémi,');
      expect(toMember.text).toContain("revue hebdomadaire de l'équipe de Hugo Lefèvre");
      expect(toMember.text).toContain(`${ORIGIN}/okr/objectives/${objectiveId}/review`);
      const sentBefore = ctx.mails.length + bMails.length;
      const again = await Promise.all([runOkrReminderPass(ctx.deps, now), runOkrReminderPass(b, now)]);
      expect(again).toEqual([0, 0]);
      expect(ctx.mails.length + bMails.length).toBe(sentBefore);
    });

    it('sends nothing before the morning hour, nor another day of the week', async () => {
      const early = new Date(now);
      early.setUTCHours(3, 0, 0, 0);
      expect(await runOkrReminderPass(ctx.deps, early)).toBe(0);
      const tomorrow = new Date(now.getTime() + 86_400_000);
      expect(await runOkrReminderPass(ctx.deps, tomorrow)).toBe(0);
    });
  });
});
