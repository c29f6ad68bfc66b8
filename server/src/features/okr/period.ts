import { kept } from '../../lib/kept.ts';

/**
 * Calendar rules of the OKR module: periods (90 days or calendar quarters) and review weeks. Dates are
 * calendar days as ISO strings (YYYY-MM-DD); "today" is read in the organisation's time zone.
 */
export type PeriodKind = 'days90' | 'quarter';

/** Teams review in the French working week by default; the time zone decides when a review day begins. */
export const OKR_TIME_ZONE = 'Europe/Paris';
export const PERIOD_DAYS = 90;

const DAY = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

// Calendar arithmetic is asked the same questions over and over (every review week of every objective shown,
// for every request): answers are kept, a few thousand at most. ~8% of the CPU of a review save before.

const dayAnswers = kept<string>(10_000);
export const addDays = (date: string, days: number): string =>
  dayAnswers(`${date} ${days}`, () => fromTime(toTime(date) + days * DAY));
export const daysBetween = (from: string, to: string): number =>
  Math.round((toTime(to) - toTime(from)) / DAY);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(toTime(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The period a chosen start date gives: 90 days from it, or the calendar quarter that contains it. */
export function periodOf(kind: PeriodKind, start: string): { start: string; end: string } {
  if (kind === 'days90') return { start, end: addDays(start, PERIOD_DAYS - 1) };
  const [y, m] = start.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const first = Date.UTC(y, q * 3, 1);
  const next = Date.UTC(y, q * 3 + 3, 1);
  return { start: fromTime(first), end: fromTime(next - DAY) };
}

// Building an Intl formatter costs far more than using one: one per time zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
) {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = make()));
  return f;
}

/** Today's date in a time zone (reviews and reminders follow the team's calendar, not UTC). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // A date only changes on a minute boundary in every time zone: one formatting per zone and minute.
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDay.get(timeZone);
  if (last && last.minute === minute) return last.day;
  // en-CA formats as YYYY-MM-DD.
  const day = formatter(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(now);
  lastDay.set(timeZone, { minute, day });
  return day;
}
const lastDay = new Map<string, { minute: number; day: string }>();

/** Hour (0–23) in a time zone. */
export function hourIn(timeZone: string, now: Date = new Date()): number {
  return Number(
    formatter(
      hourFormats,
      timeZone,
      () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }),
    ).format(now),
  );
}

/** The review day of the week that contains `date` (the latest `weekday` on or before it). */
export function weekSlotOf(date: string, weekday: number): string {
  const back = (weekdayOf(date) - weekday + 7) % 7;
  return addDays(date, -back);
}

/** Every review day of a period, oldest first: the dates on the review weekday between start and end. */
const weekAnswers = kept<readonly string[]>(1_000);
export function reviewWeeks(periodStart: string, periodEnd: string, weekday: number): readonly string[] {
  return weekAnswers(`${periodStart} ${periodEnd} ${weekday}`, () => {
    const first = addDays(periodStart, (weekday - weekdayOf(periodStart) + 7) % 7);
    const out: string[] = [];
    for (let d = first; d <= periodEnd; d = addDays(d, 7)) out.push(d);
    return Object.freeze(out);
  });
}

export type WeekState = 'done' | 'missed' | 'open' | 'upcoming';

/** A week is open from its review day for seven days; once it has ended without a review it is missed. */
export function weekState(slot: string, today: string, reviewed: boolean): WeekState {
  if (reviewed) return 'done';
  if (slot > today) return 'upcoming';
  return addDays(slot, 7) <= today ? 'missed' : 'open';
}

/** The week a review may be written today, if the period has one: its review day is ≤ today < +7 days. */
export function currentReviewWeek(weeks: readonly string[], today: string): string | null {
  for (let i = weeks.length - 1; i >= 0; i--) {
    const w = weeks[i]!;
    if (w <= today) return addDays(w, 7) > today ? w : null;
  }
  return null;
}

/** Share (0–1) of the period elapsed at `today`, both ends included. */
export function elapsedShare(periodStart: string, periodEnd: string, today: string): number {
  const total = daysBetween(periodStart, periodEnd) + 1;
  const done = daysBetween(periodStart, today) + 1;
  return Math.min(1, Math.max(0, done / total));
}
