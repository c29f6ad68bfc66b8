/**
 * Delegation & autonomy: pure rules (autonomy rate and its trend, weekly review sampling,
 * "who could take it?" suggestions). No I/O, no dependencies.
 */

export const AUTONOMY_LEVELS = [1, 2, 3, 4, 5, 6, 7] as const; // 1 tell · 2 sell · 3 consult · 4 agree · 5 advise · 6 inquire · 7 delegate
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];
export const AUTONOMY_LEVEL_KEYS = [
  'tell',
  'sell',
  'consult',
  'agree',
  'advise',
  'inquire',
  'delegate',
] as const; // index = level-1
export type AutonomyLevelKey = (typeof AUTONOMY_LEVEL_KEYS)[number];

export const isAutonomyLevel = (value: unknown): value is AutonomyLevel =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;

export const autonomyLevelKey = (level: AutonomyLevel): AutonomyLevelKey => AUTONOMY_LEVEL_KEYS[level - 1]!;

const DAY_MS = 86_400_000;

/** Rounds to 3 decimals, half away from zero, without binary artefacts (0.0005 → 0.001) nor -0. */
export const round3 = (x: number): number => {
  const scaled = Number((Math.abs(x) * 1000).toPrecision(12));
  const r = (Math.sign(x) * Math.round(scaled)) / 1000;
  return r === 0 ? 0 : r;
};

