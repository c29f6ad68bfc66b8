/**
 * Occurrences of a series keep the wall-clock time of the first one in the series' IANA time zone,
 * so a Monday 10:00 stays at 10:00 after a daylight-saving change. Pure functions, no database.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallOf(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year!,
    m: parts.month!,
    d: parts.day!,
    h: parts.hour!,
    mi: parts.minute!,
    s: parts.second!,
  };
}

const offsetAt = (ms: number, timeZone: string): number => {
  const w = wallOf(ms, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
};

/** The instant at which the wall clock of `timeZone` shows this local date and time. */
function zonedToUtc(w: Wall, timeZone: string): number {
  const guess = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** The k-th occurrence (k = 0 is the first one). */
export function occurrenceAt(firstAtIso: string, timeZone: string, cadenceWeeks: number, k: number): string {
  const first = Date.parse(firstAtIso);
  const w = wallOf(first, timeZone);
  const day = new Date(Date.UTC(w.y, w.m - 1, w.d + 7 * cadenceWeeks * k));
  return new Date(
    zonedToUtc({ ...w, y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate() }, timeZone),
  ).toISOString();
}

/** Index of the occurrence whose local date is the one of `plannedAtIso` (nearest). */
export function occurrenceIndex(
  firstAtIso: string,
  timeZone: string,
  cadenceWeeks: number,
  plannedAtIso: string,
): number {
  const a = wallOf(Date.parse(firstAtIso), timeZone);
  const b = wallOf(Date.parse(plannedAtIso), timeZone);
  const days = (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS;
  return Math.round(days / (7 * cadenceWeeks));
}

/** How many future occurrences a series keeps materialised: 12 weeks ahead, and never fewer than 8. */
export const MIN_FUTURE = 8;
export const targetFuture = (cadenceWeeks: number): number =>
  Math.max(MIN_FUTURE, Math.ceil(12 / cadenceWeeks));

/**
 * The occurrences to add so that at least `targetFuture` lie after `now`, continuing after the last
 * materialised one (`lastPlannedAt`, null when none) and never creating occurrences in the past.
 */
export function occurrencesToAdd(opts: {
  firstAt: string;
  timeZone: string;
  cadenceWeeks: number;
  lastPlannedAt: string | null;
  futureCount: number;
  now: string;
}): string[] {
  const target = targetFuture(opts.cadenceWeeks);
  if (opts.lastPlannedAt !== null && opts.futureCount >= MIN_FUTURE) return [];
  let k =
    opts.lastPlannedAt === null
      ? 0
      : occurrenceIndex(opts.firstAt, opts.timeZone, opts.cadenceWeeks, opts.lastPlannedAt) + 1;
  const out: string[] = [];
  let future = opts.futureCount;
  const nowMs = Date.parse(opts.now);
  for (let guard = 0; future < target && guard < 10_000; guard++, k++) {
    const at = occurrenceAt(opts.firstAt, opts.timeZone, opts.cadenceWeeks, k);
    if (Date.parse(at) <= nowMs) continue;
    out.push(at);
    future++;
  }
  return out;
}
