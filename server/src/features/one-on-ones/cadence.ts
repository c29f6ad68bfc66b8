import type { CadenceStats } from '../../../../core/api/one-on-ones.schemas.ts';

/** Metrics of how well a slot is kept: numbers only, computed from the meetings' dates and statuses. */
export interface CadenceRow {
  series_id: string;
  planned_at: string;
  scheduled_at: string;
  status: string;
  moved: number;
}

const DAY_MS = 86_400_000;
const sameDate = (a: string, b: string) =>
  new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);

/**
 * An occurrence is due once its fate is decided: its planned date has passed, or it was held, cancelled or
 * moved (a slot given up counts at once). Held on the planned date = held and scheduled on the planned day.
 */
export function computeCadence(rows: readonly CadenceRow[], now: string): CadenceStats {
  const nowMs = Date.parse(now);
  let due = 0;
  let heldOnPlannedDate = 0;
  let heldAfterMove = 0;
  let moved = 0;
  let cancelled = 0;
  const heldBySeries = new Map<string, number[]>();
  for (const r of rows) {
    const isMoved = r.moved === 1;
    const isDue =
      r.status === 'held' || r.status === 'cancelled' || isMoved || Date.parse(r.planned_at) <= nowMs;
    if (!isDue) continue;
    due++;
    if (isMoved) moved++;
    if (r.status === 'cancelled') cancelled++;
    if (r.status === 'held') {
      const times = heldBySeries.get(r.series_id) ?? [];
      times.push(Date.parse(r.scheduled_at));
      heldBySeries.set(r.series_id, times);
      if (sameDate(r.scheduled_at, r.planned_at)) heldOnPlannedDate++;
      else heldAfterMove++;
    }
  }
  // Intervals are measured within each pair, then pooled across the manager's pairs.
  let span = 0;
  let gaps = 0;
  for (const times of heldBySeries.values()) {
    if (times.length < 2) continue;
    span += Math.max(...times) - Math.min(...times);
    gaps += times.length - 1;
  }
  const averageIntervalDays = gaps === 0 ? null : Math.round((span / DAY_MS / gaps) * 10) / 10;
  return {
    due,
    heldOnPlannedDate,
    heldAfterMove,
    moved,
    cancelled,
    keptRate: due === 0 ? null : Math.round((heldOnPlannedDate / due) * 1000) / 1000,
    averageIntervalDays,
  };
}