/** Locale-independent ascending order (UTF-16 code units), stable across servers. */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const parseInstant = (iso: string, what: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid ISO instant: ${iso}`);
  return ms;
};

// ---------------------------------------------------------------------------------------------
// Autonomy rate

/** Something a person concluded: an initiative they logged, or a delegation finished. */
export interface ConcludedItem {
  personId: string;
  concludedAt: string; // ISO instant
  withoutValidation: boolean;
}

export interface RateResult {
  concluded: number;
  withoutValidation: number;
  rate: number | null; // null when concluded = 0
}

const toRate = (concluded: number, withoutValidation: number): RateResult => ({
  concluded,
  withoutValidation,
  rate: concluded === 0 ? null : withoutValidation / concluded,
});

/** Half-open period [from, to) of ISO instants. Items exactly at `from` count, at `to` do not. */
export function autonomyRate(items: readonly ConcludedItem[], from: string, to: string): RateResult {
  const start = parseInstant(from, 'from');
  const end = parseInstant(to, 'to');
  let concluded = 0;
  let without = 0;
  for (const item of items) {
    const t = Date.parse(item.concludedAt);
    // NaN (unparseable date) fails both comparisons and is skipped.
    if (t >= start && t < end) {
      concluded++;
      if (item.withoutValidation) without++;
    }
  }
  return toRate(concluded, without);
}

export interface IndicatorOptions {
  to: string; // ISO end, exclusive
  periodDays: number; // e.g. 30, 90, 365
  buckets?: number; // number of consecutive periods in the series, default 6
}

export type PeriodRate = RateResult & { from: string; to: string };

export interface AutonomyIndicator {
  current: PeriodRate;
  previous: PeriodRate;
  /** 'up' when current.rate - previous.rate >= 0.05, 'down' when <= -0.05, 'flat' otherwise; null when either rate is null. */
  trend: 'up' | 'down' | 'flat' | null;
  delta: number | null; // current.rate - previous.rate rounded to 3 decimals, null when either is null
  /** Oldest first, `buckets` consecutive periods ending at `to` (the last one equals current). */
  series: PeriodRate[];
}

/** Threshold of a visible change in the rate (5 points); the epsilon absorbs floating-point noise (0.35 - 0.3). */
const TREND_THRESHOLD = 0.05;
const EPSILON = 1e-9;

/**
 * The grid of consecutive periods ending at `to`: `count` periods of `span` ms starting at `start`.
 * It always holds at least 2 periods so that `previous` exists even with buckets = 1.
 */
interface Grid {
  start: number;
  span: number;
  count: number;
  buckets: number;
}

function makeGrid(opts: IndicatorOptions): Grid {
  const end = parseInstant(opts.to, 'to');
  if (!(opts.periodDays > 0) || !Number.isFinite(opts.periodDays)) {
    throw new RangeError(`periodDays must be a positive number: ${opts.periodDays}`);
  }
  const buckets = opts.buckets ?? 6;
  if (!Number.isInteger(buckets) || buckets < 1)
    throw new RangeError(`buckets must be an integer ≥ 1: ${buckets}`);
  const span = Math.round(opts.periodDays * DAY_MS);
  const count = Math.max(buckets, 2);
  return { start: end - count * span, span, count, buckets };
}

/** Index of the period holding `concludedAt` in the grid, or -1 outside (or unparseable). O(1). */
function periodIndex(grid: Grid, concludedAt: string): number {
  const t = Date.parse(concludedAt);
  if (Number.isNaN(t)) return -1;
  const offset = t - grid.start;
  if (offset < 0) return -1;
  const k = Math.floor(offset / grid.span);
  return k < grid.count ? k : -1;
}

/** Per period: [concluded, withoutValidation] pairs flattened in one array. */
type Tally = number[];

const newTally = (grid: Grid): Tally => new Array<number>(grid.count * 2).fill(0);

const addToTally = (tally: Tally, k: number, withoutValidation: boolean): void => {
  tally[2 * k] = tally[2 * k]! + 1;
  if (withoutValidation) tally[2 * k + 1] = tally[2 * k + 1]! + 1;
};

function indicatorFromTally(grid: Grid, tally: Tally): AutonomyIndicator {
  // The rate is spread last: new keys after a spread cost V8 fresh hidden classes (ARCHITECTURE.md, "Hot paths").
  const period = (k: number): PeriodRate => ({
    from: new Date(grid.start + k * grid.span).toISOString(),
    to: new Date(grid.start + (k + 1) * grid.span).toISOString(),
    ...toRate(tally[2 * k]!, tally[2 * k + 1]!),
  });
  const series: PeriodRate[] = [];
  for (let k = grid.count - grid.buckets; k < grid.count; k++) series.push(period(k));
  const current = series[series.length - 1]!;
  const previous = grid.buckets >= 2 ? series[series.length - 2]! : period(grid.count - 2);

  let trend: AutonomyIndicator['trend'] = null;
  let delta: number | null = null;
  if (current.rate !== null && previous.rate !== null) {
    const diff = current.rate - previous.rate;
    delta = round3(diff);
    trend = diff >= TREND_THRESHOLD - EPSILON ? 'up' : diff <= -TREND_THRESHOLD + EPSILON ? 'down' : 'flat';
  }
  return { current, previous, trend, delta, series };
}

/**
 * Autonomy rate over the last period, the one before, and a series of `buckets` periods, all ending at `to`.
 * One pass over items: each item's period index is computed arithmetically.
 */
export function autonomyIndicator(
  items: readonly ConcludedItem[],
  opts: IndicatorOptions,
): AutonomyIndicator {
  const grid = makeGrid(opts);
  const tally = newTally(grid);
  for (const item of items) {
    const k = periodIndex(grid, item.concludedAt);
    if (k >= 0) addToTally(tally, k, item.withoutValidation);
  }
  return indicatorFromTally(grid, tally);
}

/**
 * Same per person: Map personId -> indicator (only people present in items, plus any ids listed in `people`).
 * Keys are in ascending id order. One pass over items.
 */
export function autonomyIndicatorByPerson(
  items: readonly ConcludedItem[],
  opts: IndicatorOptions,
  people?: readonly string[],
): Map<string, AutonomyIndicator> {
  const grid = makeGrid(opts);
  const tallies = new Map<string, Tally>();
  const tallyOf = (personId: string): Tally => {
    let tally = tallies.get(personId);
    if (!tally) {
      tally = newTally(grid);
      tallies.set(personId, tally);
    }
    return tally;
  };
  for (const personId of people ?? []) tallyOf(personId);
  for (const item of items) {
    const tally = tallyOf(item.personId);
    const k = periodIndex(grid, item.concludedAt);
    if (k >= 0) addToTally(tally, k, item.withoutValidation);
  }
  const result = new Map<string, AutonomyIndicator>();
  for (const personId of [...tallies.keys()].sort(compareCodeUnits)) {
    result.set(personId, indicatorFromTally(grid, tallies.get(personId)!));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Weekly review sampling

/** How many to draw: 0 when n = 0, otherwise max(1, ceil(share * n)), never more than n. share in [0,1]. */
export function sampleSize(n: number, share: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1]: ${share}`);
  if (n === 0) return 0;
  // The epsilon keeps 0.07 * 100 = 7.000000000000001 at 7.
  return Math.min(n, Math.max(1, Math.ceil(share * n - EPSILON)));
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Reproducible draw: same ids (in any input order) + same share + same seed → same result. Returns ids sorted
 * ascending. Duplicated ids count once. FNV-1a(seed) feeds mulberry32, which drives a partial Fisher–Yates
 * shuffle of the ids sorted ascending.
 */
export function drawSample(ids: readonly string[], share: number, seed: string): string[] {
  const pool = [...new Set(ids)].sort(compareCodeUnits);
  const k = sampleSize(pool.length, share);
  const random = mulberry32(fnv1a32(seed));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = picked;
  }
  return pool.slice(0, k).sort(compareCodeUnits);
}

/** The seed recorded for audit: `${teamManagerId}:${weekStart}` where weekStart is the ISO date (YYYY-MM-DD) of the Monday of that week in UTC. */
export function sampleSeed(managerId: string, at: Date): { seed: string; weekStart: string } {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('at is an invalid date');
  const daysSinceMonday = (at.getUTCDay() + 6) % 7; // Sunday (0) → 6, Monday (1) → 0
  const monday = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - daysSinceMonday);
  const weekStart = new Date(monday).toISOString().slice(0, 10);
  return { seed: `${managerId}:${weekStart}`, weekStart };
}

// ---------------------------------------------------------------------------------------------
// "Who could take it?" suggestions

