/**
 * A short-lived, per-process cache of computed responses, partitioned by organisation. Every write that can
 * change a cached response calls `changed(orgId)` once committed, so the next read in this process computes
 * afresh; another instance (PostgreSQL deployments) sees the change within `ttlMs` at most. A value is
 * stored under the version seen when its computation started, so a read racing a write can never keep the
 * older data under the newer version. The cache never decides who may read: callers either authorize before
 * every lookup, or authorize inside `compute` and put the reader in the key (a stored value then proves that
 * reader was allowed; a refusal throws, and nothing is stored). Either way the key holds whatever of the
 * caller shapes the response, and what decides access must empty the cache when it changes.
 *
 * Requests that miss the same key while its computation runs wait for that computation instead of starting
 * their own: when a large entry (a 200-person autonomy matrix) expires under load, one query runs, not fifty.
 * A computation started before a change is never shared with a request that arrives after it (the key
 * carries the version), nor is one whose value `keep` may refuse.
 */
export interface OrgCache<T> {
  /** `keep` may refuse to store a value that must be computed afresh each time (it is still returned). */
  getOrCompute(
    orgId: string,
    key: string,
    compute: () => Promise<T>,
    keep?: (value: T) => boolean,
  ): Promise<T>;
  /** Something in this organisation changed: forget its entries. */
  changed(orgId: string): void;
  /** Something that may touch every organisation changed (people moved): forget everything. */
  clear(): void;
}

export function createOrgCache<T>(opts: { ttlMs: number; maxEntries: number }): OrgCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  const running = new Map<string, Promise<T>>();
  const versions = new Map<string, number>();
  let generation = 0;
  return {
    getOrCompute(orgId, key, compute, keep) {
      const full = `${orgId}:${generation}:${versions.get(orgId) ?? 0}:${key}`;
      const hit = entries.get(full);
      if (hit && Date.now() - hit.at <= opts.ttlMs) return Promise.resolve(hit.value);
      // A value `keep` may refuse is one that must be fresh for each reader: never shared in flight.
      const pending = keep ? undefined : running.get(full);
      if (pending) return pending;
      const computing = (async () => {
        try {
          const value = await compute();
          if (keep && !keep(value)) return value;
          if (entries.size >= opts.maxEntries) entries.clear();
          entries.set(full, { value, at: Date.now() });
          return value;
        } finally {
          running.delete(full);
        }
      })();
      if (!keep) running.set(full, computing);
      return computing;
    },
    changed(orgId) {
      versions.set(orgId, (versions.get(orgId) ?? 0) + 1);
      for (const k of entries.keys()) if (k.startsWith(`${orgId}:`)) entries.delete(k);
    },
    clear() {
      generation += 1;
      // Only when something is held: V8 gives a cleared Map a fresh table, in the old generation when the
      // Map is old, and people writes clear every cache (mark-compacts every ~1.5 s under profile edits).
      if (entries.size > 0) entries.clear();
    },
  };
}
