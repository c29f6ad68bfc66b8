import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../src/services.ts';
import type { AppDeps } from '../src/http/types.ts';
import type { Mailer, OutgoingMail } from '../src/features/mail/mail.service.ts';
import { cardsChanged } from '../src/features/delegation/card.cache.ts';
import { runCheckpointReminderPass } from '../src/features/delegation/checkpoint.reminders.ts';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('delegation and autonomy on %s', (dialect) => {
  let ctx: TestContext;
  /** A second instance on the same database, with its own mailer (reminders must still go out once). */
  let other: AppDeps;
  const otherMails: OutgoingMail[] = [];
  let orgId: string;
  let director: TestPerson;
  let manager: TestPerson;
  let member: TestPerson;
  let peer: TestPerson;
  let outsiderTeam: TestPerson;
  const cookie: Record<string, string> = {};
  let domainId: string;

  const call = async (who: string, method: string, url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method: method as 'GET',
      url,
      headers: { origin: ORIGIN, cookie: cookie[who]!, 'accept-language': 'fr' },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const ok = async (who: string, method: string, url: string, payload?: object) => {
    const r = await call(who, method, url, payload);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const validCard = (extra: object = {}) => ({
    assigneeId: member.id,
    outcome: 'Les devis en attente de plus de 10 jours sont relancés',
    dueOn: day(30),
    level: 4,
    domainId,
    ...extra,
  });

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    other = await startServices(ctx.deps.config, {
      wrapMailer: (real): Mailer => ({
        async send(mail) {
          otherMails.push(mail);
          await real.send(mail);
        },
      }),
    });
    ({ orgId } = await makeOrg(ctx));
    director = await makePerson(ctx, orgId, { firstName: 'Gaëlle', lastName: 'Directrice' });
    manager = await makePerson(ctx, orgId, {
      firstName: 'Marc',
      lastName: 'Manager',
      managerId: director.id,
    });
    member = await makePerson(ctx, orgId, { firstName: 'Inès', lastName: 'Equipe', managerId: manager.id });
    peer = await makePerson(ctx, orgId, { firstName: 'Paul', lastName: 'Pair', managerId: manager.id });
    outsiderTeam = await makePerson(ctx, orgId, {
      firstName: 'Zoé',
      lastName: 'Ailleurs',
      managerId: director.id,
    });
    for (const [k, p] of Object.entries({ director, manager, member, peer, outsiderTeam }))
      cookie[k] = await loginAs(ctx, p.email);
    domainId = (await ok('manager', 'POST', '/api/delegation/domains', { name: 'Relances clients' })).id;
  });
  afterAll(async () => {
    await other?.database.close();
    await ctx?.close();
  });

  it('runs the whole flow: question, acceptance, checkpoint, alert once, validation, debrief, level raised', async () => {
    const created = await call('manager', 'POST', '/api/delegation/cards', {
      ...validCard(),
      risks: 'Un client sensible au prix',
      support: 'Je relis le premier mail',
      successIndicators: 'Moins de 5 devis perdus',
      resultFormat: 'Tableau des devis relancés',
      checkpoints: [day(7), day(14)],
      alertCondition: 'Un client demande plus de 10 % de remise',
      alertMetric: 'Devis perdus',
      alertDirection: 'above',
      alertLimit: 5,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'proposed',
      level: 4,
      myRole: 'delegator',
      domain: { id: domainId, name: 'Relances clients' },
      alert: {
        metric: 'Devis perdus',
        direction: 'above',
        limit: 5,
        notify: { id: manager.id },
        raisedAt: null,
      },
    });
    expect(created.body.checkpoints.map((k: { dueOn: string }) => k.dueOn)).toEqual([day(7), day(14)]);

    // The assignee asks before accepting; the delegator answers on the card.
    await ok('member', 'POST', `/api/delegation/cards/${id}/messages`, {
      body: 'Jusqu’où puis-je aller en remise ?',
    });
    const answered = await ok('manager', 'POST', `/api/delegation/cards/${id}/messages`, {
      body: 'Jusqu’à 8 % sans me demander.',
    });
    expect(
      answered.messages.map((m: { kind: string; author: { id: string } }) => [m.kind, m.author.id]),
    ).toEqual([
      ['question', member.id],
      ['answer', manager.id],
    ]);
    // The delegator cannot accept in the assignee's place.
    expect((await call('manager', 'POST', `/api/delegation/cards/${id}/accept`)).status).toBe(403);
    expect((await ok('member', 'POST', `/api/delegation/cards/${id}/accept`)).status).toBe('accepted');

    // A first checkpoint status starts the work.
    const checkpointId = created.body.checkpoints[0].id as string;
    const posted = await ok(
      'member',
      'POST',
      `/api/delegation/cards/${id}/checkpoints/${checkpointId}/status`,
      {
        status: 'at_risk',
        note: 'Deux clients injoignables',
      },
    );
    expect(posted.status).toBe('in_progress');
    expect(posted.checkpoints[0]).toMatchObject({
      status: 'at_risk',
      note: 'Deux clients injoignables',
      missed: false,
    });

    // Below the limit nothing happens; beyond it, the named person is told once (in the app and by mail).
    const mailsBefore = ctx.mails.length;
    await ok('member', 'POST', `/api/delegation/cards/${id}/indicator`, { value: 5 });
    expect(ctx.mails.length).toBe(mailsBefore);
    const raised = await ok('member', 'POST', `/api/delegation/cards/${id}/indicator`, { value: 7 });
    expect(raised.alert.raisedValue).toBe(7);
    expect(raised.alert.raisedAt).not.toBeNull();
    await ok('member', 'POST', `/api/delegation/cards/${id}/indicator`, { value: 9 });
    await ok('member', 'POST', `/api/delegation/cards/${id}/condition-met`, {
      note: 'Le client Ouest exige 12 %',
    });
    const alertMails = ctx.mails.slice(mailsBefore).filter((m) => m.subject.includes('Alerte'));
    expect(alertMails.map((m) => m.to)).toEqual([manager.email]);
    expect(alertMails[0]!.subject).toBe(
      'Alerte sur « Les devis en attente de plus de 10 jours sont relancés »',
    );
    expect(alertMails[0]!.text).toContain('valeur relevée 7, limite 5');
    expect(alertMails[0]!.text).toContain(`${ORIGIN}/delegation/cards/${id}`);
    const inbox = await ok('manager', 'GET', '/api/notifications');
    expect(inbox.items.filter((n: { kind: string }) => n.kind === 'delegation.alert')).toHaveLength(1);

    // A validation request and its answer are recorded.
    const asked = await ok('member', 'POST', `/api/delegation/cards/${id}/validations`, {
      step: 'Remise de 9 % au client Ouest',
    });
    const validationId = asked.validations[0].id as string;
    const approved = await ok(
      'manager',
      'POST',
      `/api/delegation/cards/${id}/validations/${validationId}/answer`,
      {
        answer: 'approved',
        note: 'D’accord pour cette fois',
      },
    );
    expect(approved.validations[0]).toMatchObject({ answer: 'approved', answeredBy: { id: manager.id } });
    expect(
      (
        await call('manager', 'POST', `/api/delegation/cards/${id}/validations/${validationId}/answer`, {
          answer: 'approved',
        })
      ).status,
    ).toBe(409);

    const done = await ok('member', 'POST', `/api/delegation/cards/${id}/complete`, {
      resultNote: '14 devis relancés',
    });
    expect(done.status).toBe('done');
    // Seen by the assignee: they debrief, but only someone above them raises their level.
    expect(done.permissions).toMatchObject({ debrief: true, raiseLevel: false, act: false });
    const debriefed = await ok('manager', 'POST', `/api/delegation/cards/${id}/debrief`, {
      learned: 'Appeler avant d’écrire fait gagner une semaine',
      differently: 'Fixer la remise maximale dès le départ',
      validationAsked: true,
      validationWhy: 'Remise au-delà de la limite convenue',
    });
    expect(debriefed.debrief).toMatchObject({
      validationAsked: true,
      learned: 'Appeler avant d’écrire fait gagner une semaine',
    });
    expect(debriefed.permissions.raiseLevel).toBe(true);
    expect(
      (
        await call('member', 'POST', `/api/delegation/cards/${id}/debrief`, {
          learned: 'x',
          validationAsked: false,
        })
      ).status,
    ).toBe(409);

    // The manager raises the level after the debrief; the history says who, when and why.
    const raisedLevel = await ok('manager', 'PUT', `/api/autonomy/people/${member.id}/levels/${domainId}`, {
      level: 5,
      reason: 'Relances menées seule, une seule validation',
      cardId: id,
    });
    expect(raisedLevel.levels).toEqual([
      { domain: { id: domainId, name: 'Relances clients' }, level: 5, updatedAt: expect.any(String) },
    ]);
    expect(raisedLevel.history[0]).toMatchObject({
      fromLevel: null,
      toLevel: 5,
      reason: 'Relances menées seule, une seule validation',
      cardId: id,
      changedBy: { id: manager.id, name: 'Marc Manager' },
    });
    await ok('manager', 'PUT', `/api/autonomy/people/${member.id}/levels/${domainId}`, {
      level: 6,
      reason: 'Nouveau cap',
    });
    const history = (await ok('member', 'GET', `/api/autonomy/people/${member.id}`)).history;
    expect(
      history.map((h: { fromLevel: number | null; toLevel: number }) => [h.fromLevel, h.toLevel]),
    ).toEqual([
      [5, 6],
      [null, 5],
    ]);
    // The person cannot set their own level.
    expect(
      (
        await call('member', 'PUT', `/api/autonomy/people/${member.id}/levels/${domainId}`, {
          level: 7,
          reason: 'x',
        })
      ).status,
    ).toBe(403);

    // The debrief went into the team's learning log, searchable without accents.
    const log = await ok('member', 'GET', `/api/delegation/learning?teamLeadId=${manager.id}&q=ecrire`);
    expect(log.items.map((e: { kind: string; cardId: string }) => [e.kind, e.cardId])).toEqual([
      ['debrief', id],
    ]);
  });

  it('counts initiatives and delegations concluded without validation in the indicator, per person and per team', async () => {
    // The card of the first test asked one validation: it counts as concluded *with* validation.
    const quick = await ok(
      'manager',
      'POST',
      '/api/delegation/cards',
      validCard({ outcome: 'Les relances de la semaine sont faites' }),
    );
    await ok('member', 'POST', `/api/delegation/cards/${quick.id}/accept`);
    await ok('member', 'POST', `/api/delegation/cards/${quick.id}/complete`, {});
    await ok('member', 'POST', '/api/autonomy/initiatives', {
      title: 'Un script d’appel pour les relances',
      validationAsked: false,
      concludedOn: day(-2),
      domainId,
    });
    await ok('member', 'POST', '/api/autonomy/initiatives', {
      title: 'Nouveau modèle de devis',
      validationAsked: true,
      concludedOn: day(-1),
    });
    const me = await ok('member', 'GET', `/api/autonomy/people/${member.id}?periodDays=30`);
    expect(me.indicator.current).toMatchObject({ concluded: 4, withoutValidation: 2, rate: 0.5 });
    expect(me.initiatives.map((i: { title: string }) => i.title)).toEqual([
      'Nouveau modèle de devis',
      'Un script d’appel pour les relances',
    ]);
    const matrix = await ok('manager', 'GET', '/api/autonomy/matrix?periodDays=30');
    expect(matrix.rows.map((r: { person: { id: string } }) => r.person.id).sort()).toEqual(
      [member.id, peer.id].sort(),
    );
    const row = matrix.rows.find((r: { person: { id: string } }) => r.person.id === member.id);
    expect(row.levels).toEqual({ [domainId]: 6 });
    expect(row.raisedInPeriod).toBe(2);
    expect(row.indicator).toMatchObject({ rate: 0.5, concluded: 4, withoutValidation: 2 });
    expect(row.indicator.rates).toHaveLength(6);
    expect(row.indicator.rates.at(-1)).toBe(0.5);
    expect(matrix.team.current).toMatchObject({ concluded: 4, withoutValidation: 2 });
    // The director sees the whole subtree; a peer team's lead sees nothing.
    const subtree = await ok(
      'director',
      'GET',
      `/api/autonomy/matrix?managerId=${director.id}&scope=subtree&periodDays=30`,
    );
    expect(subtree.rows).toHaveLength(4);
    expect((await call('outsiderTeam', 'GET', `/api/autonomy/matrix?managerId=${manager.id}`)).status).toBe(
      404,
    );
    // A future initiative is refused, naming the field.
    const future = await call('member', 'POST', '/api/autonomy/initiatives', {
      title: 'Plus tard',
      validationAsked: false,
      concludedOn: day(3),
    });
    expect(future.status).toBe(400);
    expect(future.body.issues).toEqual([
      {
        field: 'concludedOn',
        code: 'in_future',
        message: '« Date de conclusion » ne peut pas être dans le futur.',
      },
    ]);
  });

  it('refuses bad input with a message naming the field, and keeps what was saved', async () => {
    const cases: Array<[object, string, string, string]> = [
      [{ dueOn: day(-1) }, 'dueOn', 'before_today', "« Échéance » ne peut pas être avant aujourd'hui."],
      [
        { checkpoints: [day(3), day(40)] },
        'checkpoints.1',
        'after_due',
        "« Point d'étape » doit tomber au plus tard à l'échéance de la délégation.",
      ],
      [{ level: 8 }, 'level', 'too_big', ''],
      [{ level: 0 }, 'level', 'too_small', ''],
      [{ assigneeId: outsiderTeam.id }, 'assigneeId', 'not_in_team', ''],
      [{ assigneeId: director.id }, 'assigneeId', 'not_in_team', ''],
      [{ alertMetric: 'Devis perdus', alertDirection: 'above' }, 'alertLimit', 'limit_required', ''],
    ];
    const before = (await ok('manager', 'GET', '/api/delegation/cards?view=delegated')).total;
    for (const [patch, field, code, message] of cases) {
      const r = await call('manager', 'POST', '/api/delegation/cards', validCard(patch));
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.body.issues[0].field).toBe(field);
      expect(r.body.issues[0].code).toBe(code);
      if (message) expect(r.body.issues[0].message).toBe(message);
      else expect(r.body.issues[0].message).toMatch(/^« .+ »/);
    }
    expect((await ok('manager', 'GET', '/api/delegation/cards?view=delegated')).total).toBe(before);

    // Editing an existing card with a bad value changes nothing on it.
    const card = await ok('manager', 'POST', '/api/delegation/cards', validCard({ checkpoints: [day(10)] }));
    const bad = await call('manager', 'PATCH', `/api/delegation/cards/${card.id}`, {
      dueOn: day(5),
      risks: 'Nouveau risque',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'dueOn', code: 'before_checkpoint' });
    const kept = await ok('manager', 'GET', `/api/delegation/cards/${card.id}`);
    expect(kept).toMatchObject({ dueOn: day(30), risks: '' });
  });

  it('shows a missed checkpoint to both sides and reminds both once, even with two instances', async () => {
    const card = await ok(
      'manager',
      'POST',
      '/api/delegation/cards',
      validCard({ outcome: 'Le planning des visites est tenu', checkpoints: [day(1), day(5)] }),
    );
    await ok('member', 'POST', `/api/delegation/cards/${card.id}/accept`);
    // The first checkpoint's date passes without a status.
    await ctx.deps.database.db
      .updateTable('dl_checkpoint')
      .set({ due_on: day(-1) })
      .where('id', '=', card.checkpoints[1].id)
      .execute();
    // Written behind the app's back: what the app keeps of the card in memory is forgotten, as after a write.
    cardsChanged();
    for (const who of ['manager', 'member']) {
      const seen = await ok(who, 'GET', `/api/delegation/cards/${card.id}`);
      expect(seen.checkpoints.map((k: { missed: boolean }) => k.missed)).toEqual([true, false]);
      expect(seen.missedCheckpoints).toBe(1);
    }
    const before = ctx.mails.length;
    const now = new Date();
    const [a, b] = await Promise.all([
      runCheckpointReminderPass(ctx.deps, now),
      runCheckpointReminderPass(other, now),
    ]);
    const mine = [...ctx.mails.slice(before), ...otherMails].filter((m) =>
      m.subject.includes('Le planning des visites'),
    );
    expect(a + b).toBe(2);
    expect(mine.map((m) => m.to).sort()).toEqual([manager.email, member.email].sort());
    expect(mine[0]!.subject).toBe(`Point d'étape le ${day(1)} : « Le planning des visites est tenu »`);
    expect(await runCheckpointReminderPass(ctx.deps, now)).toBe(0);
  });

  it('shows a card as it is after every change: statuses posted at once, a renamed domain, a renamed person', async () => {
    const card = await ok('manager', 'POST', '/api/delegation/cards', validCard({ checkpoints: [day(3)] }));
    await ok('member', 'POST', `/api/delegation/cards/${card.id}/accept`);
    const checkpointId = card.checkpoints[0].id as string;
    const url = `/api/delegation/cards/${card.id}/checkpoints/${checkpointId}/status`;
    await ok('member', 'POST', url, { status: 'on_track', note: 'Premier point' });
    // Another card's checkpoint, through this card: 404, and nothing is written.
    const other = await ok('manager', 'POST', '/api/delegation/cards', validCard({ checkpoints: [day(4)] }));
    const otherCheckpoint = other.checkpoints[0].id as string;
    const foreign = `/api/delegation/cards/${card.id}/checkpoints/${otherCheckpoint}/status`;
    expect((await call('member', 'POST', foreign, { status: 'at_risk', note: 'Ailleurs' })).status).toBe(404);
    const untouched = await ctx.deps.database.db
      .selectFrom('dl_checkpoint')
      .select(['note', 'status', 'posted_at'])
      .where('id', '=', otherCheckpoint)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ note: '', status: null, posted_at: null });
    // The card is opened (and kept), then eight statuses arrive together: what is shown is what was stored last.
    await ok('manager', 'GET', `/api/delegation/cards/${card.id}`);
    const notes = Array.from({ length: 8 }, (_, i) => `Point ${i}`);
    const answers = await Promise.all(
      notes.map((note, i) => ok('member', 'POST', url, { status: i % 2 ? 'at_risk' : 'off_track', note })),
    );
    for (const a of answers) expect(notes).toContain(a.checkpoints[0].note);
    const stored = await ctx.deps.database.db
      .selectFrom('dl_checkpoint')
      .select(['note', 'status'])
      .where('id', '=', checkpointId)
      .executeTakeFirstOrThrow();
    for (const who of ['manager', 'member', 'director']) {
      const seen = await ok(who, 'GET', `/api/delegation/cards/${card.id}`);
      expect(seen.checkpoints[0]).toMatchObject({
        note: stored.note,
        status: stored.status,
        postedBy: { id: member.id, name: 'Inès Equipe' },
      });
      expect(seen.status).toBe('in_progress');
    }
    // The domain is renamed, then the assignee's name changes: the card shows both at once.
    await ok('manager', 'PATCH', `/api/delegation/domains/${domainId}`, { name: 'Relances et devis' });
    expect((await ok('member', 'GET', `/api/delegation/cards/${card.id}`)).domain.name).toBe(
      'Relances et devis',
    );
    await ok('member', 'PATCH', `/api/people/${member.id}`, { firstName: 'Inés' });
    const renamed = await ok('manager', 'GET', `/api/delegation/cards/${card.id}`);
    expect(renamed.assignee.name).toBe('Inés Equipe');
    expect(renamed.checkpoints[0].postedBy.name).toBe('Inés Equipe');
    await ok('member', 'PATCH', `/api/people/${member.id}`, { firstName: 'Inès' });
    await ok('manager', 'PATCH', `/api/delegation/domains/${domainId}`, { name: 'Relances clients' });
  });

  it('draws a reproducible weekly sample of finished delegations for the manager to review', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await ok(
        'manager',
        'POST',
        '/api/delegation/cards',
        validCard({ outcome: `Dossier ${i} traité` }),
      );
      await ok('member', 'POST', `/api/delegation/cards/${c.id}/accept`);
      await ok('member', 'POST', `/api/delegation/cards/${c.id}/complete`, {});
      ids.push(c.id);
    }
    await ctx.deps.database.db
      .updateTable('dl_card')
      .set({ done_at: new Date(Date.now() - 7 * 86_400_000).toISOString() })
      .where('id', 'in', ids)
      .execute();
    await ok('manager', 'PUT', `/api/delegation/teams/${manager.id}/settings`, { sampleShare: 0.3 });
    const [first, again] = [
      await ok('manager', 'GET', '/api/delegation/samples'),
      await ok('manager', 'GET', '/api/delegation/samples'),
    ];
    const sample = first.items[0];
    expect(sample).toMatchObject({ share: 0.3, seed: expect.stringContaining(`${manager.id}:`) });
    expect(sample.poolSize).toBeGreaterThanOrEqual(6);
    // ceil(0.3 × pool) items, all from the pool, drawn once for the week.
    expect(sample.items).toHaveLength(Math.ceil(0.3 * sample.poolSize));
    expect(again.items[0].items.map((i: { card: { id: string } }) => i.card.id)).toEqual(
      sample.items.map((i: { card: { id: string } }) => i.card.id),
    );
    const cardId = sample.items[0].card.id;
    const reviewed = await ok(
      'manager',
      'POST',
      `/api/delegation/samples/${sample.id}/items/${cardId}/review`,
      { note: 'Propre' },
    );
    expect(reviewed.items.find((i: { card: { id: string } }) => i.card.id === cardId)).toMatchObject({
      reviewNote: 'Propre',
    });
    // The director reads the draw (audit) but does not review in the manager's place.
    expect(
      (await call('director', 'GET', `/api/delegation/samples?managerId=${manager.id}`)).body.items[0].id,
    ).toBe(sample.id);
    expect(
      (await call('director', 'POST', `/api/delegation/samples/${sample.id}/items/${cardId}/review`, {}))
        .status,
    ).toBe(403);
  });

  it('moves a client handover through its stages and names the primary contact', async () => {
    const h = await ok('manager', 'POST', '/api/delegation/handovers', {
      memberId: member.id,
      account: 'Conserverie Le Goff',
      plannedOn: [day(1), day(15), day(30), day(45)],
    });
    expect(h).toMatchObject({ currentStage: 0, primaryContact: { id: manager.id } });
    let now = h;
    for (const stage of [1, 2, 3])
      now = await ok('member', 'PATCH', `/api/delegation/handovers/${h.id}/stages/${stage}`, { done: true });
    expect(now).toMatchObject({ currentStage: 3, primaryContact: { id: manager.id } });
    now = await ok('manager', 'PATCH', `/api/delegation/handovers/${h.id}/stages/4`, {
      done: true,
      note: 'Manager en copie',
    });
    expect(now).toMatchObject({ currentStage: 4, primaryContact: { id: member.id, name: 'Inès Equipe' } });
    expect(
      (await ok('manager', 'GET', '/api/delegation/handovers')).items.map(
        (x: { account: string }) => x.account,
      ),
    ).toContain('Conserverie Le Goff');
    expect((await call('peer', 'GET', `/api/delegation/handovers/${h.id}`)).status).toBe(404);
  });

  it('keeps private learning entries to their author and team entries to the team', async () => {
    await ok('member', 'POST', '/api/delegation/learning', {
      kind: 'error',
      title: 'Devis envoyé sans la remise',
      private: true,
    });
    await ok('member', 'POST', '/api/delegation/learning', {
      kind: 'lesson',
      title: 'Toujours joindre le bon de commande',
    });
    const mine = await ok('member', 'GET', '/api/delegation/learning');
    const theirs = await ok('peer', 'GET', '/api/delegation/learning');
    expect(mine.items.map((e: { title: string }) => e.title)).toContain('Devis envoyé sans la remise');
    expect(theirs.items.map((e: { title: string }) => e.title)).not.toContain('Devis envoyé sans la remise');
    expect(theirs.items.map((e: { title: string }) => e.title)).toContain(
      'Toujours joindre le bon de commande',
    );
    expect(
      (await call('outsiderTeam', 'GET', `/api/delegation/learning?teamLeadId=${manager.id}`)).status,
    ).toBe(404);
  });

  it('suggests who could take it, with the reason', async () => {
    await ctx.deps.database.db
      .insertInto('person_skill')
      .values({ id: crypto.randomUUID(), org_id: orgId, person_id: peer.id, name: 'Négociation', level: 4 })
      .execute();
    const r = await ok(
      'manager',
      'GET',
      `/api/delegation/suggestions?text=${encodeURIComponent('négocier les remises')}&level=4`,
    );
    expect(r.items[0]).toMatchObject({
      person: { id: peer.id },
      matchedSkills: [{ name: 'Négociation', level: 4 }],
      reason: 'skills',
    });
  });
});