export interface Candidate {
  personId: string;
  name: string;
  skills: ReadonlyArray<{ name: string; level: number }>; // level 1-4
  domainLevel: number | null; // current autonomy level of this person in the card's domain, null if none
  openLoad: number; // open delegations assigned to them
}

export interface SuggestionTask {
  text: string; // card outcome + domain name + risks, free text FR or EN
  level: number; // autonomy level requested on the card 1-7
}

export interface Suggestion {
  personId: string;
  name: string;
  score: number; // 0-1, rounded to 3 decimals
  matchedSkills: Array<{ name: string; level: number }>; // best first
  domainLevel: number | null;
  fitsLevel: boolean; // domainLevel !== null && domainLevel >= task.level - 1
  openLoad: number;
  /** The main reason, for a one-line explanation. */
  reason: 'skills' | 'level' | 'load' | 'growth';
}

/** Accent- and case-insensitive form: NFD, combining marks stripped, lower case. */
export const foldText = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** Words of a text prepared once for many skill tests. */
interface PreparedText {
  words: string[];
  padded: string; // ' w1 w2 … ' for whole-word phrase search
}

const prepareText = (text: string): PreparedText => {
  const words = wordsOf(foldText(text));
  return { words, padded: ` ${words.join(' ')} ` };
};

const MIN_WORD = 4; // skill words shorter than this never match by prefix
const PREFIX = 5; // shared prefix length (or the whole skill word when shorter)

function matchesPrepared(skillName: string, text: PreparedText): boolean {
  const skillWords = wordsOf(foldText(skillName));
  if (skillWords.length === 0) return false;
  // The whole skill name, as whole words ("ia" does not match inside "negociation").
  if (text.padded.includes(` ${skillWords.join(' ')} `)) return true;
  // Or any long enough skill word sharing a prefix with a word of the text.
  return skillWords.some((sw) => {
    if (sw.length < MIN_WORD) return false;
    const prefix = sw.slice(0, PREFIX);
    return text.words.some((tw) => tw.startsWith(prefix));
  });
}

/**
 * Whether a skill matches a free text: accent- and case-insensitive; the skill name appears in the text as whole
 * words, or one of its words of ≥ 4 letters shares its first 5 letters (the whole word when shorter) with a word
 * of the text ("négociation" ~ "négocier", "relation client" ~ "relations clients").
 */
export const skillMatches = (skillName: string, text: string): boolean =>
  matchesPrepared(skillName, prepareText(text));

const WEIGHT_SKILLS = 0.5;
const WEIGHT_LEVEL = 0.3;
const WEIGHT_LOAD = 0.2;

/**
 * Ranks who could take a delegation card.
 *
 *   score = 0.5 · skillScore + 0.3 · levelScore + 0.2 · loadScore
 *   skillScore = min(1, Σ levels of matched skills / 4)   (one expert skill, or two intermediate ones, suffice)
 *   levelScore = domainLevel === null ? 0.2 : min(1, domainLevel / task.level)
 *   loadScore  = 1 / (1 + openLoad)
 *
 * reason: the component with the largest weighted contribution (ties: skills, then level, then load), except
 * 'growth' for someone with no matched skill, no domain level or one below task.level - 1, and no open load.
 * Sorted by rounded score descending, then name (localeCompare 'fr'); the first `limit` are returned.
 */
export function suggestAssignees(
  candidates: readonly Candidate[],
  task: SuggestionTask,
  limit = 3,
): Suggestion[] {
  if (!(task.level >= 1) || !Number.isFinite(task.level)) {
    throw new RangeError(`task.level must be ≥ 1: ${task.level}`);
  }
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a non-negative integer: ${limit}`);
  const text = prepareText(task.text);

  const suggestions = candidates.map((c): Suggestion => {
    const matchedSkills = c.skills
      .filter((s) => matchesPrepared(s.name, text))
      .map((s) => ({ name: s.name, level: s.level }))
      .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'fr'));
    const levelSum = matchedSkills.reduce((sum, s) => sum + s.level, 0);
    const skills = WEIGHT_SKILLS * Math.min(1, levelSum / 4);
    const level = WEIGHT_LEVEL * (c.domainLevel === null ? 0.2 : Math.min(1, c.domainLevel / task.level));
    const load = WEIGHT_LOAD * (1 / (1 + c.openLoad));
    const fitsLevel = c.domainLevel !== null && c.domainLevel >= task.level - 1;

    let reason: Suggestion['reason'];
    if (matchedSkills.length === 0 && !fitsLevel && c.openLoad === 0) reason = 'growth';
    else if (skills >= level && skills >= load) reason = 'skills';
    else if (level >= load) reason = 'level';
    else reason = 'load';

    return {
      personId: c.personId,
      name: c.name,
      score: round3(skills + level + load),
      matchedSkills,
      domainLevel: c.domainLevel,
      fitsLevel,
      openLoad: c.openLoad,
      reason,
    };
  });

  suggestions.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'fr'));
  return suggestions.slice(0, limit);
}
