import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, ORIGIN, createTestApp, type TestContext } from './test-app.ts';
import { loginAs, makeOrg, makePerson, type TestPerson } from './factories.ts';

const PITCH =
  'Vos clients attendent leurs devis trois jours. Avec notre équipe, ils les reçoivent en 24 h, chiffrés et signés en ligne. ' +
  'Résultat : moins de relances et deux fois plus de devis acceptés au premier envoi.';

describe.each(DIALECTS)('clarity tools (Clarté) on %s', (dialect) => {
  let ctx: TestContext;
  let orgId: string;
  let manager: TestPerson;
  let author: TestPerson;
  let reader: TestPerson;
  let peer: TestPerson;
  let stranger: TestPerson;
  let admin: TestPerson;
  let outsider: TestPerson;
  const cookie: Record<string, string> = {};

  const call = async (who: string, method: string, url: string, payload?: object) => {
    const res = await ctx.app.inject({
      method: method as 'GET',
      url,
      headers: { origin: ORIGIN, cookie: cookie[who]!, 'accept-language': 'fr' },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const ok = async (who: string, method: string, url: string, payload?: object) => {
    const r = await call(who, method, url, payload);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    ctx = await createTestApp(dialect);
    let adminPerson: TestPerson;
    ({ orgId, admin: adminPerson } = await makeOrg(ctx));
    admin = adminPerson;
    manager = await makePerson(ctx, orgId, { firstName: 'Marc', lastName: 'Manager' });
    author = await makePerson(ctx, orgId, { firstName: 'Inès', lastName: 'Auteur', managerId: manager.id });
    reader = await makePerson(ctx, orgId, { firstName: 'Rémi', lastName: 'Lecteur', managerId: manager.id });
    peer = await makePerson(ctx, orgId, { firstName: 'Paula', lastName: 'Compta', jobTitle: 'Comptable' });
    stranger = await makePerson(ctx, orgId, { firstName: 'Zoé', lastName: 'Ailleurs' });
    const other = await makeOrg(ctx);
    outsider = await makePerson(ctx, other.orgId, { firstName: 'Oscar', lastName: 'Autre' });
    for (const [k, p] of Object.entries({ manager, author, reader, peer, stranger, admin, outsider }))
      cookie[k] = await loginAs(ctx, p.email);
  });
  afterAll(() => ctx?.close());

  it('writes a pitch with its word count, edits it, and keeps it to its author', async () => {
    const created = await call('author', 'POST', '/api/clarity/pitches', {
      title: 'Devis en 24 h',
      body: 'Un devis chiffré en 24 h.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Devis en 24 h',
      kind: 'offer',
      wordBudget: 75,
      wordCount: 6,
      author: { id: author.id, name: 'Inès Auteur' },
      sharedWith: [],
      permissions: { edit: true, requestReview: true },
    });
    const id = created.body.id as string;
    const edited = await ok('author', 'PATCH', `/api/clarity/pitches/${id}`, { body: PITCH, wordBudget: 60 });
    expect(edited.wordCount).toBe(35);
    expect(edited.wordBudget).toBe(60);
    const row = await ctx.deps.database.db
      .selectFrom('cl_pitch')
      .select(['word_count', 'body'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ word_count: 35, body: PITCH });

    const overview = await ok('author', 'GET', '/api/clarity');
    expect(overview.counts).toMatchObject({ pitches: 1 });
    expect(overview.pitches[0]).toMatchObject({ id, wordCount: 35, wordBudget: 60 });

    // Nobody else reads it, not even the manager or the admin.
    for (const who of ['reader', 'manager', 'admin', 'stranger', 'outsider'])
      expect((await call(who, 'GET', `/api/clarity/pitches/${id}`)).status, who).toBe(404);

    const gone = await call('author', 'DELETE', `/api/clarity/pitches/${id}`);
    expect(gone.status).toBe(204);
    expect((await call('author', 'GET', `/api/clarity/pitches/${id}`)).status).toBe(404);
  });

  it('shares a pitch read only with the people chosen', async () => {
    const pitch = await ok('author', 'POST', '/api/clarity/pitches', {
      title: 'Tournées optimisées',
      kind: 'idea',
      body: 'Une tournée de moins par semaine.',
      sharedWith: [reader.id],
    });
    expect(pitch.sharedWith).toEqual([{ id: reader.id, name: 'Rémi Lecteur' }]);
    const seen = await ok('reader', 'GET', `/api/clarity/pitches/${pitch.id}`);
    expect(seen).toMatchObject({
      title: 'Tournées optimisées',
      permissions: { edit: false, requestReview: false },
    });
    // The share list is the author's business.
    expect(seen.sharedWith).toEqual([]);
    expect(
      (await call('reader', 'PATCH', `/api/clarity/pitches/${pitch.id}`, { title: 'Autre' })).status,
    ).toBe(403);
    expect((await call('stranger', 'GET', `/api/clarity/pitches/${pitch.id}`)).status).toBe(404);
    const readerHome = await ok('reader', 'GET', '/api/clarity');
    expect(readerHome.sharedWithMe).toEqual([
      {
        type: 'pitch',
        id: pitch.id,
        title: 'Tournées optimisées',
        author: { id: author.id, name: 'Inès Auteur' },
      },
    ]);

    // Unsharing takes the access back.
    await ok('author', 'PATCH', `/api/clarity/pitches/${pitch.id}`, { sharedWith: [] });
    expect((await call('reader', 'GET', `/api/clarity/pitches/${pitch.id}`)).status).toBe(404);

    // Sharing with someone of another organisation is refused, naming the field.
    const bad = await call('author', 'PATCH', `/api/clarity/pitches/${pitch.id}`, {
      sharedWith: [outsider.id],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'sharedWith', code: 'clarity.share_unknown' });
    expect(bad.body.message).toContain('« Partagé avec »');
  });

  it('review round trip: request, two passages marked and a comment, the author reads them', async () => {
    const pitch = await ok('author', 'POST', '/api/clarity/pitches', {
      title: 'Relance automatique',
      body: 'Notre module de dunning mutualise le recouvrement. Vos factures sont payées en 10 jours.',
    });
    const asked = await call('author', 'POST', '/api/clarity/reviews', {
      itemType: 'pitch',
      itemId: pitch.id,
      reviewerId: peer.id,
      message: 'Pour un client qui ne connaît pas la finance.',
    });
    expect(asked.status).toBe(201);
    const reviewId = asked.body.id as string;
    expect(asked.body).toMatchObject({
      itemType: 'pitch',
      itemTitle: 'Relance automatique',
      status: 'open',
      reviewer: { id: peer.id, name: 'Paula Compta' },
      marks: [],
      permissions: { mark: false, withdraw: true },
    });

    // The reviewer is told in the app and reads the item while the request exists.
    const inbox = await ok('peer', 'GET', '/api/notifications');
    expect(inbox.items[0]).toMatchObject({
      kind: 'clarity.reviewRequested',
      params: { name: 'Inès Auteur', title: 'Relance automatique' },
      link: `/clarity/reviews/${reviewId}`,
    });
    expect((await call('peer', 'GET', `/api/clarity/pitches/${pitch.id}`)).status).toBe(200);
    const view = await ok('peer', 'GET', `/api/clarity/reviews/${reviewId}`);
    expect(view.passages).toEqual([
      { field: 'title', text: 'Relance automatique' },
      { field: 'body', text: pitch.body },
    ]);
    expect(view.permissions).toEqual({ mark: true, withdraw: false });
    const home = await ok('peer', 'GET', '/api/clarity');
    expect(home.counts.reviewsOpen).toBe(1);
    expect(home.reviewsReceived[0]).toMatchObject({
      id: reviewId,
      itemTitle: 'Relance automatique',
      marks: 0,
    });

    await ok('peer', 'POST', `/api/clarity/reviews/${reviewId}/marks`, {
      excerpt: 'dunning',
      field: 'body',
      comment: 'Je ne connais pas ce mot.',
    });
    // The field is found even when the selection did not say where it came from.
    await ok('peer', 'POST', `/api/clarity/reviews/${reviewId}/marks`, {
      excerpt: 'mutualise le  recouvrement',
    });
    await ok('peer', 'POST', `/api/clarity/reviews/${reviewId}/marks`, {
      comment: 'La deuxième phrase, elle, est très claire.',
    });
    const notInText = await call('peer', 'POST', `/api/clarity/reviews/${reviewId}/marks`, {
      excerpt: 'synergie',
    });
    expect(notInText.status).toBe(400);
    expect(notInText.body.issues[0]).toMatchObject({ field: 'excerpt', code: 'clarity.excerpt_not_in_text' });
    const emptyMark = await call('peer', 'POST', `/api/clarity/reviews/${reviewId}/marks`, {});
    expect(emptyMark.status).toBe(400);
    expect(emptyMark.body.issues[0]).toMatchObject({ field: 'comment', code: 'clarity.mark_empty' });
    // The author cannot write in someone else's review.
    expect(
      (await call('author', 'POST', `/api/clarity/reviews/${reviewId}/marks`, { comment: 'x' })).status,
    ).toBe(403);

    const answered = await ok('peer', 'POST', `/api/clarity/reviews/${reviewId}/answer`);
    expect(answered.status).toBe('answered');
    await ok('peer', 'POST', `/api/clarity/reviews/${reviewId}/answer`);
    const authorInbox = await ok('author', 'GET', '/api/notifications');
    const told = authorInbox.items.filter((n: { kind: string }) => n.kind === 'clarity.reviewAnswered');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      params: { name: 'Paula Compta', title: 'Relance automatique', count: 3 },
      link: `/clarity/pitches/${pitch.id}`,
    });

    // The author sees them on the item.
    const onItem = await ok('author', 'GET', `/api/clarity/reviews?itemType=pitch&itemId=${pitch.id}`);
    expect(onItem.items).toHaveLength(1);
    expect(onItem.items[0].marks).toMatchObject([
      { kind: 'unclear', excerpt: 'dunning', field: 'body', comment: 'Je ne connais pas ce mot.' },
      { kind: 'unclear', excerpt: 'mutualise le  recouvrement', field: 'body', comment: '' },
      { kind: 'comment', excerpt: '', field: '', comment: 'La deuxième phrase, elle, est très claire.' },
    ]);

    // Comments: the author and the reviewer only — not the admin, not a reader it is shared with.
    await ok('author', 'PATCH', `/api/clarity/pitches/${pitch.id}`, { sharedWith: [reader.id] });
    for (const who of ['admin', 'reader', 'manager', 'stranger', 'outsider']) {
      expect((await call(who, 'GET', `/api/clarity/reviews/${reviewId}`)).status, who).toBe(404);
      const list = await call(who, 'GET', `/api/clarity/reviews?itemType=pitch&itemId=${pitch.id}`);
      expect(list.body.items, who).toEqual([]);
    }

    // Withdrawn: the reviewer no longer reads the pitch.
    expect((await call('peer', 'DELETE', `/api/clarity/reviews/${reviewId}`)).status).toBe(403);
    expect((await call('author', 'DELETE', `/api/clarity/reviews/${reviewId}`)).status).toBe(204);
    expect((await call('peer', 'GET', `/api/clarity/pitches/${pitch.id}`)).status).toBe(404);
    expect((await call('peer', 'GET', `/api/clarity/reviews/${reviewId}`)).status).toBe(404);
  });

  it('frames an offer as Good–Better–Best, at most three tiers', async () => {
    const tiers = [
      {
        name: 'Essentiel',
        forWhom: 'Artisans',
        benefits: ['Factures payées en 10 jours', ''],
        price: '49 € / mois',
      },
      { name: 'Pro', forWhom: 'PME', benefits: ['Un interlocuteur unique'], price: '99 € / mois' },
      { name: 'Complet', forWhom: 'Réseaux', benefits: [], price: 'Sur devis' },
    ];
    const offer = await call('author', 'POST', '/api/clarity/offers', { title: 'Recouvrement', tiers });
    expect(offer.status).toBe(201);
    expect(offer.body.tiers[0].benefits).toEqual(['Factures payées en 10 jours']);
    expect(offer.body.tiers).toHaveLength(3);

    const four = await call('author', 'PATCH', `/api/clarity/offers/${offer.body.id}`, {
      tiers: [...tiers, { name: 'Ultime' }],
    });
    expect(four.status).toBe(400);
    expect(four.body.issues[0]).toMatchObject({ field: 'tiers', code: 'too_many' });
    expect(four.body.issues[0].message).toBe("« Niveaux de l'offre » doit contenir au plus 3 éléments.");
    // A review of an offer, read by a peer outside the domain, passages tier by tier.
    const review = await ok('author', 'POST', '/api/clarity/reviews', {
      itemType: 'offer',
      itemId: offer.body.id,
      reviewerId: peer.id,
    });
    const view = await ok('peer', 'GET', `/api/clarity/reviews/${review.id}`);
    expect(view.passages.map((x: { field: string }) => x.field)).toEqual([
      'title',
      'tiers.0.name',
      'tiers.0.forWhom',
      'tiers.0.benefits.0',
      'tiers.0.price',
      'tiers.1.name',
      'tiers.1.forWhom',
      'tiers.1.benefits.0',
      'tiers.1.price',
      'tiers.2.name',
      'tiers.2.forWhom',
      'tiers.2.price',
    ]);
    expect((await call('peer', 'GET', `/api/clarity/offers/${offer.body.id}`)).status).toBe(200);
    expect((await call('stranger', 'GET', `/api/clarity/offers/${offer.body.id}`)).status).toBe(404);
  });

  it('refuses bad input with a translated message naming the field', async () => {
    const noTitle = await call('author', 'POST', '/api/clarity/pitches', { title: '   ', body: 'Bonjour' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.issues[0]).toMatchObject({ field: 'title', code: 'required' });
    expect(noTitle.body.issues[0].message).toContain('est obligatoire');

    const pitch = await ok('author', 'POST', '/api/clarity/pitches', { title: 'Mon pitch', body: 'Court.' });
    const own = await call('author', 'POST', '/api/clarity/reviews', {
      itemType: 'pitch',
      itemId: pitch.id,
      reviewerId: author.id,
    });
    expect(own.status).toBe(400);
    expect(own.body.issues[0]).toMatchObject({ field: 'reviewerId', code: 'clarity.own_item' });
    expect(own.body.message).toContain('« Collègue relecteur »');

    const foreign = await call('author', 'POST', '/api/clarity/reviews', {
      itemType: 'pitch',
      itemId: pitch.id,
      reviewerId: outsider.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues[0]).toMatchObject({ field: 'reviewerId', code: 'clarity.reviewer_unknown' });
    expect(JSON.stringify(foreign.body)).not.toContain(outsider.email);

    await ok('author', 'POST', '/api/clarity/reviews', {
      itemType: 'pitch',
      itemId: pitch.id,
      reviewerId: peer.id,
    });
    const twice = await call('author', 'POST', '/api/clarity/reviews', {
      itemType: 'pitch',
      itemId: pitch.id,
      reviewerId: peer.id,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.issues[0]).toMatchObject({ field: 'reviewerId', code: 'clarity.review_exists' });

    // Only the author asks for a review of a pitch; others do not even learn it exists.
    expect(
      (
        await call('stranger', 'POST', '/api/clarity/reviews', {
          itemType: 'pitch',
          itemId: pitch.id,
          reviewerId: peer.id,
        })
      ).status,
    ).toBe(404);
  });

  it('reviews an objective: the reviewer reads its frame and key results, marks stay between the two', async () => {
    const objective = await ok('manager', 'POST', `/api/okr/teams/${manager.id}/objectives`, {
      title: 'Chaque client livré sous 48 h',
      rules: 'Pas de remise sans accord du SAV',
      scope: 'Clients B2B de la région',
      priorities: 'Les commandes urgentes d’abord',
      periodStart: '2041-01-01',
    });
    await ok('manager', 'POST', `/api/okr/objectives/${objective.id}/key-results`, {
      metric: 'Taux de service OTIF',
      unit: '%',
      start: 80,
      target: 95,
      ownerId: author.id,
    });
    // A team member asks; someone outside the team is refused without learning anything.
    expect(
      (
        await call('stranger', 'POST', '/api/clarity/reviews', {
          itemType: 'objective',
          itemId: objective.id,
          reviewerId: peer.id,
        })
      ).status,
    ).toBe(404);
    const review = await ok('author', 'POST', '/api/clarity/reviews', {
      itemType: 'objective',
      itemId: objective.id,
      reviewerId: peer.id,
    });
    expect(review).toMatchObject({ itemType: 'objective', itemTitle: 'Chaque client livré sous 48 h' });
    const view = await ok('peer', 'GET', `/api/clarity/reviews/${review.id}`);
    expect(view.passages).toEqual([
      { field: 'title', text: 'Chaque client livré sous 48 h' },
      { field: 'rules', text: 'Pas de remise sans accord du SAV' },
      { field: 'scope', text: 'Clients B2B de la région' },
      { field: 'priorities', text: 'Les commandes urgentes d’abord' },
      { field: 'keyResults.0', text: 'Taux de service OTIF' },
    ]);
    await ok('peer', 'POST', `/api/clarity/reviews/${review.id}/marks`, {
      excerpt: 'OTIF',
      comment: 'Sigle inconnu',
    });
    await ok('peer', 'POST', `/api/clarity/reviews/${review.id}/answer`);
    const forAuthor = await ok(
      'author',
      'GET',
      `/api/clarity/reviews?itemType=objective&itemId=${objective.id}`,
    );
    expect(forAuthor.items[0].marks[0]).toMatchObject({ excerpt: 'OTIF', field: 'keyResults.0' });
    // The team lead did not ask: the comments are the requester's and the reviewer's.
    const forLead = await ok(
      'manager',
      'GET',
      `/api/clarity/reviews?itemType=objective&itemId=${objective.id}`,
    );
    expect(forLead.items).toEqual([]);
    expect((await call('manager', 'GET', `/api/clarity/reviews/${review.id}`)).status).toBe(404);
    expect((await call('admin', 'GET', `/api/clarity/reviews/${review.id}`)).status).toBe(404);
    const told = (await ok('author', 'GET', '/api/notifications')).items.find(
      (n: { kind: string; link: string }) =>
        n.kind === 'clarity.reviewAnswered' && n.link.includes(objective.id),
    );
    expect(told).toMatchObject({ link: `/okr/objectives/${objective.id}` });
  });
});
