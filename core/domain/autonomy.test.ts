import { describe, expect, it } from 'vitest';
import {
  AUTONOMY_LEVEL_KEYS,
  AUTONOMY_LEVELS,
  autonomyIndicator,
  autonomyIndicatorByPerson,
  autonomyLevelKey,
  autonomyRate,
  drawSample,
  round3,
  sampleSeed,
  sampleSize,
  skillMatches,
  suggestAssignees,
  type Candidate,
  type ConcludedItem,
} from './autonomy.ts';

/** `count` items of one person at one instant, the first `without` of them concluded without validation. */
const items = (personId: string, concludedAt: string, count: number, without: number): ConcludedItem[] =>
  Array.from({ length: count }, (_, i) => ({ personId, concludedAt, withoutValidation: i < without }));

describe('autonomy levels', () => {
  it('map each level to its key', () => {
    expect(AUTONOMY_LEVELS.length).toBe(7);
    expect(autonomyLevelKey(1)).toBe('tell');
    expect(autonomyLevelKey(4)).toBe('agree');
    expect(autonomyLevelKey(7)).toBe('delegate');
    expect(AUTONOMY_LEVEL_KEYS[5]).toBe('inquire');
  });
});

describe('autonomyRate', () => {
  const from = '2026-03-01T00:00:00.000Z';
  const to = '2026-03-08T00:00:00.000Z';

  it('is null without any concluded item', () => {
    expect(autonomyRate([], from, to)).toEqual({ concluded: 0, withoutValidation: 0, rate: null });
    // Items outside the period only.
    expect(autonomyRate(items('p1', '2026-02-01T00:00:00.000Z', 3, 3), from, to).rate).toBeNull();
  });

  it('counts an item at `from` and excludes one at `to`', () => {
    const data = [
      ...items('p1', from, 1, 1),
      ...items('p1', to, 1, 1),
      ...items('p1', '2026-03-07T23:59:59.999Z', 1, 0),
      ...items('p1', '2026-02-28T23:59:59.999Z', 1, 1),
    ];
    expect(autonomyRate(data, from, to)).toEqual({ concluded: 2, withoutValidation: 1, rate: 0.5 });
  });

  it('mixes people and offsets', () => {
    const data = [
      ...items('p1', '2026-03-02T10:00:00.000Z', 3, 2),
      // 00:30 in Paris on March 1st is still February 28th in UTC: excluded.
      ...items('p2', '2026-03-01T00:30:00+01:00', 1, 1),
      // 01:00+01:00 on March 2nd = 00:00Z: included.
      ...items('p2', '2026-03-02T01:00:00+01:00', 1, 1),
    ];
    expect(autonomyRate(data, from, to)).toEqual({ concluded: 4, withoutValidation: 3, rate: 0.75 });
  });

  it('refuses an invalid bound', () => {
    expect(() => autonomyRate([], 'yesterday', to)).toThrow(RangeError);
  });
});

