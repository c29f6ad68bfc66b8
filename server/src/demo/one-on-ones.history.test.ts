import { describe, expect, it } from 'vitest';
import { createRng } from './demo.random.ts';
import { buildOneOnOneHistory } from './one-on-ones.history.ts';

const HOUR = 3_600_000;
const pair = { managerId: 'manager', reportId: 'report' };

const build = (now: Date) =>
  buildOneOnOneHistory({ orgId: 'org', pairs: [pair], now, weeks: 10, rng: createRng(7) });

/** The meeting the series page and the home page call "next": the earliest one still planned. */
function nextMeeting(rows: ReturnType<typeof build>) {
  const planned = rows.meetings.filter((m) => m.status === 'planned');
  planned.sort((a, b) => Date.parse(a.planned_at) - Date.parse(b.planned_at));
  return planned[0]!;
}

describe('one-to-one history of the demo', () => {
  // The same seed draws the same weekly slot whatever `now` is: find it once, then stand just before or just
  // after one occurrence of it.
  const slot = Date.parse(nextMeeting(build(new Date('2026-12-02T12:00:00Z'))).planned_at);

  it.each([
    ['a day before the meeting', slot - 24 * HOUR],
    ['an hour after it started (not held yet)', slot + HOUR],
  ])('gives the next meeting an agenda, %s', (_label, nowMs) => {
    const rows = build(new Date(nowMs));
    const next = nextMeeting(rows);
    expect(next.planned_at).toBe(new Date(slot).toISOString());
    const topics = rows.topics.filter((t) => t.meeting_id === next.id);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics[0]!.author_id).toBe(pair.reportId);
    expect(topics.every((t) => Date.parse(t.created_at!) <= nowMs)).toBe(true);
  });
});
