import { describe, expect, it } from 'vitest';
import {
  KR_DIRECTIONS,
  expectedProgress,
  krProgress,
  krStatus,
  krTargetProblem,
  objectiveProgress,
  type KrInput,
  type KrStatus,
} from './okr-progress.ts';

const kr = (over: Partial<KrInput>): KrInput => ({
  start: 0,
  target: 100,
  direction: 'increase',
  current: null,
  ...over,
});

describe('krProgress', () => {
  it('lists the four directions', () => {
    expect(KR_DIRECTIONS).toEqual(['increase', 'decrease', 'keep_above', 'keep_below']);
  });

  it.each([
    [0, 0],
    [25, 0.25],
    [100, 1],
    [150, 1], // overshoot capped
    [-20, 0], // going backwards capped
  ])('increase 0 → 100 at %d is %d', (current, expected) => {
    expect(krProgress(kr({ current }))).toBe(expected);
  });

  it.each([
    [48, 0],
    [36, 0.5],
    [24, 1],
    [12, 1], // overshoot capped
    [60, 0],
  ])('decrease 48 → 24 at %d is %d', (current, expected) => {
    expect(krProgress(kr({ start: 48, target: 24, direction: 'decrease', current }))).toBe(expected);
  });

  it('works with negative values', () => {
    expect(krProgress(kr({ start: -10, target: 10, current: 0 }))).toBe(0.5);
    expect(krProgress(kr({ start: -10, target: -30, direction: 'decrease', current: -25 }))).toBe(0.75);
    expect(krProgress(kr({ start: -10, target: -30, direction: 'decrease', current: -5 }))).toBe(0);
    expect(krProgress(kr({ direction: 'keep_above', target: -5, current: -4 }))).toBe(1);
    expect(krProgress(kr({ direction: 'keep_below', target: -5, current: -4 }))).toBe(0);
  });

  it('keep_above and keep_below are 1 while the line holds, else 0', () => {
    expect(krProgress(kr({ direction: 'keep_above', target: 90, current: 90 }))).toBe(1);
    expect(krProgress(kr({ direction: 'keep_above', target: 90, current: 95 }))).toBe(1);
    expect(krProgress(kr({ direction: 'keep_above', target: 90, current: 89.9 }))).toBe(0);
    expect(krProgress(kr({ direction: 'keep_below', target: 5, current: 5 }))).toBe(1);
    expect(krProgress(kr({ direction: 'keep_below', target: 5, current: 2 }))).toBe(1);
    expect(krProgress(kr({ direction: 'keep_below', target: 5, current: 5.1 }))).toBe(0);
  });

  it('is 0 for every direction while nothing is measured', () => {
    for (const direction of KR_DIRECTIONS) {
      expect(krProgress(kr({ direction, start: 0, target: 0, current: null })), direction).toBe(0);
      expect(krProgress(kr({ direction, current: null })), direction).toBe(0);
    }
  });

  it('never divides by zero when start equals target', () => {
    expect(krProgress(kr({ start: 10, target: 10, current: 10 }))).toBe(1);
    expect(krProgress(kr({ start: 10, target: 10, current: 12 }))).toBe(1);
    expect(krProgress(kr({ start: 10, target: 10, current: 9 }))).toBe(0);
    expect(krProgress(kr({ start: 10, target: 10, direction: 'decrease', current: 10 }))).toBe(1);
    expect(krProgress(kr({ start: 10, target: 10, direction: 'decrease', current: 8 }))).toBe(1);
    expect(krProgress(kr({ start: 10, target: 10, direction: 'decrease', current: 11 }))).toBe(0);
  });
});

describe('expectedProgress', () => {
  const from = '2025-01-01T00:00:00.000Z';
  const to = '2025-01-11T00:00:00.000Z';
  it.each([
    ['2024-12-31T23:59:59.000Z', 0], // before
    [from, 0], // at start
    ['2025-01-03T12:00:00.000Z', 0.25],
    ['2025-01-06T00:00:00.000Z', 0.5], // middle
    [to, 1], // at end
    ['2025-02-01T00:00:00.000Z', 1], // after
  ])('at %s is %d', (at, expected) => {
    expect(expectedProgress(from, to, at)).toBe(expected);
  });

  it('reads dates without a time and unreadable dates give 0', () => {
    expect(expectedProgress('2025-01-01', '2025-01-11', '2025-01-06')).toBe(0.5);
    expect(expectedProgress('not a date', to, from)).toBe(0);
  });

  it('an empty period is 0 before its end and 1 from its end', () => {
    expect(expectedProgress(from, from, '2024-12-01')).toBe(0);
    expect(expectedProgress(from, from, from)).toBe(1);
  });
});