describe('autonomyIndicator', () => {
  const to = '2026-04-01T00:00:00.000Z';
  // 30-day periods ending at `to`: [01-01, 01-31), [01-31, 03-02), [03-02, 04-01).
  const data: ConcludedItem[] = [
    ...items('p1', '2026-01-01T00:00:00.000Z', 1, 0), // oldest period: 0 / 1
    ...items('p1', '2026-01-31T00:00:00.000Z', 2, 1), // previous: 2 / 4
    ...items('p2', '2026-03-01T23:59:59.999Z', 2, 1),
    ...items('p1', '2026-03-02T00:00:00.000Z', 3, 3), // current: 4 / 5
    ...items('p2', '2026-03-31T12:00:00.000Z', 2, 1),
    ...items('p1', to, 4, 4), // excluded
    ...items('p1', '2025-12-31T23:59:59.999Z', 4, 4), // before the series
  ];

  it('computes current, previous, trend, delta and the series oldest first', () => {
    const r = autonomyIndicator(data, { to, periodDays: 30, buckets: 3 });
    expect(r.current).toEqual({
      concluded: 5,
      withoutValidation: 4,
      rate: 0.8,
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(r.previous).toEqual({
      concluded: 4,
      withoutValidation: 2,
      rate: 0.5,
      from: '2026-01-31T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
    });
    expect(r.trend).toBe('up');
    expect(r.delta).toBe(0.3);
    expect(r.series).toEqual([
      {
        concluded: 1,
        withoutValidation: 0,
        rate: 0,
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-31T00:00:00.000Z',
      },
      r.previous,
      r.current,
    ]);
  });

  it('defaults to 6 consecutive periods ending at `to`', () => {
    const r = autonomyIndicator(data, { to, periodDays: 30 });
    expect(r.series.length).toBe(6);
    expect(r.series.map((p) => p.from)).toEqual([
      '2025-10-03T00:00:00.000Z',
      '2025-11-02T00:00:00.000Z',
      '2025-12-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
    ]);
    expect(r.series.map((p) => p.concluded)).toEqual([0, 0, 4, 1, 4, 5]);
    for (let i = 1; i < r.series.length; i++) expect(r.series[i]!.from).toBe(r.series[i - 1]!.to);
    expect(r.series[5]).toEqual(r.current);
    expect(r.series[4]).toEqual(r.previous);
  });

  it('uses exact milliseconds for long periods', () => {
    const r = autonomyIndicator([], { to, periodDays: 365, buckets: 3 });
    // 29 February 2024 lies in the oldest period, which therefore starts on 2 April 2023.
    expect(r.series.map((p) => p.from)).toEqual([
      '2023-04-02T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
      '2025-04-01T00:00:00.000Z',
    ]);
  });

  it('is down or flat around the 5-point threshold, boundaries included', () => {
    const prev = '2026-02-15T00:00:00.000Z';
    const cur = '2026-03-15T00:00:00.000Z';
    const opts = { to, periodDays: 30, buckets: 2 };

    const down = autonomyIndicator([...items('p', prev, 20, 7), ...items('p', cur, 10, 3)], opts);
    expect([down.previous.rate, down.current.rate, down.delta, down.trend]).toEqual([
      0.35,
      0.3,
      -0.05,
      'down',
    ]);

    // 0.35 - 0.3 is 0.04999999999999999 in floating point: still 'up'.
    const up = autonomyIndicator([...items('p', prev, 10, 3), ...items('p', cur, 20, 7)], opts);
    expect([up.delta, up.trend]).toEqual([0.05, 'up']);

    const flat = autonomyIndicator([...items('p', prev, 25, 12), ...items('p', cur, 2, 1)], opts);
    expect([flat.previous.rate, flat.current.rate, flat.delta, flat.trend]).toEqual([
      0.48,
      0.5,
      0.02,
      'flat',
    ]);

    const flatDown = autonomyIndicator([...items('p', prev, 2, 1), ...items('p', cur, 25, 12)], opts);
    expect([flatDown.delta, flatDown.trend]).toEqual([-0.02, 'flat']);

    // Rounded to 3 decimals: 2/3 - 1/2.
    const thirds = autonomyIndicator([...items('p', prev, 2, 1), ...items('p', cur, 3, 2)], opts);
    expect([thirds.delta, thirds.trend]).toEqual([0.167, 'up']);
  });

  it('has no trend when either period is empty', () => {
    const prevOnly = autonomyIndicator(items('p', '2026-02-15T00:00:00.000Z', 2, 2), { to, periodDays: 30 });
    expect(prevOnly.previous.rate).toBe(1);
    expect(prevOnly.current).toEqual({
      concluded: 0,
      withoutValidation: 0,
      rate: null,
      from: '2026-03-02T00:00:00.000Z',
      to,
    });
    expect(prevOnly.trend).toBeNull();
    expect(prevOnly.delta).toBeNull();

    const curOnly = autonomyIndicator(items('p', '2026-03-15T00:00:00.000Z', 2, 0), { to, periodDays: 30 });
    expect([curOnly.current.rate, curOnly.previous.rate, curOnly.trend, curOnly.delta]).toEqual([
      0,
      null,
      null,
      null,
    ]);
  });

  it('handles no data at all', () => {
    const r = autonomyIndicator([], { to, periodDays: 90 });
    expect(r.trend).toBeNull();
    expect(r.delta).toBeNull();
    expect(r.series.length).toBe(6);
    expect(r.series.every((p) => p.concluded === 0 && p.withoutValidation === 0 && p.rate === null)).toBe(
      true,
    );
    expect(r.current.from).toBe('2026-01-01T00:00:00.000Z');
    expect(r.previous.from).toBe('2025-10-03T00:00:00.000Z');
  });

  it('still gives the previous period with a single bucket', () => {
    const r = autonomyIndicator(data, { to, periodDays: 30, buckets: 1 });
    expect(r.series).toEqual([r.current]);
    expect(r.previous.concluded).toBe(4);
    expect(r.previous.from).toBe('2026-01-31T00:00:00.000Z');
    expect(r.trend).toBe('up');
  });

  it('refuses invalid options', () => {
    expect(() => autonomyIndicator([], { to, periodDays: 0 })).toThrow(RangeError);
    expect(() => autonomyIndicator([], { to, periodDays: 30, buckets: 0 })).toThrow(RangeError);
    expect(() => autonomyIndicator([], { to: 'not a date', periodDays: 30 })).toThrow(RangeError);
  });

  it('skips unparseable dates', () => {
    const r = autonomyIndicator(
      [...items('p', 'garbage', 3, 3), ...items('p', '2026-03-15T00:00:00.000Z', 1, 0)],
      { to, periodDays: 30 },
    );
    expect(r.current.concluded).toBe(1);
    expect(r.series.reduce((sum, p) => sum + p.concluded, 0)).toBe(1);
  });

  it('counts every item once on 3 years of history for 200 people (speed is measured in npm run bench)', () => {
    const start = Date.parse('2023-04-01T00:00:00.000Z');
    const big: ConcludedItem[] = [];
    for (let i = 0; i < 20_000; i++) {
      big.push({
        personId: `p${i % 200}`,
        concludedAt: new Date(start + ((i * 7919) % 1095) * 86_400_000).toISOString(),
        withoutValidation: i % 3 === 0,
      });
    }
    const byPerson = autonomyIndicatorByPerson(big, { to, periodDays: 30, buckets: 37 });
    expect(byPerson.size).toBe(200);
    const counted = [...byPerson.values()].reduce(
      (sum, ind) => sum + ind.series.reduce((s, b) => s + b.concluded, 0),
      0,
    );
    // 37 periods of 30 days cover 1,110 days back from 2026-04-01: every generated day is inside.
    expect(counted).toBe(20_000);
  });
});

describe('autonomyIndicatorByPerson', () => {
  const to = '2026-04-01T00:00:00.000Z';
  const data: ConcludedItem[] = [
    ...items('p2', '2026-03-10T00:00:00.000Z', 4, 1),
    ...items('p2', '2026-02-10T00:00:00.000Z', 4, 3),
    ...items('p1', '2026-03-10T00:00:00.000Z', 2, 2),
    ...items('p1', '2026-02-10T00:00:00.000Z', 5, 2),
    ...items('p4', '2020-01-01T00:00:00.000Z', 1, 1), // present in items but outside every period
  ];

  it('gives one indicator per person, including listed people without items', () => {
    const r = autonomyIndicatorByPerson(data, { to, periodDays: 30, buckets: 2 }, ['p3', 'p1']);
    expect([...r.keys()]).toEqual(['p1', 'p2', 'p3', 'p4']);

    const p1 = r.get('p1')!;
    expect([p1.previous.rate, p1.current.rate, p1.delta, p1.trend]).toEqual([0.4, 1, 0.6, 'up']);
    const p2 = r.get('p2')!;
    expect([p2.previous.rate, p2.current.rate, p2.delta, p2.trend]).toEqual([0.75, 0.25, -0.5, 'down']);
    for (const id of ['p3', 'p4']) {
      const p = r.get(id)!;
      expect(p.series.map((s) => s.concluded)).toEqual([0, 0]);
      expect(p.trend).toBeNull();
    }
  });

  it('agrees with the team indicator restricted to each person', () => {
    const opts = { to, periodDays: 30 };
    const r = autonomyIndicatorByPerson(data, opts);
    expect(r.get('p2')).toEqual(
      autonomyIndicator(
        data.filter((i) => i.personId === 'p2'),
        opts,
      ),
    );
    expect(r.has('p3')).toBe(false);
  });
});

describe('sampleSize', () => {
  it('draws at least one, at most all', () => {
    expect(sampleSize(0, 0.5)).toBe(0);
    expect(sampleSize(0, 0)).toBe(0);
    expect(sampleSize(5, 0)).toBe(1);
    expect(sampleSize(12, 0.2)).toBe(3);
    expect(sampleSize(10, 0.25)).toBe(3);
    expect(sampleSize(30, 0.1)).toBe(3);
    // 0.07 * 100 is 7.000000000000001 in floating point.
    expect(sampleSize(100, 0.07)).toBe(7);
    expect(sampleSize(7, 1)).toBe(7);
    expect(sampleSize(1, 0.01)).toBe(1);
  });

  it('refuses a share outside [0, 1] or a negative count', () => {
    expect(() => sampleSize(10, 1.5)).toThrow(RangeError);
    expect(() => sampleSize(10, -0.1)).toThrow(RangeError);
    expect(() => sampleSize(10, Number.NaN)).toThrow(RangeError);
    expect(() => sampleSize(-1, 0.5)).toThrow(RangeError);
  });
});

describe('drawSample', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
  const fifty = Array.from({ length: 50 }, (_, i) => `item-${String(i).padStart(3, '0')}`);

  it('is reproducible whatever the input order', () => {
    const seed = 'mgr-1:2026-03-09';
    const a = drawSample(twelve, 0.2, seed);
    const b = drawSample([...twelve].reverse(), 0.2, seed);
    const c = drawSample([...twelve.slice(5), ...twelve.slice(0, 5)], 0.2, seed);
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    // Pinned: a change of hash, PRNG or shuffle would silently change every audited draw.
    expect(a).toEqual(['d03', 'd11', 'd12']);
  });

  it('draws exactly sampleSize unique ids of the input, sorted ascending', () => {
    for (const share of [0, 0.1, 0.2, 0.5, 1]) {
      const draw = drawSample(fifty, share, 'mgr-2:2026-03-02');
      expect(draw.length).toBe(sampleSize(50, share));
      expect(new Set(draw).size).toBe(draw.length);
      expect(draw.every((id) => fifty.includes(id))).toBe(true);
      expect(draw).toEqual([...draw].sort());
    }
    expect(drawSample(fifty, 1, 'x')).toEqual(fifty);
    expect(drawSample([], 0.5, 'x')).toEqual([]);
  });

  it('changes with the seed', () => {
    const week1 = drawSample(fifty, 0.2, 'mgr-1:2026-03-02');
    const week2 = drawSample(fifty, 0.2, 'mgr-1:2026-03-09');
    expect(week1.length).toBe(10);
    expect(week2.length).toBe(10);
    expect(week1).not.toEqual(week2);
  });

  it('counts a duplicated id once', () => {
    const draw = drawSample(['a', 'b', 'a', 'c', 'b'], 1, 's');
    expect(draw).toEqual(['a', 'b', 'c']);
    expect(drawSample(['a', 'a', 'b'], 0.5, 's')).toEqual(drawSample(['b', 'a'], 0.5, 's'));
  });
});

describe('sampleSeed', () => {
  it('uses the Monday of the UTC week', () => {
    // Wednesday.
    expect(sampleSeed('mgr-1', new Date('2026-03-11T12:00:00.000Z'))).toEqual({
      seed: 'mgr-1:2026-03-09',
      weekStart: '2026-03-09',
    });
    // Sunday, last millisecond: still the week started on the 2nd.
    expect(sampleSeed('mgr-1', new Date('2026-03-08T23:59:59.999Z'))).toEqual({
      seed: 'mgr-1:2026-03-02',
      weekStart: '2026-03-02',
    });
    // Monday at 00:00Z: a new week.
    expect(sampleSeed('mgr-1', new Date('2026-03-09T00:00:00.000Z'))).toEqual({
      seed: 'mgr-1:2026-03-09',
      weekStart: '2026-03-09',
    });
    // Monday 00:30 in Paris is Sunday 23:30 UTC.
    expect(sampleSeed('mgr-1', new Date('2026-03-09T00:30:00+01:00')).weekStart).toBe('2026-03-02');
    // Across a year boundary: Friday 1 January 2027.
    expect(sampleSeed('m', new Date('2027-01-01T08:00:00.000Z')).seed).toBe('m:2026-12-28');
  });

  it('refuses an invalid date', () => {
    expect(() => sampleSeed('m', new Date('nope'))).toThrow(RangeError);
  });
});

describe('skillMatches', () => {
  it('ignores accents and case, and accepts close word forms', () => {
    expect(skillMatches('Négociation', 'Il faut négocier le prix')).toBe(true);
    expect(skillMatches('negociation', 'NÉGOCIER')).toBe(true);
    expect(skillMatches('Relation client', 'Domaine : Relations clients')).toBe(true);
    expect(skillMatches('Prospection', 'prospecter de nouveaux comptes')).toBe(true);
    expect(skillMatches('Excel', 'un tableau excel')).toBe(true);
  });

  it('does not match short words by prefix nor inside other words', () => {
    expect(skillMatches('IA', 'négociation')).toBe(false);
    expect(skillMatches('IA', "projet d'IA générative")).toBe(true);
    // "CRM" has fewer than 4 letters: only an exact word counts.
    expect(skillMatches('CRM', 'crmx')).toBe(false);
    // 4-letter word: the whole word is the prefix.
    expect(skillMatches('Data', 'database migration')).toBe(true);
    expect(skillMatches('Data', 'date')).toBe(false);
    expect(skillMatches('Comptabilité', 'contrat')).toBe(false);
    // Only 4 letters in common ("plan"): not enough.
    expect(skillMatches('Planning', 'plante verte')).toBe(false);
    expect(skillMatches('', 'anything')).toBe(false);
  });
});

describe('suggestAssignees', () => {
  const team: Candidate[] = [
    {
      personId: 'e',
      name: 'Émilie Roux',
      skills: [{ name: 'Comptabilité', level: 4 }],
      domainLevel: 2,
      openLoad: 1,
    },
    { personId: 'c', name: 'Chloé Durand', skills: [], domainLevel: null, openLoad: 0 },
    {
      personId: 'a',
      name: 'Alice Martin',
      skills: [
        { name: 'Relation client', level: 2 },
        { name: 'Excel', level: 4 },
        { name: 'Négociation', level: 3 },
      ],
      domainLevel: 3,
      openLoad: 2,
    },
    {
      personId: 'f',
      name: 'Farid Haddad',
      skills: [{ name: 'CONTRATS', level: 1 }],
      domainLevel: null,
      openLoad: 0,
    },
    {
      personId: 'b',
      name: 'Bruno Petit',
      skills: [{ name: 'budget', level: 2 }],
      domainLevel: 5,
      openLoad: 0,
    },
  ];
  const task = {
    text: 'Négocier le renouvellement du contrat Dupont — domaine : Relations clients. Risques : délai serré, budget.',
    level: 4,
  };

  it('ranks the team with exact scores, skills and reasons', () => {
    const all = suggestAssignees(team, task, 10);
    expect(all).toEqual([
      {
        // 0.5 · min(1, 5/4) + 0.3 · 3/4 + 0.2 · 1/3 = 0.7917
        personId: 'a',
        name: 'Alice Martin',
        score: 0.792,
        matchedSkills: [
          { name: 'Négociation', level: 3 },
          { name: 'Relation client', level: 2 },
        ],
        domainLevel: 3,
        fitsLevel: true,
        openLoad: 2,
        reason: 'skills',
      },
      {
        // 0.5 · 2/4 + 0.3 · min(1, 5/4) + 0.2 · 1 = 0.75; level 0.3 beats skills 0.25
        personId: 'b',
        name: 'Bruno Petit',
        score: 0.75,
        matchedSkills: [{ name: 'budget', level: 2 }],
        domainLevel: 5,
        fitsLevel: true,
        openLoad: 0,
        reason: 'level',
      },
      {
        // 0.5 · 1/4 + 0.3 · 0.2 + 0.2 · 1 = 0.385; load 0.2 beats skills 0.125; a matched skill: not growth
        personId: 'f',
        name: 'Farid Haddad',
        score: 0.385,
        matchedSkills: [{ name: 'CONTRATS', level: 1 }],
        domainLevel: null,
        fitsLevel: false,
        openLoad: 0,
        reason: 'load',
      },
      {
        // 0 + 0.3 · 0.2 + 0.2 · 1 = 0.26; nothing matched, no level, free: growth
        personId: 'c',
        name: 'Chloé Durand',
        score: 0.26,
        matchedSkills: [],
        domainLevel: null,
        fitsLevel: false,
        openLoad: 0,
        reason: 'growth',
      },
      {
        // 0 + 0.3 · 2/4 + 0.2 · 1/2 = 0.25; busy, so not growth
        personId: 'e',
        name: 'Émilie Roux',
        score: 0.25,
        matchedSkills: [],
        domainLevel: 2,
        fitsLevel: false,
        openLoad: 1,
        reason: 'level',
      },
    ]);
  });

  it('returns the first 3 by default and honours the limit', () => {
    expect(suggestAssignees(team, task).map((s) => s.personId)).toEqual(['a', 'b', 'f']);
    expect(suggestAssignees(team, task, 1).map((s) => s.personId)).toEqual(['a']);
    expect(suggestAssignees(team, task, 0)).toEqual([]);
    expect(suggestAssignees([], task)).toEqual([]);
  });

  it('fits one level below the requested one', () => {
    const [s] = suggestAssignees([{ ...team[0]!, domainLevel: 3 }], task);
    expect(s!.fitsLevel).toBe(true);
    expect(s!.score).toBe(0.325); // 0 + 0.3 · 3/4 + 0.2 · 1/2
  });

  it('breaks ties by name in French order', () => {
    const twin = (personId: string, name: string): Candidate => ({
      personId,
      name,
      skills: [],
      domainLevel: 4,
      openLoad: 1,
    });
    const ranked = suggestAssignees(
      [twin('1', 'Emma Roux'), twin('2', 'Élodie Roux'), twin('3', 'David Roux')],
      task,
    );
    expect(ranked.map((s) => s.name)).toEqual(['David Roux', 'Élodie Roux', 'Emma Roux']);
    expect(ranked.map((s) => s.score)).toEqual([0.4, 0.4, 0.4]);
  });

  it('refuses a task level below 1', () => {
    expect(() => suggestAssignees(team, { text: '', level: 0 })).toThrow(RangeError);
  });
});

describe('round3', () => {
  it('rounds half away from zero without -0', () => {
    expect(round3(0.0005)).toBe(0.001);
    expect(round3(1.0005)).toBe(1.001);
    expect(round3(-0.0005)).toBe(-0.001);
    expect(Object.is(round3(-0.0001), 0)).toBe(true);
    expect(round3(2 / 3)).toBe(0.667);
  });
});
