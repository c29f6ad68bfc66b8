import { describe, expect, it } from 'vitest';
import { computeCadence } from './cadence.ts';
import { occurrenceAt, occurrencesToAdd } from './recurrence.ts';

describe('occurrences', () => {
  it('keep the local time of the slot across a daylight-saving change', () => {
    // Monday 10:00 in Paris: 08:00Z in summer time, 09:00Z after the last Sunday of October.
    const first = '2026-10-19T08:00:00.000Z';
    expect(occurrenceAt(first, 'Europe/Paris', 1, 1)).toBe('2026-10-26T09:00:00.000Z');
    expect(occurrenceAt(first, 'Europe/Paris', 2, 1)).toBe('2026-11-02T09:00:00.000Z');
    expect(occurrenceAt(first, 'UTC', 1, 1)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('stay at least 8 ahead, never in the past, continuing after the last one', () => {
    const first = '2026-01-05T09:00:00.000Z';
    const initial = occurrencesToAdd({
      firstAt: first,
      timeZone: 'UTC',
      cadenceWeeks: 1,
      lastPlannedAt: null,
      futureCount: 0,
      now: '2026-01-01T00:00:00.000Z',
    });
    expect(initial.length).toBe(12);
    expect(initial[0]).toBe(first);
    const none = occurrencesToAdd({
      firstAt: first,
      timeZone: 'UTC',
      cadenceWeeks: 1,
      lastPlannedAt: initial[11]!,
      futureCount: 8,
      now: '2026-01-29T00:00:00.000Z',
    });
    expect(none).toEqual([]);
    // Switched back on months later: resumes from the next future slot.
    const resumed = occurrencesToAdd({
      firstAt: first,
      timeZone: 'UTC',
      cadenceWeeks: 1,
      lastPlannedAt: initial[11]!,
      futureCount: 0,
      now: '2026-06-02T00:00:00.000Z',
    });
    expect(resumed[0]).toBe('2026-06-08T09:00:00.000Z');
    expect(resumed.length).toBe(12);
  });
});

describe('cadence', () => {
  const row = (series: string, planned: string, scheduled: string, status: string, moved = 0) => ({
    series_id: series,
    planned_at: planned,
    scheduled_at: scheduled,
    status,
    moved,
  });
  it('counts kept, moved and cancelled slots and the interval within each pair', () => {
    const now = '2026-03-01T00:00:00.000Z';
    const stats = computeCadence(
      [
        row('a', '2026-02-02T09:00:00Z', '2026-02-02T09:00:00Z', 'held'),
        row('a', '2026-02-09T09:00:00Z', '2026-02-10T09:00:00Z', 'held', 1),
        row('a', '2026-02-16T09:00:00Z', '2026-02-16T09:00:00Z', 'cancelled'),
        row('a', '2026-02-23T09:00:00Z', '2026-02-23T09:00:00Z', 'planned'),
        row('b', '2026-02-03T09:00:00Z', '2026-02-03T09:00:00Z', 'held'),
        row('b', '2026-02-17T09:00:00Z', '2026-02-17T09:00:00Z', 'held'),
        row('b', '2026-03-03T09:00:00Z', '2026-03-03T09:00:00Z', 'planned'),
      ],
      now,
    );
    expect(stats).toEqual({
      due: 6,
      heldOnPlannedDate: 3,
      heldAfterMove: 1,
      moved: 1,
      cancelled: 1,
      keptRate: 0.5,
      averageIntervalDays: 11,
    });
    expect(computeCadence([], now)).toEqual({
      due: 0,
      heldOnPlannedDate: 0,
      heldAfterMove: 0,
      moved: 0,
      cancelled: 0,
      keptRate: null,
      averageIntervalDays: null,
    });
  });
});
