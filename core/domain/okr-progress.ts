/**
 * Cap (OKR light): how far a key result has come, how far it should have come by now, and what that means.
 *
 * Rules, in one place:
 * - increase / decrease: progress is the share of the way from `start` to `target` already covered,
 *   capped to [0, 1] (overshoot counts as 1, going backwards as 0). When start === target nothing can be
 *   divided: progress is 1 once the value is at or past the target in the KR's direction, else 0.
 * - keep_above / keep_below: the KR is a line to hold, not a distance to cover: progress is 1 while the
 *   value holds the line (current >= target, resp. <= target), else 0.
 * - No value yet (current null) means nothing measured: progress 0 for every direction.
 * - Expected progress is the share of the period already elapsed (linear, 0 before it, 1 after it).
 * - Status of increase / decrease: on_track when progress >= expected − 0.1, at_risk when
 *   progress >= expected − 0.3, off_track below. Boundaries count on the better side.
 * - Status of keep_above / keep_below: on_track while the line holds; at_risk when the value is on the
 *   wrong side but within 5 % of |target| of the line (so with target 0 there is no at_risk band);
 *   off_track further away, or when nothing has been measured yet (a line nobody has checked is not held).
 * - An objective's progress is the mean of its KRs' progress (0 with none); its status the worst KR status
 *   (null with no KR).
 * Comparisons tolerate 1e-9 so that a boundary computed from round numbers (0.5 − 0.1) counts as reached.
 */

export const KR_DIRECTIONS = ['increase', 'decrease', 'keep_above', 'keep_below'] as const;
export type KrDirection = (typeof KR_DIRECTIONS)[number];

export interface KrInput {
  start: number;
  target: number;
  direction: KrDirection;
  /** Latest value; null while none has been recorded. */
  current: number | null;
}

export type KrStatus = 'on_track' | 'at_risk' | 'off_track';

/** Below `expected` by at most this much: on track. */
export const ON_TRACK_MARGIN = 0.1;
/** Below `expected` by at most this much (and more than ON_TRACK_MARGIN): at risk. */
export const AT_RISK_MARGIN = 0.3;
/** keep_above / keep_below: on the wrong side by at most this share of |target|: at risk. */
export const KEEP_TOLERANCE = 0.05;

const EPSILON = 1e-9;
const STATUS_RANK: Record<KrStatus, number> = { on_track: 0, at_risk: 1, off_track: 2 };

const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x); // never -0
const isKeep = (d: KrDirection): d is 'keep_above' | 'keep_below' => d === 'keep_above' || d === 'keep_below';
const measured = (current: number | null): current is number => current !== null && Number.isFinite(current);

/** Position 0–1 between start and target (see the rules at the top of this file). */
export function krProgress(kr: KrInput): number {
  const { start, target, direction, current } = kr;
  if (!measured(current)) return 0;
  if (direction === 'keep_above') return current >= target ? 1 : 0;
  if (direction === 'keep_below') return current <= target ? 1 : 0;
  if (start === target) {
    const reached = direction === 'increase' ? current >= target : current <= target;
    return reached ? 1 : 0;
  }
  return clamp01((current - start) / (target - start));
}

/**
 * Share of the period elapsed at `at`: 0 before or at its start, 1 at or after its end, linear between.
 * Arguments are ISO-8601 strings (a date alone means midnight UTC); an unreadable one gives 0.
 */
export function expectedProgress(periodStart: string, periodEnd: string, at: string): number {
  const s = Date.parse(periodStart);
  const e = Date.parse(periodEnd);
  const t = Date.parse(at);
  if (Number.isNaN(s) || Number.isNaN(e) || Number.isNaN(t)) return 0;
  if (t >= e) return 1;
  if (t <= s) return 0;
  return (t - s) / (e - s);
}

function keepStatus(kr: KrInput, progress: number): KrStatus {
  if (progress === 1) return 'on_track';
  if (!measured(kr.current)) return 'off_track';
  const band = KEEP_TOLERANCE * Math.abs(kr.target) + EPSILON * Math.max(1, Math.abs(kr.target));
  const gap = kr.direction === 'keep_above' ? kr.target - kr.current : kr.current - kr.target;
  return gap <= band ? 'at_risk' : 'off_track';
}

/** Progress, expected progress and status of one key result at `at` (see the rules at the top of this file). */
export function krStatus(
  kr: KrInput,
  periodStart: string,
  periodEnd: string,
  at: string,
): { progress: number; expected: number; status: KrStatus } {
  const progress = krProgress(kr);
  const expected = expectedProgress(periodStart, periodEnd, at);
  let status: KrStatus;
  if (isKeep(kr.direction)) status = keepStatus(kr, progress);
  else if (progress >= expected - ON_TRACK_MARGIN - EPSILON) status = 'on_track';
  else if (progress >= expected - AT_RISK_MARGIN - EPSILON) status = 'at_risk';
  else status = 'off_track';
  return { progress, expected, status };
}

/** Objective progress: mean of its KRs' progress (0 with none); status: the worst KR status (null with none). */
export function objectiveProgress(krs: ReadonlyArray<{ progress: number; status: KrStatus }>): {
  progress: number;
  status: KrStatus | null;
} {
  if (krs.length === 0) return { progress: 0, status: null };
  let sum = 0;
  let worst: KrStatus = 'on_track';
  for (const kr of krs) {
    sum += kr.progress;
    if (STATUS_RANK[kr.status] > STATUS_RANK[worst]) worst = kr.status;
  }
  return { progress: sum / krs.length, status: worst };
}

/**
 * Why a key result's target cannot be saved, as an error code for the API, or null when it can:
 * increase and decrease need a target different from the start, on the side the direction names.
 * keep_above / keep_below accept any target (the start is only a reference).
 */
export function krTargetProblem(kr: {
  start: number;
  target: number;
  direction: KrDirection;
}): null | 'target_equals_start' | 'target_below_start' | 'target_above_start' {
  if (isKeep(kr.direction)) return null;
  if (kr.start === kr.target) return 'target_equals_start';
  if (kr.direction === 'increase' && kr.target < kr.start) return 'target_below_start';
  if (kr.direction === 'decrease' && kr.target > kr.start) return 'target_above_start';
  return null;
}
