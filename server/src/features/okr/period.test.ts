import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentReviewWeek,
  hourIn,
  periodOf,
  reviewWeeks,
  todayIn,
  weekSlotOf,
  weekState,
  weekdayOf,
} from './period.ts';

describe('OKR periods and review weeks', () => {
  it('cuts 90 days from the chosen date, or the calendar quarter that contains it', () => {
    expect(periodOf('days90', '2026-11-23')).toEqual({ start: '2026-11-23', end: '2027-02-20' });
    expect(periodOf('quarter', '2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('quarter', '2028-02-10')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(periodOf('quarter', '2027-06-30')).toEqual({ start: '2027-04-01', end: '2027-06-30' });
  });

  it('lists every review day of a period on the team weekday', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
    const weeks = reviewWeeks('2026-11-25', '2026-12-31', 1);
    expect(weeks).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(reviewWeeks('2026-11-23', addDays('2026-11-23', 89), 1)).toHaveLength(13);
    expect(weekSlotOf('2026-11-26', 1)).toBe('2026-11-23');
    expect(weekSlotOf('2026-11-23', 1)).toBe('2026-11-23');
    expect(weekSlotOf('2026-11-23', 3)).toBe('2026-11-18');
  });

  it('marks a week done, open during its seven days, missed once it has ended, upcoming before', () => {
    expect(weekState('2026-11-23', '2026-11-23', false)).toBe('open');
    expect(weekState('2026-11-23', '2026-11-29', false)).toBe('open');
    expect(weekState('2026-11-23', '2026-11-30', false)).toBe('missed');
    expect(weekState('2026-11-23', '2026-11-30', true)).toBe('done');
    expect(weekState('2026-11-30', '2026-11-29', false)).toBe('upcoming');
    const weeks = ['2026-11-23', '2026-11-30'];
    expect(currentReviewWeek(weeks, '2026-11-22')).toBeNull();
    expect(currentReviewWeek(weeks, '2026-12-02')).toBe('2026-11-30');
    expect(currentReviewWeek(weeks, '2026-12-07')).toBeNull();
  });

  it('reads the calendar day and hour in Paris, not UTC', () => {
    const lateUtc = new Date('2026-11-22T23:30:00Z');
    expect(todayIn('Europe/Paris', lateUtc)).toBe('2026-11-23');
    expect(hourIn('Europe/Paris', lateUtc)).toBe(0);
    expect(hourIn('Europe/Paris', new Date('2026-07-01T06:00:00Z'))).toBe(8);
  });
});