describe('krStatus', () => {
  const from = '2025-01-01';
  const to = '2025-01-11';
  const middle = '2025-01-06'; // expected 0.5

  it.each<[number, KrStatus]>([
    [100, 'on_track'],
    [50, 'on_track'],
    [40, 'on_track'], // exactly expected − 0.1
    [39.9, 'at_risk'],
    [20, 'at_risk'], // exactly expected − 0.3
    [19.9, 'off_track'],
    [0, 'off_track'],
  ])('increase at %d%% halfway through the period is %s', (current, status) => {
    const r = krStatus(kr({ current }), from, to, middle);
    expect(r.status).toBe(status);
    expect(r.expected).toBe(0.5);
    expect(r.progress).toBeCloseTo(current / 100, 12);
  });

  it('uses the same thresholds for decrease', () => {
    const dec = (current: number) => kr({ start: 100, target: 0, direction: 'decrease', current });
    expect(krStatus(dec(60), from, to, middle).status).toBe('on_track');
    expect(krStatus(dec(61), from, to, middle).status).toBe('at_risk');
    expect(krStatus(dec(80), from, to, middle).status).toBe('at_risk');
    expect(krStatus(dec(81), from, to, middle).status).toBe('off_track');
  });

  it('nothing measured is on track before the period and off track at its end', () => {
    expect(krStatus(kr({ current: null }), from, to, '2024-12-01').status).toBe('on_track');
    expect(krStatus(kr({ current: null }), from, to, '2025-01-02').status).toBe('on_track');
    expect(krStatus(kr({ current: null }), from, to, to)).toEqual({
      progress: 0,
      expected: 1,
      status: 'off_track',
    });
  });

  it('keep_above: holds, within 5 % of |target| on the wrong side, further', () => {
    const keep = (target: number, current: number | null) => kr({ direction: 'keep_above', target, current });
    expect(krStatus(keep(100, 100), from, to, to)).toEqual({ progress: 1, expected: 1, status: 'on_track' });
    expect(krStatus(keep(100, 95), from, to, middle).status).toBe('at_risk'); // exactly 5 %
    expect(krStatus(keep(100, 94.9), from, to, middle).status).toBe('off_track');
    expect(krStatus(keep(-20, -21), from, to, middle).status).toBe('at_risk');
    expect(krStatus(keep(-20, -21.1), from, to, middle).status).toBe('off_track');
    expect(krStatus(keep(0, -0.01), from, to, middle).status).toBe('off_track'); // no band around 0
    expect(krStatus(keep(100, null), from, to, middle)).toEqual({
      progress: 0,
      expected: 0.5,
      status: 'off_track',
    });
  });

  it('keep_below: holds, within 5 % of |target| on the wrong side, further', () => {
    const keep = (target: number, current: number) => kr({ direction: 'keep_below', target, current });
    expect(krStatus(keep(10, 3), from, to, middle).status).toBe('on_track');
    expect(krStatus(keep(10, 10.5), from, to, middle).status).toBe('at_risk'); // exactly 5 %
    expect(krStatus(keep(10, 10.6), from, to, middle).status).toBe('off_track');
    expect(krStatus(keep(-10, -9.5), from, to, middle).status).toBe('at_risk');
    expect(krStatus(keep(-10, -9.4), from, to, middle).status).toBe('off_track');
  });
});

describe('objectiveProgress', () => {
  it('is 0 with no status when there is no key result', () => {
    expect(objectiveProgress([])).toEqual({ progress: 0, status: null });
  });

  it('averages the progress and keeps the worst status', () => {
    expect(
      objectiveProgress([
        { progress: 1, status: 'on_track' },
        { progress: 0.5, status: 'at_risk' },
        { progress: 0, status: 'on_track' },
      ]),
    ).toEqual({ progress: 0.5, status: 'at_risk' });
    expect(
      objectiveProgress([
        { progress: 0.2, status: 'off_track' },
        { progress: 0.6, status: 'at_risk' },
      ]),
    ).toEqual({ progress: 0.4, status: 'off_track' });
    expect(objectiveProgress([{ progress: 0.7, status: 'on_track' }])).toEqual({
      progress: 0.7,
      status: 'on_track',
    });
  });
});

describe('krTargetProblem', () => {
  it.each([
    [{ start: 10, target: 10, direction: 'increase' as const }, 'target_equals_start'],
    [{ start: 10, target: 10, direction: 'decrease' as const }, 'target_equals_start'],
    [{ start: 10, target: 5, direction: 'increase' as const }, 'target_below_start'],
    [{ start: 10, target: 15, direction: 'decrease' as const }, 'target_above_start'],
    [{ start: 10, target: 15, direction: 'increase' as const }, null],
    [{ start: -10, target: -15, direction: 'decrease' as const }, null],
    [{ start: 10, target: 10, direction: 'keep_above' as const }, null],
    [{ start: 0, target: 5, direction: 'keep_below' as const }, null],
  ])('%o → %s', (input, expected) => {
    expect(krTargetProblem(input)).toBe(expected);
  });
});
